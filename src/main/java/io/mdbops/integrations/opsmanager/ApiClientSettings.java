package io.mdbops.integrations.opsmanager;

import io.mdbops.integrations.BuildInfo;
import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings shared by every API client a factory makes.
 *
 * @param connectTimeout TCP + TLS connect timeout
 * @param readTimeout longest wait for bytes of a response
 * @param writeTimeout longest wait to send bytes of a request
 * @param callTimeout whole exchange, Digest round trips included
 * @param userAgent sent as {@code User-Agent}
 * @param maxIdleConnections idle connections kept in the shared pool
 * @param keepAlive how long an idle connection is kept
 * @param itemsPerPage page size requested when listing (the API allows 1..500)
 * @param requestsPerMinute client-side budget of requests per minute and project; 0 = unlimited
 * @param budgetWait how long a request may wait for budget before it is handed back to the queue
 * @param retryAttempts tries of an idempotent call within one pass (1 = no retry)
 * @param retryBase first backoff between tries (doubling, jittered)
 * @param retryCap longest backoff between tries, and the longest Retry-After honoured within a pass
 */
public record ApiClientSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration callTimeout,
    String userAgent,
    int maxIdleConnections,
    Duration keepAlive,
    int itemsPerPage,
    int requestsPerMinute,
    Duration budgetWait,
    int retryAttempts,
    Duration retryBase,
    Duration retryCap) {

  public ApiClientSettings {
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    positive(writeTimeout, "writeTimeout");
    positive(callTimeout, "callTimeout");
    positive(keepAlive, "keepAlive");
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    if (maxIdleConnections < 0) {
      throw new IllegalArgumentException("maxIdleConnections must be >= 0");
    }
    if (itemsPerPage < 1 || itemsPerPage > 500) {
      throw new IllegalArgumentException("itemsPerPage must be within 1..500");
    }
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException("requestsPerMinute must be >= 0");
    }
    Objects.requireNonNull(budgetWait, "budgetWait");
    if (retryAttempts < 1) {
      throw new IllegalArgumentException("retryAttempts must be >= 1");
    }
    positive(retryBase, "retryBase");
    positive(retryCap, "retryCap");
  }

  /**
   * 10 s connect, 30 s read and write, 60 s per call, 5 idle connections kept 5 min, 100 per page,
   * 60 requests per minute and project (waiting at most 2 s for budget), 3 tries backing off from
   * 200 ms up to 2 s.
   */
  public static ApiClientSettings defaults() {
    return new ApiClientSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        BuildInfo.userAgent(),
        5,
        Duration.ofMinutes(5),
        100,
        60,
        Duration.ofSeconds(2),
        3,
        Duration.ofMillis(200),
        Duration.ofSeconds(2));
  }

  public ApiClientSettings withCallTimeout(Duration v) {
    return new ApiClientSettings(connectTimeout, readTimeout, writeTimeout, v, userAgent, maxIdleConnections,
        keepAlive, itemsPerPage, requestsPerMinute, budgetWait, retryAttempts, retryBase, retryCap);
  }

  public ApiClientSettings withReadTimeout(Duration v) {
    return new ApiClientSettings(connectTimeout, v, writeTimeout, callTimeout, userAgent, maxIdleConnections,
        keepAlive, itemsPerPage, requestsPerMinute, budgetWait, retryAttempts, retryBase, retryCap);
  }

  public ApiClientSettings withMaxIdleConnections(int v) {
    return new ApiClientSettings(connectTimeout, readTimeout, writeTimeout, callTimeout, userAgent, v,
        keepAlive, itemsPerPage, requestsPerMinute, budgetWait, retryAttempts, retryBase, retryCap);
  }

  public ApiClientSettings withRequestsPerMinute(int v) {
    return new ApiClientSettings(connectTimeout, readTimeout, writeTimeout, callTimeout, userAgent, maxIdleConnections,
        keepAlive, itemsPerPage, v, budgetWait, retryAttempts, retryBase, retryCap);
  }

  public ApiClientSettings withRetries(int attempts, Duration base, Duration cap) {
    return new ApiClientSettings(connectTimeout, readTimeout, writeTimeout, callTimeout, userAgent, maxIdleConnections,
        keepAlive, itemsPerPage, requestsPerMinute, budgetWait, attempts, base, cap);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
