package io.mdbops.integrations.connection;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.mapping.SecretValues;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Reads the Secret keys a resource's block references, from the operator's Secret source. */
public final class SecretReader {

  private final SecretSource source;

  public SecretReader(SecretSource source) {
    this.source = source;
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
              ConditionReason.SecretNotFound,
              ref.getName(),
              "Secret " + namespace + "/" + ref.getName() + " does not exist; create it with the key "
                  + ref.getKey()));
      versions.put(ref.getName(), secret.getMetadata().getResourceVersion());
      SecretData.Read read = SecretData.read(secret, ref.getKey());
      if (!(read instanceof SecretData.Value v)) {
        throw new SecretUnavailableException(
            ConditionReason.SecretKeyMissing,
            ref.getName(),
            "Secret " + namespace + "/" + ref.getName() + " " + SecretData.problem(read, ref.getKey()));
      }
      values.put(ref, v.value());
    }
    return new SecretValues(values, versions);
  }
}
