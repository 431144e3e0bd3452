package io.mdbops.integrations.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed-window request limit per project. Thread-safe. */
final class RateLimiter {

  private record Window(Instant start, int count) {}

  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** {@code limit} requests per {@code window} and project; a limit of 0 disables it. */
  RateLimiter(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  boolean enabled() {
    return limit > 0;
  }

  int limit() {
    return limit;
  }

  /** How many whole minutes the window spans, at least 1 (for the error text). */
  long windowMinutes() {
    return Math.max(1, (window.toSeconds() + 59) / 60);
  }

  /** Requests the project has left in its current window (without counting one). */
  int remaining(String projectId) {
    Window w = windows.get(projectId);
    if (w == null || !clock.instant().isBefore(w.start().plus(window))) {
      return limit;
    }
    return Math.max(0, limit - w.count());
  }

  /** Counts a request; empty when allowed, else the seconds until the window resets. */
  OptionalLong acquire(String projectId) {
    if (!enabled()) {
      return OptionalLong.empty();
    }
    Instant now = clock.instant();
    Window w = windows.compute(projectId, (id, current) ->
        current == null || !now.isBefore(current.start().plus(window))
            ? new Window(now, 1)
            : new Window(current.start(), current.count() + 1));
    if (w.count() <= limit) {
      return OptionalLong.empty();
    }
    long millisLeft = Duration.between(now, w.start().plus(window)).toMillis();
    return OptionalLong.of(Math.max(1, (millisLeft + 999) / 1000));
  }
}
