package io.mdbops.integrations.sync;

import io.mdbops.integrations.connection.SecretSource;
import io.mdbops.integrations.connection.SecretData;
import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.mapping.SecretUnavailableException;
import io.mdbops.integrations.mapping.SecretValues;
import java.util.HashMap;
import java.util.Map;

/** {@link SecretValues} over the Secret cache, for the Secrets of one namespace. */
final class SecretResolver implements SecretValues {

  private final SecretSource cache;
  private final String namespace;
  private final Map<String, String> versions = new HashMap<>();

  SecretResolver(SecretSource cache, String namespace) {
    this.cache = cache;
    this.namespace = namespace;
  }

  @Override
  public String value(SecretKeySelector ref) throws SecretUnavailableException {
    Secret secret = cache.get(namespace, ref.getName())
        .orElseThrow(() -> new SecretUnavailableException(
            ConditionReason.SecretNotFound,
            ref.getName(),
            "Secret " + namespace + "/" + ref.getName() + " does not exist; create it with the key "
                + ref.getKey()));
    versions.put(ref.getName(), secret.getMetadata().getResourceVersion());
    SecretData.Read read = SecretData.read(secret, ref.getKey());
    if (read instanceof SecretData.Value v) {
      return v.value();
    }
    throw keyProblem(ref, SecretData.problem(read, ref.getKey()));
  }

  @Override
  public String resourceVersion(String name) {
    return versions.get(name);
  }

  private SecretUnavailableException keyProblem(SecretKeySelector ref, String what) {
    return new SecretUnavailableException(
        ConditionReason.SecretKeyMissing,
        ref.getName(),
        "Secret " + namespace + "/" + ref.getName() + " " + what);
  }
}
