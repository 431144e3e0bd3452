package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnAddFilter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Drops the add events of the Secrets a Secret informer listed when it started. The informer hands
 * them out after the operator has begun its passes, and each would wake every resource that
 * references the Secret for a pass that finds nothing new: every resource gets a first pass anyway,
 * reading the Secret from the filled cache. A Secret created or changed since (another
 * resourceVersion) still wakes its resources.
 */
final class SecretsAtStart implements OnAddFilter<Secret> {

  private volatile Map<String, String> versions;

  /** What the informer held once it had started (filled). */
  void remember(Stream<Secret> listed) {
    Map<String, String> map = new ConcurrentHashMap<>();
    listed.forEach(s -> map.put(key(s), String.valueOf(s.getMetadata().getResourceVersion())));
    versions = map;
  }

  /** Once the initial list has long been handed out, nothing needs remembering. */
  void forget() {
    versions = null;
  }

  @Override
  public boolean accept(Secret secret) {
    Map<String, String> known = versions;
    if (known == null) {
      return true;
    }
    String key = key(secret);
    String version = known.get(key);
    if (version != null && Objects.equals(version, secret.getMetadata().getResourceVersion())) {
      known.remove(key); // its one add from the initial list
      return false;
    }
    return true;
  }

  private static String key(Secret s) {
    return s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
  }
}
