package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import java.util.function.Function;

/**
 * One API field of an integration type and where its desired value comes from: a plain value of the
 * type block, or a key of a referenced Secret.
 *
 * @param apiField the JSON field name in the API
 * @param plain for plain fields: reads the API value (already normalised) from the block, or null
 * @param secretRef for secret fields: reads the Secret reference from the block, or null
 * @param form for secret fields: how the API shows the value when read back
 * @param absentMeans for plain fields: the value the API assumes when the field is absent (e.g.
 *     region {@code US}), or null
 * @param optional a text field the spec may leave out; once written, it is cleared by sending
 *     {@code ""} (a PUT that merges would keep it if it were only left out)
 */
public record FieldMapping(
    String apiField,
    Function<Object, Object> plain,
    Function<Object, SecretKeySelector> secretRef,
    SecretForm form,
    Object absentMeans,
    boolean optional) {

  public boolean isSecret() {
    return secretRef != null;
  }

  /** This field, optional. */
  FieldMapping makeOptional() {
    return new FieldMapping(apiField, plain, secretRef, form, absentMeans, true);
  }

  @SuppressWarnings("unchecked")
  static <B> FieldMapping plain(String apiField, Function<B, Object> read, Object absentMeans) {
    return new FieldMapping(apiField, b -> read.apply((B) b), null, null, absentMeans, false);
  }

  @SuppressWarnings("unchecked")
  static <B> FieldMapping secret(String apiField, Function<B, SecretKeySelector> ref, SecretForm form) {
    return new FieldMapping(apiField, null, b -> ref.apply((B) b), form, null, false);
  }
}
