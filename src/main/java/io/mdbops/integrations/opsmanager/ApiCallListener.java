package io.mdbops.integrations.opsmanager;

import java.time.Duration;

/**
 * Hook for metrics: told about every HTTP exchange the client makes. Called on the calling thread;
 * implementations must be fast, thread-safe and must not throw (exceptions are logged and ignored).
 */
public interface ApiCallListener {

  /** Which operation of {@link IntegrationsApi} the exchange belongs to. */
  enum Endpoint {
    LIST,
    GET,
    /** A write of a type the project does not have: POST on Atlas v2. */
    CREATE,
    PUT,
    DELETE,
    /** The OAuth token endpoint (service accounts). */
    TOKEN
  }

  ApiCallListener NOOP = new ApiCallListener() {};

  /**
   * One request/response exchange finished (each page of a list counts once; Digest round trips
   * inside the exchange do not).
   *
   * @param method HTTP method
   * @param httpStatus final HTTP status, or 0 when no response arrived
   * @param duration wall time of the exchange, including Digest challenges
   */
  default void onCall(String method, Endpoint endpoint, int httpStatus, Duration duration) {}

  /** The server answered with a Digest challenge (a 401 carrying {@code WWW-Authenticate: Digest}). */
  default void onDigestChallenge() {}

  /** An idempotent call failed with a retryable error and is tried again inside the same pass. */
  default void onRetry(Endpoint endpoint, ApiException.Kind cause) {}

  /** A request waited this long for the project's client-side budget (only called when it waited). */
  default void onBudgetWait(Duration waited) {}

  /** Tells this listener, then {@code other}. */
  default ApiCallListener and(ApiCallListener other) {
    ApiCallListener first = this;
    return new ApiCallListener() {
      @Override
      public void onCall(String method, Endpoint endpoint, int httpStatus, Duration duration) {
        first.onCall(method, endpoint, httpStatus, duration);
        other.onCall(method, endpoint, httpStatus, duration);
      }

      @Override
      public void onDigestChallenge() {
        first.onDigestChallenge();
        other.onDigestChallenge();
      }

      @Override
      public void onRetry(Endpoint endpoint, ApiException.Kind cause) {
        first.onRetry(endpoint, cause);
        other.onRetry(endpoint, cause);
      }

      @Override
      public void onBudgetWait(Duration waited) {
        first.onBudgetWait(waited);
        other.onBudgetWait(waited);
      }
    };
  }
}
