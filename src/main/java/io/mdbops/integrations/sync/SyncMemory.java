package io.mdbops.integrations.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process remembers about each resource between passes (by uid). Losing it on restart
 * costs at most one extra write per resource, never a wrong result.
 */
final class SyncMemory {

  /**
   * @param echo what the API showed for our last write
   * @param syncedGeneration the spec generation last brought in sync
   */
  record Remembered(LiveComparison.Echo echo, long syncedGeneration) {}

  private final Map<String, Remembered> byUid = new ConcurrentHashMap<>();

  Remembered get(String uid) {
    return byUid.get(uid);
  }

  void put(String uid, Remembered remembered) {
    byUid.put(uid, remembered);
  }

  void forget(String uid) {
    byUid.remove(uid);
  }
}
