package io.mdbops.integrations.connection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The connections resources wrote through, kept in this process's memory while such a resource
 * lives: deleting a namespace deletes its Secrets at once and its resources only once their
 * finalizers have run, so the connection Secret is usually gone when a resource must remove its
 * integration. Never written anywhere; a connection is dropped when the last resource that wrote
 * through it is gone, and all of it with the process. Thread-safe.
 */
public final class ConnectionMemory {

  /** The last connection seen through one Secret, and the resources (by uid) that wrote through it. */
  private record Held(ResolvedConnection connection, Set<String> writers) {}

  private final Map<String, Held> bySecret = new HashMap<>();
  private final Map<String, String> secretOf = new HashMap<>();

  /**
   * Resource {@code uid} wrote (or is known to have written) through {@code connection}: keep it
   * until that resource is gone. The newest connection seen through a Secret replaces the older.
   */
  public synchronized void wrote(String uid, ResolvedConnection connection) {
    String secretId = connection.secretId();
    String previous = secretOf.put(uid, secretId);
    if (previous != null && !previous.equals(secretId)) {
      leave(uid, previous);
    }
    Held held = bySecret.get(secretId);
    Set<String> writers = held == null ? new HashSet<>() : held.writers();
    writers.add(uid);
    bySecret.put(secretId, new Held(connection, writers));
  }

  /**
   * The connection resource {@code uid} wrote through, if it is the one of Secret {@code secretId}
   * (namespace/name): a resource now naming another Secret gets nothing.
   */
  public synchronized Optional<ResolvedConnection> recall(String uid, String secretId) {
    Held held = secretId.equals(secretOf.get(uid)) ? bySecret.get(secretId) : null;
    return held == null ? Optional.empty() : Optional.of(held.connection());
  }

  /** Resource {@code uid} is gone; its connection goes too when no other writer is left. */
  public synchronized void forget(String uid) {
    String secretId = secretOf.remove(uid);
    if (secretId != null) {
      leave(uid, secretId);
    }
  }

  /** Forgets every resource {@code alive} no longer knows (one whose finalizer was removed by hand). */
  public synchronized void retainOnly(Predicate<String> alive) {
    Set.copyOf(secretOf.keySet()).stream().filter(alive.negate()).forEach(this::forget);
  }

  /** How many connections are held. */
  public synchronized int size() {
    return bySecret.size();
  }

  private void leave(String uid, String secretId) {
    Held held = bySecret.get(secretId);
    if (held != null && held.writers().remove(uid) && held.writers().isEmpty()) {
      bySecret.remove(secretId);
    }
  }
}
