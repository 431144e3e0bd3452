package io.mdbops.integrations.bench;

import io.mdbops.integrations.opsmanager.ApiCallListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The operator's own account of its API traffic (client side), to set beside the simulator's
 * journal (server side): exchanges by method and Digest challenges.
 */
final class CallCounter implements ApiCallListener {

  private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();
  private final LongAdder challenges = new LongAdder();

  @Override
  public void onCall(String method, Endpoint endpoint, int httpStatus, Duration duration) {
    byMethod.computeIfAbsent(method, m -> new LongAdder()).increment();
  }

  @Override
  public void onDigestChallenge() {
    challenges.increment();
  }

  Map<String, Long> byMethod() {
    Map<String, Long> m = new TreeMap<>();
    byMethod.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  long challenges() {
    return challenges.sum();
  }

  void reset() {
    byMethod.clear();
    challenges.reset();
  }
}
