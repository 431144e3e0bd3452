package io.mdbops.integrations.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Injected failures and latency. Rules are tried in the order they were added; the first that
 * matches and fires answers the request. Latency applies to every request, challenges included.
 * Thread-safe; may be changed while the simulator runs.
 */
public final class FaultInjector {

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final Random random;
  private volatile Latency latency;

  private record Latency(long minNanos, long maxNanos) {}

  FaultInjector(Random random, Duration minLatency, Duration maxLatency) {
    this.random = random;
    setLatency(minLatency, maxLatency);
  }

  /** Adds a rule after the existing ones and returns it. */
  public FaultRule add(FaultRule rule) {
    rules.add(rule);
    return rule;
  }

  public boolean remove(FaultRule rule) {
    return rules.remove(rule);
  }

  public List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** Removes every rule and the latency. */
  public void clear() {
    rules.clear();
    setLatency(Duration.ZERO);
  }

  /** Every request waits exactly this long before it is answered. */
  public void setLatency(Duration latency) {
    setLatency(latency, latency);
  }

  /** Every request waits a random time, uniform within {@code min..max}, before it is answered. */
  public void setLatency(Duration min, Duration max) {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency needs 0 <= min <= max");
    }
    this.latency = new Latency(min.toNanos(), max.toNanos());
  }

  Optional<FaultRule> match(String method, String projectId, String type) {
    for (FaultRule rule : rules) {
      if (rule.matches(method, projectId, type) && rule.tryFire(random)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** Sleeps for this request's latency. */
  void delay() throws InterruptedException {
    Latency current = latency;
    long min = current.minNanos();
    long max = current.maxNanos();
    long nanos = max > min ? min + (long) (random.nextDouble() * (max - min)) : min;
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }
}
