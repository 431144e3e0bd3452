package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed resource is tried again. FieldChecks only a change can fix (spec, Secrets, connection,
 * a refusal by the API) wait for that change; the API being unavailable backs off exponentially with
 * jitter; credentials and missing projects back off slowly; 429 waits as long as the API asked.
 */
public final class RetryPolicy {

  static final Duration FAST_START = Duration.ofSeconds(1);
  static final Duration FAST_CAP = Duration.ofMinutes(5);
  static final Duration SLOW_START = Duration.ofSeconds(30);
  static final Duration SLOW_CAP = Duration.ofMinutes(15);

  private final Duration resyncInterval;

  public RetryPolicy(Duration resyncInterval) {
    this.resyncInterval = resyncInterval;
  }

  /**
   * @param attempt 1 for the first failure in a row
   * @param retryAfter what the API asked for, if it did
   * @return the delay before the next pass, or empty to wait for a change
   */
  public Optional<Duration> after(ConditionReason reason, int attempt, Optional<Duration> retryAfter) {
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
