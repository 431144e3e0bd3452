package io.mdbops.integrations.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The API keys the simulator accepts, by public key. May revoke every key it holds at a set time
 * (as if an owner deleted them all in the UI): the revocation happens at the first look-up at or
 * after that time, so it follows the simulator's clock. Thread-safe.
 */
final class ApiKeyRegistry {

  private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
  private final Clock clock;
  private Instant revokeAllAt;

  ApiKeyRegistry(Clock clock) {
    this.clock = clock;
  }

  /** Revokes every key held at {@code when}; keys added after the revocation stay. */
  synchronized void revokeAllAt(Instant when) {
    revokeAllAt = when;
  }

  void add(ApiKey key) {
    keys.put(key.publicKey(), key);
  }

  boolean remove(String publicKey) {
    return keys.remove(publicKey) != null;
  }

  Optional<ApiKey> find(String publicKey) {
    revokeIfDue();
    return Optional.ofNullable(keys.get(publicKey));
  }

  private synchronized void revokeIfDue() {
    if (revokeAllAt != null && !clock.instant().isBefore(revokeAllAt)) {
      keys.clear();
      revokeAllAt = null;
    }
  }

  Optional<String> privateKey(String publicKey) {
    return find(publicKey).map(ApiKey::privateKey);
  }

  void grant(String publicKey, String projectId) {
    update(publicKey, k -> {
      if (k.allProjects()) {
        return k;
      }
      Set<String> ids = new HashSet<>(k.projectIds());
      ids.add(projectId);
      return k.withProjects(ids);
    });
  }

  void revoke(String publicKey, String projectId) {
    update(publicKey, k -> {
      if (k.allProjects()) {
        throw new IllegalArgumentException("API key " + publicKey + " reaches every project; add it with a"
            + " list of projects to take one away");
      }
      Set<String> ids = new HashSet<>(k.projectIds());
      ids.remove(projectId);
      return k.withProjects(ids);
    });
  }

  void setAccessList(String publicKey, Set<String> addresses) {
    update(publicKey, k -> k.withAccessList(addresses));
  }

  private void update(String publicKey, UnaryOperator<ApiKey> change) {
    if (keys.computeIfPresent(publicKey, (pub, key) -> change.apply(key)) == null) {
      throw new IllegalArgumentException("no API key " + publicKey);
    }
  }
}
