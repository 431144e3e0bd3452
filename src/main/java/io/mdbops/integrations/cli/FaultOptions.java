package io.mdbops.integrations.cli;

import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Flags that make the API simulator misbehave, so users can rehearse outages with the `simulator`
 * and `sandbox` commands. Each share is the probability (0..1) that a request gets that fault.
 */
public final class FaultOptions {

  @Option(names = "--fail-rate", paramLabel = "STATUS=P",
      description = "Answer a share P of requests with this error status (400..599; 5xx means 500), e.g. 500=0.2. Repeatable.")
  List<String> failRates = new ArrayList<>();

  @Option(names = "--rate-limit-rate", paramLabel = "P",
      description = "Answer a share P of requests with 429 RATE_LIMITED and Retry-After: 1.")
  double rateLimitRate;

  @Option(names = "--timeout-rate", paramLabel = "P",
      description = "Hold a share P of requests for --hang before serving them (the client times out; the write may still land).")
  double timeoutRate;

  @Option(names = "--hang", paramLabel = "DURATION", converter = Durations.class, defaultValue = "40s",
      description = "How long --timeout-rate holds a request; longer than the operator's API timeout. Default: ${DEFAULT-VALUE}.")
  Duration hang;

  @Option(names = "--reset-rate", paramLabel = "P",
      description = "Drop the connection of a share P of requests without answering (and without serving them).")
  double resetRate;

  @Option(names = "--latency", paramLabel = "DURATION[..DURATION]",
      description = "Delay every request by this long, or by a uniform random time within MIN..MAX, e.g. 20ms or 10ms..200ms.")
  String latency;

  @Option(names = "--nonce-ttl", paramLabel = "DURATION", converter = Durations.class,
      description = "How long a Digest nonce stays valid (default 5m); short values exercise stale-nonce handling.")
  Duration nonceTtl;

  /** Latency and nonce lifetime, into the simulator's options. */
  public SimulatorOptions.Builder applyTo(SimulatorOptions.Builder builder) {
    if (latency != null && !latency.isBlank()) {
      String[] range = latency.split("\\.\\.", 2);
      Duration min = Durations.parse(range[0]);
      Duration max = range.length == 2 ? Durations.parse(range[1]) : min;
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("--latency: the upper bound is below the lower one");
      }
      builder.latency(min, max);
    }
    if (nonceTtl != null) {
      builder.nonceTtl(nonceTtl);
    }
    return builder;
  }

  /** The fault rules the flags ask for, in a fixed order. */
  public List<FaultRule> rules() {
    List<FaultRule> rules = new ArrayList<>();
    for (String rate : failRates) {
      String[] parts = rate.split("=", 2);
      try {
        String status = parts[0].trim().toLowerCase(Locale.ROOT);
        int code = status.equals("5xx") ? 500 : Integer.parseInt(status);
        rules.add(FaultRule.respond(code).probability(share(parts[1])).build());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("--fail-rate: '" + rate + "' must be STATUS=P with an error status"
            + " (400..599, or 5xx) and a share within 0..1, e.g. 500=0.2");
      }
    }
    if (rateLimitRate > 0) {
      rules.add(FaultRule.respond(429).retryAfter(Duration.ofSeconds(1)).probability(check("--rate-limit-rate", rateLimitRate)).build());
    }
    if (timeoutRate > 0) {
      rules.add(FaultRule.hang(hang).probability(check("--timeout-rate", timeoutRate)).build());
    }
    if (resetRate > 0) {
      rules.add(FaultRule.reset().probability(check("--reset-rate", resetRate)).build());
    }
    return rules;
  }

  /** A one-line summary for the command's banner, or "" when nothing misbehaves. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (latency != null && !latency.isBlank()) {
      parts.add("latency " + latency);
    }
    failRates.forEach(r -> parts.add("failing " + r));
    if (rateLimitRate > 0) {
      parts.add("429 for " + rateLimitRate);
    }
    if (timeoutRate > 0) {
      parts.add("hanging " + hang.toSeconds() + "s for " + timeoutRate);
    }
    if (resetRate > 0) {
      parts.add("dropping connections for " + resetRate);
    }
    if (nonceTtl != null) {
      parts.add("nonces valid " + nonceTtl.toSeconds() + "s");
    }
    return String.join(", ", parts);
  }

  private static double share(String text) {
    double p = Double.parseDouble(text.trim());
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("share out of range");
    }
    return p;
  }

  private static double check(String flag, double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException(flag + ": " + p + " is not a share within 0..1");
    }
    return p;
  }
}
