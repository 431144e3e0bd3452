package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code doctor} measured about one server, as far as the operator acts on it; {@link
 * #ASSUMED} where nothing was measured, so that the documented defaults apply.
 *
 * @param masks how reads showed each secret or URL field, by {@code TYPE.field}
 * @param putReplaces whether a PUT drops the fields it leaves out (true) or keeps them (false)
 * @param emptyStringClears whether {@code ""} for an optional field removes it
 * @param nonceReuse whether a Digest nonce signs more than one request
 */
public record MeasuredBehaviour(
    Map<String, MaskRule> masks, Optional<Boolean> putReplaces, Optional<Boolean> emptyStringClears,
    Optional<Boolean> nonceReuse) {

  /** Nothing measured: the operator follows the documentation and learns from its own writes. */
  public static final MeasuredBehaviour ASSUMED =
      new MeasuredBehaviour(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());

  public MeasuredBehaviour {
    masks = Map.copyOf(masks);
  }

  /** How reads show {@code field} of {@code type}, when it was measured. */
  public Optional<MaskRule> mask(IntegrationType type, String field) {
    return Optional.ofNullable(masks.get(type.name() + "." + field));
  }
}
