package io.mdbops.integrations.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers matching authenticated requests with an error instead of serving them, holds them past
 * the client's timeout ({@link #hang}), or drops the connection ({@link #reset}). A rule matches
 * by method, project and type (each optional), fires for the next {@code times} matching requests
 * (unlimited by default), each time with a {@code probability} (1 by default). Built with {@link
 * #respond(int)}; thread-safe.
 */
public final class FaultRule {

  private final int status;
  private final ApiError error;
  private final String method;
  private final String projectId;
  private final String type;
  private final double probability;
  private final Duration retryAfter;
  private final AtomicInteger remaining;
  private final AtomicInteger fired = new AtomicInteger();
  private final Duration hang;
  private final boolean reset;

  private FaultRule(Builder b) {
    this.hang = b.hang;
    this.reset = b.reset;
    this.status = b.status;
    this.error = b.error;
    this.method = b.method;
    this.projectId = b.projectId;
    this.type = b.type;
    this.probability = b.probability;
    this.retryAfter = b.retryAfter != null || b.status != 429 ? b.retryAfter : Duration.ofSeconds(1);
    this.remaining = new AtomicInteger(b.times);
  }

  /**
   * A rule answering {@code status} with the matching error body: 500 {@code UNEXPECTED_ERROR},
   * 429 {@code RATE_LIMITED} (with {@code Retry-After}, 1 s unless set), 401 {@code
   * USER_UNAUTHORIZED}, 404 {@code RESOURCE_NOT_FOUND}, else a body named after the reason phrase.
   */
  public static Builder respond(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a fault must be an error status, not " + status);
    }
    return new Builder(status, null);
  }

  /**
   * Holds a matching request for {@code duration}, then serves it normally: a client with a shorter
   * timeout gives up on a request that the API nevertheless applied.
   */
  public static Builder hang(Duration duration) {
    Builder b = new Builder(0, null);
    b.hang = Objects.requireNonNull(duration);
    return b;
  }

  /** Closes the connection of a matching request without answering, and without serving it. */
  public static Builder reset() {
    Builder b = new Builder(0, null);
    b.reset = true;
    return b;
  }

  /** How long a matching request is held before it is served, or null. */
  public Duration hangFor() {
    return hang;
  }

  /** Whether a matching request's connection is dropped. */
  public boolean resets() {
    return reset;
  }

  /** A rule answering with exactly this error. */
  public static Builder respond(ApiError error) {
    return new Builder(error.status(), error);
  }

  public int status() {
    return status;
  }

  /** How many times it fired. */
  public int fired() {
    return fired.get();
  }

  /** How many more times it may fire; -1 when unlimited. */
  public int remaining() {
    return Math.max(remaining.get(), -1);
  }

  /** The Retry-After it sends, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  boolean matches(String requestMethod, String requestProject, String requestType) {
    return (method == null || method.equalsIgnoreCase(requestMethod))
        && (projectId == null || projectId.equals(requestProject))
        && (type == null || type.equals(requestType));
  }

  /** Decides whether it fires for one matching request, and counts it. */
  boolean tryFire(Random random) {
    if (remaining.get() == 0 || (probability < 1.0 && random.nextDouble() >= probability)) {
      return false;
    }
    while (true) {
      int left = remaining.get();
      if (left == 0) {
        return false;
      }
      if (left < 0 || remaining.compareAndSet(left, left - 1)) {
        fired.incrementAndGet();
        return true;
      }
    }
  }

  ApiError errorFor(String path) {
    if (error != null) {
      return error;
    }
    return switch (status) {
      case 500 -> ApiError.of(ErrorCode.UNEXPECTED_ERROR);
      case 429 -> ApiError.of(ErrorCode.RATE_LIMITED, path, 100, 1);
      case 401 -> ApiError.of(ErrorCode.USER_UNAUTHORIZED);
      case 404 -> ApiError.of(ErrorCode.RESOURCE_NOT_FOUND, path);
      default -> ApiError.generic(status);
    };
  }

  @Override
  public String toString() {
    String what = hang != null ? "hang " + hang.toMillis() + "ms" : reset ? "reset" : String.valueOf(status);
    return "FaultRule[" + what + " for " + (method == null ? "*" : method) + " " + (projectId == null ? "*" : projectId)
        + "/" + (type == null ? "*" : type) + ", remaining=" + remaining() + ", p=" + probability + "]";
  }

  /** Builds a {@link FaultRule}. */
  public static final class Builder {
    private final int status;
    private final ApiError error;
    private String method;
    private String projectId;
    private String type;
    private int times = -1;
    private double probability = 1.0;
    private Duration retryAfter;
    private Duration hang;
    private boolean reset;

    private Builder(int status, ApiError error) {
      this.status = status;
      this.error = error;
    }

    /** Only requests with this HTTP method. */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method);
      return this;
    }

    /** Only requests for this project. */
    public Builder project(String projectId) {
      this.projectId = Objects.requireNonNull(projectId);
      return this;
    }

    /** Only requests for this integration type. */
    public Builder type(String type) {
      this.type = Objects.requireNonNull(type);
      return this;
    }

    /** Fires for the next {@code n} matching requests only. */
    public Builder times(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("times must be at least 1");
      }
      this.times = n;
      return this;
    }

    /** Fires for each matching request with this probability (0..1). */
    public Builder probability(double p) {
      if (p < 0 || p > 1) {
        throw new IllegalArgumentException("probability must be within 0..1");
      }
      this.probability = p;
      return this;
    }

    /** Sends {@code Retry-After} with this many (whole) seconds. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = Objects.requireNonNull(retryAfter);
      return this;
    }

    public FaultRule build() {
      return new FaultRule(this);
    }
  }
}
