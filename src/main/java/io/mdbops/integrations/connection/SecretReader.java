package io.mdbops.integrations.connection;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.mapping.SecretValues;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the Secret keys a resource's block references, from the operator's Secret source. */
public final class SecretReader {

  private final SecretSource source;

  public SecretReader(SecretSource source) {
    this.source = source;
  }

  /** What could be read of a resource's references, and why the rest could not (never a value). */
  public record Available(SecretValues values, Map<SecretKeySelector, String> problems) {
    public Available {
      problems = Map.copyOf(problems);
    }
  }

  /**
   * Every referenced value, with the resourceVersion of each Secret read.
   *
   * @throws SecretUnavailableException for the first Secret that is missing or whose key is unusable
   */
  public SecretValues read(String namespace, Collection<SecretKeySelector> refs) throws SecretUnavailableException {
    Map<SecretKeySelector, String> values = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    for (SecretKeySelector ref : refs) {
      Secret secret = source.get(namespace, ref.getName())
          .orElseThrow(() -> new SecretUnavailableException(
              ConditionReason.SecretNotFound, ref.getName(), missing(namespace, ref)));
      versions.put(ref.getName(), secret.getMetadata().getResourceVersion());
      SecretData.Read read = SecretData.read(secret, ref.getKey());
      if (!(read instanceof SecretData.Value v)) {
        throw new SecretUnavailableException(
            ConditionReason.SecretKeyMissing, ref.getName(), unusable(namespace, ref, read));
      }
      values.put(ref, v.value());
    }
    return new SecretValues(values, versions);
  }

  /**
   * As {@link #read}, for a resource that only compares: a Secret or key that is missing, empty or
   * unusable is reported for its reference instead of ending the read.
   */
  public Available readAvailable(String namespace, Collection<SecretKeySelector> refs) {
    Map<SecretKeySelector, String> values = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    Map<SecretKeySelector, String> problems = new HashMap<>();
    for (SecretKeySelector ref : refs) {
      Optional<Secret> secret = source.get(namespace, ref.getName());
      if (secret.isEmpty()) {
        problems.put(ref, missing(namespace, ref));
        continue;
      }
      versions.put(ref.getName(), secret.get().getMetadata().getResourceVersion());
      SecretData.Read read = SecretData.read(secret.get(), ref.getKey());
      if (read instanceof SecretData.Value v) {
        values.put(ref, v.value());
      } else {
        problems.put(ref, unusable(namespace, ref, read));
      }
    }
    return new Available(new SecretValues(values, versions), problems);
  }

  private static String missing(String namespace, SecretKeySelector ref) {
    return "Secret " + namespace + "/" + ref.getName() + " does not exist; create it with the key " + ref.getKey();
  }

  private static String unusable(String namespace, SecretKeySelector ref, SecretData.Read read) {
    return "Secret " + namespace + "/" + ref.getName() + " " + SecretData.problem(read, ref.getKey());
  }
}
