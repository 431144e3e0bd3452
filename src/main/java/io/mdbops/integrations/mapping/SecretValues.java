package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of the Secret keys a spec's block references, and the resourceVersion of each Secret
 * they came from: read before the desired integration is built, so mapping never reads Secrets.
 *
 * @param values by reference; every reference of the block has a non-empty value, except for an
 *     observed resource, whose unreadable references are left out
 * @param versions by Secret name
 */
public record SecretValues(Map<SecretKeySelector, String> values, Map<String, String> versions) {

  public SecretValues {
    values = Map.copyOf(values);
    versions = Map.copyOf(versions);
  }

  /** Values for every reference of {@code spec}'s block, looked up by {@code value} and {@code version}. */
  public static SecretValues of(
      ThirdPartyIntegrationSpec spec, Function<SecretKeySelector, String> value, Function<String, String> version) {
    Map<SecretKeySelector, String> values = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    for (SecretKeySelector ref : DesiredIntegrations.referencedSecrets(spec)) {
      values.put(ref, value.apply(ref));
      versions.put(ref.getName(), version.apply(ref.getName()));
    }
    return new SecretValues(values, versions);
  }

  String value(SecretKeySelector ref) {
    String v = values.get(ref);
    if (v == null) {
      throw new IllegalArgumentException("no value was read for " + ref);
    }
    return v;
  }

  boolean has(SecretKeySelector ref) {
    return values.containsKey(ref);
  }

  String version(String secretName) {
    return versions.get(secretName);
  }

  @Override
  public String toString() {
    return "SecretValues[" + values.size() + " values redacted, versions=" + versions + "]";
  }
}
