package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed resource is tried again. Problems only a change can fix (spec, Secrets, connection,
 * a refusal by the API) wait for that change; the API being unavailable backs off exponentially with
 * jitter; credentials and missing projects back off slowly; 429 waits as long as the API asked.
 * Counts each resource's failures in a row, which is what the backoff grows with.
 */
public final class RetryPolicy {

  static final Duration FAST_START = Duration.ofSeconds(1);
  static final Duration FAST_CAP = Duration.ofMinutes(5);
  static final Duration SLOW_START = Duration.ofSeconds(30);
  static final Duration SLOW_CAP = Duration.ofMinutes(15);

  private final Duration resyncInterval;
  private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();

  public RetryPolicy(Duration resyncInterval) {
    this.resyncInterval = resyncInterval;
  }

  /**
   * Counts a failed pass of resource {@code uid} and says when to look again.
   *
   * @param retryAfter what the API asked for, if it did
   * @param recheckAfter when the situation is known to change soon, that instead of the policy
   * @return the delay before the next pass, or empty to wait for a change
   */
  public Optional<Duration> afterFailure(
      String uid, ConditionReason reason, Optional<Duration> retryAfter, Optional<Duration> recheckAfter) {
    int attempt = failuresInARow.merge(uid, 1, Integer::sum);
    return recheckAfter.isPresent() ? recheckAfter : after(reason, attempt, retryAfter);
  }

  /**
   * As {@link #afterFailure} for a removal that failed: a deleting resource has no spec to change,
   * so where the policy would wait for a change it looks again after a resync interval.
   */
  public Duration afterFailedRemoval(String uid, ConditionReason reason, Optional<Duration> retryAfter) {
    return afterFailure(uid, reason, retryAfter, Optional.empty()).orElse(resyncInterval);
  }

  /** The resource is fine again, or gone: its next failure starts the backoff anew. */
  public void reset(String uid) {
    failuresInARow.remove(uid);
  }

  /**
   * @param attempt 1 for the first failure in a row
   * @param retryAfter what the API asked for, if it did
   * @return the delay before the next pass, or empty to wait for a change
   */
  Optional<Duration> after(ConditionReason reason, int attempt, Optional<Duration> retryAfter) {
    return switch (reason) {
      case ApiUnavailable -> Optional.of(exponential(FAST_START, FAST_CAP, attempt));
      case RateLimited -> Optional.of(retryAfter
          .map(d -> d.plus(jitter(d.dividedBy(10))))
          .orElseGet(() -> exponential(FAST_START, FAST_CAP, attempt)));
      case Unauthorized, Forbidden, ProjectNotFound -> Optional.of(exponential(SLOW_START, SLOW_CAP, attempt));
      case Conflict -> Optional.of(resyncInterval);
      default -> Optional.empty();
    };
  }

  static Duration exponential(Duration start, Duration cap, int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 30));
    long millis = Math.min(cap.toMillis(), start.toMillis() << Math.min(doublings, 20));
    // ±20% so that resources failing together do not retry together
    long spread = millis / 5;
    return Duration.ofMillis(millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
  }

  private static Duration jitter(Duration max) {
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(max.toMillis() + 1));
  }
}
