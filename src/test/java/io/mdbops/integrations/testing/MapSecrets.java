package io.mdbops.integrations.testing;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.connection.SecretSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Secrets in a map, as the operator's cache would hold them; each put gets a new resourceVersion. */
public final class MapSecrets implements SecretSource {

  private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
  private final AtomicLong versions = new AtomicLong(100);

  @Override
  public Optional<Secret> get(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name));
  }

  /** Stores (or replaces) a Secret with these values; returns its new resourceVersion. */
  public String put(String namespace, String name, Map<String, String> values) {
    Secret secret = Fixtures.secret(namespace, name, values);
    String version = Long.toString(versions.incrementAndGet());
    secret.getMetadata().setResourceVersion(version);
    secrets.put(namespace + "/" + name, secret);
    return version;
  }

  public void remove(String namespace, String name) {
    secrets.remove(namespace + "/" + name);
  }
}
