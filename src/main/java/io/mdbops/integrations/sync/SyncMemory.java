package io.mdbops.integrations.sync;

import io.mdbops.integrations.opsmanager.IntegrationView;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process remembers about each resource between passes (by uid). Losing it on restart
 * costs no write: the status holds what a restart needs.
 */
final class SyncMemory {

  /**
   * A write the API accepted but did not hold, and what the project looked like after it: while the
   * spec, the Secrets and the project stay so, writing again would only give the same answer.
   */
  record NotHeld(long generation, Map<String, String> secretVersions, Optional<IntegrationView> live, String message) {

    boolean sameSituation(long generation, Map<String, String> secretVersions, Optional<IntegrationView> live) {
      return this.generation == generation && this.secretVersions.equals(secretVersions) && this.live.equals(live);
    }
  }

  /**
   * @param syncedGeneration the spec generation last brought in sync, or -1
   * @param notHeld the last write the API did not hold, while it stands
   */
  record Remembered(long syncedGeneration, NotHeld notHeld) {}

  private final Map<String, Remembered> byUid = new ConcurrentHashMap<>();

  Remembered get(String uid) {
    return byUid.get(uid);
  }

  void synced(String uid, long generation) {
    byUid.put(uid, new Remembered(generation, null));
  }

  void notHeld(String uid, NotHeld notHeld) {
    Remembered previous = byUid.get(uid);
    byUid.put(uid, new Remembered(previous == null ? -1 : previous.syncedGeneration(), notHeld));
  }

  void forget(String uid) {
    byUid.remove(uid);
  }
}
