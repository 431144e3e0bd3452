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
 */
public record ApiClientSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration callTimeout,
    String userAgent,
    int maxIdleConnections,
    Duration keepAlive,
    int itemsPerPage) {

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
  }

  /** 10 s connect, 30 s read and write, 60 s per call, 5 idle connections kept 5 min, 100 per page. */
  public static ApiClientSettings defaults() {
    return new ApiClientSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        BuildInfo.userAgent(),
        5,
        Duration.ofMinutes(5),
        100);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
