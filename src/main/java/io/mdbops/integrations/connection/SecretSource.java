package io.mdbops.integrations.connection;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/**
 * Where the operator reads Secrets: its informer cache. Usually no call to the Kubernetes API; the
 * one exception is a Secret whose data the cache dropped while nothing referenced it, which is read
 * once from the API when a resource starts referencing it (see ResourceIndex).
 */
@FunctionalInterface
public interface SecretSource {
  Optional<Secret> get(String namespace, String name);
}
