package io.mdbops.integrations.opsmanager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failed API call, classified. The message is built only from the HTTP status, the API's
 * {@code errorCode}, {@code detail} and {@code parameters}, with every secret the call carried
 * replaced by {@code <redacted>}: it is safe to log and to put into a status condition.
 */
public class ApiException extends Exception {

  /** What kind of failure this is; decides retry and the status reason. */
  public enum Kind {
    /** No HTTP response: connection refused or reset, timeout, TLS failure. */
    TRANSPORT(true),
    /** 5xx. */
    SERVER(true),
    /** 429; see {@link #retryAfter()}. */
    RATE_LIMITED(true),
    /** Not sent: the project's client-side request budget is spent; {@link #retryAfter()} says when. */
    THROTTLED(true),
    /** 401: the key pair was refused, or has no access to the project. */
    UNAUTHORIZED(false),
    /** 403: missing role, or the caller's IP is not on the API access list. */
    FORBIDDEN(false),
    /** 404 for the project itself (unknown or invalid id). */
    PROJECT_NOT_FOUND(false),
    /** Any other 4xx: the request was refused as it stands (400, 404, 409, ...). */
    REJECTED(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Kind kind;
  private final int httpStatus;
  private final String errorCode;
  private final String detail;
  private final List<String> parameters;
  private final Duration retryAfter;
  private final boolean timedOut;

  public ApiException(
      Kind kind,
      int httpStatus,
      String errorCode,
      String detail,
      List<String> parameters,
      Duration retryAfter,
      String message) {
    this(kind, httpStatus, errorCode, detail, parameters, retryAfter, message, false);
  }

  /** @param timedOut no response within the configured timeout (only with {@link Kind#TRANSPORT}) */
  public ApiException(
      Kind kind,
      int httpStatus,
      String errorCode,
      String detail,
      List<String> parameters,
      Duration retryAfter,
      String message,
      boolean timedOut) {
    super(message, null, false, false);
    this.timedOut = timedOut;
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.detail = detail;
    this.parameters = parameters == null ? List.of() : List.copyOf(parameters);
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind.retryable();
  }

  /** HTTP status, or 0 when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The API's errorCode (e.g. INTEGRATION_FIELDS_INVALID), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The API's detail, scrubbed, or null. */
  public String detail() {
    return detail;
  }

  public List<String> parameters() {
    return parameters;
  }

  /** Whether the call gave up waiting for a response (it may or may not have been applied). */
  public boolean timedOut() {
    return timedOut;
  }

  /** How long the API asked us to wait (429 Retry-After), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
