package io.mdbops.integrations.simulator;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which reading of each documented ambiguity a simulator plays, in one place a report can print
 * ({@link SimulatorOptions#modes()}). Text values are what the {@code simulator} and {@code
 * sandbox} flags take ({@code merge}, {@code last-four}, {@code cloud-manager}), so a report reads
 * like the flags that reproduce it.
 *
 * @param putSemantics {@code replace} or {@code merge}
 * @param emptyStringClears whether {@code ""} for an optional field clears it ({@code
 *     --empty-string clears}); false when it is ignored
 * @param nonceReuse whether a Digest nonce signs more than one request ({@code --nonce-reuse
 *     accepted})
 * @param urlMask {@code host}, {@code stars} or {@code last-four}
 * @param secretMask {@code last-four}, {@code fixed-prefix} or {@code full}
 * @param product {@code cloud-manager} or {@code ops-manager} (the connection Secret's {@code product} key)
 * @param acceptedTypes the accepted integration types, sorted
 * @param datadogRegion whether DATADOG takes {@code region}
 * @param revokeKeysAfter ISO-8601 duration after start when every key is revoked, or {@code never}
 */
public record SimulatorModes(
    String putSemantics,
    boolean emptyStringClears,
    boolean nonceReuse,
    String urlMask,
    String secretMask,
    String product,
    List<String> acceptedTypes,
    boolean datadogRegion,
    String revokeKeysAfter) {

  public SimulatorModes {
    acceptedTypes = List.copyOf(acceptedTypes);
  }

  static SimulatorModes of(SimulatorOptions o) {
    return new SimulatorModes(flag(o.putSemantics()), o.emptyString() == EmptyString.CLEARS,
        o.nonceReuse() == NonceReuse.ACCEPTED, flag(o.urlMask()), flag(o.secretMask()), o.product().key(),
        sorted(o.acceptedTypes()), o.datadogRegion(), duration(o.revokeKeysAfter()));
  }

  /** The modes by their stable keys (the component names), in declaration order. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("putSemantics", putSemantics);
    map.put("emptyStringClears", emptyStringClears);
    map.put("nonceReuse", nonceReuse);
    map.put("urlMask", urlMask);
    map.put("secretMask", secretMask);
    map.put("product", product);
    map.put("acceptedTypes", acceptedTypes);
    map.put("datadogRegion", datadogRegion);
    map.put("revokeKeysAfter", revokeKeysAfter);
    return map;
  }

  /** The entries of {@link #asMap()} whose value differs from {@code base}'s, in the same order. */
  public Map<String, Object> differencesFrom(SimulatorModes base) {
    Map<String, Object> theirs = base.asMap();
    Map<String, Object> differences = asMap();
    differences.entrySet().removeIf(e -> Objects.equals(e.getValue(), theirs.get(e.getKey())));
    return differences;
  }

  /** An enum constant as the flags write it: {@code LAST_FOUR} as {@code last-four}. */
  public static String flag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static List<String> sorted(Collection<String> types) {
    return types.stream().sorted().toList();
  }

  private static String duration(Duration d) {
    return d == null ? "never" : d.toString();
  }
}
