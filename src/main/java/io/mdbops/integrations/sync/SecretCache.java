package io.mdbops.integrations.sync;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/** Read access to the operator's cache of Secrets; never a call to the Kubernetes API. */
@FunctionalInterface
public interface SecretCache {
  Optional<Secret> get(String namespace, String name);
}
