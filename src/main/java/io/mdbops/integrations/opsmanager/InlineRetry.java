package io.mdbops.integrations.opsmanager;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.mdbops.integrations.opsmanager.ApiCallListener.Endpoint;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries an idempotent call (every call of this API is: GET, PUT-upsert, DELETE) a few times inside
 * the same pass when the failure is likely to be gone in a moment: a dropped connection, a 5xx, or a
 * 429 whose Retry-After is short. Timeouts, longer waits and client-side throttling go back to the
 * reconcile queue instead, so no thread sits waiting.
 */
final class InlineRetry {

  /** A call that may fail with an {@link ApiException}. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws ApiException;
  }

  private final int attempts;
  private final Duration base;
  private final Duration cap;
  private final ApiCallListener listener;

  /**
   * @param attempts tries in all (1 = no retry)
   * @param base first backoff; doubles each time, with jitter
   * @param cap the longest wait between tries, and the longest Retry-After honoured inline
   */
  InlineRetry(int attempts, Duration base, Duration cap, ApiCallListener listener) {
    this.attempts = attempts;
    this.base = base;
    this.cap = cap;
    this.listener = listener;
  }

  <T> T call(String name, Endpoint endpoint, Call<T> call) throws ApiException {
    if (attempts <= 1) {
      return call.run();
    }
    Retry retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(attempts)
        .retryOnException(e -> e instanceof ApiException a && retryable(a))
        .intervalBiFunction((IntervalBiFunction<Object>) this::interval)
        .failAfterMaxAttempts(false)
        .build());
    retry.getEventPublisher().onRetry(event -> {
      if (event.getLastThrowable() instanceof ApiException a) {
        listener.onRetry(endpoint, a.kind());
      }
    });
    try {
      return Retry.decorateCheckedSupplier(retry, call::run).get();
    } catch (ApiException | RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  boolean retryable(ApiException e) {
    return switch (e.kind()) {
      case SERVER -> true;
      case TRANSPORT -> !e.timedOut();
      case RATE_LIMITED -> e.retryAfter().map(d -> d.compareTo(cap) <= 0).orElse(true);
      default -> false;
    };
  }

  private Long interval(Integer attempt, Either<Throwable, Object> outcome) {
    if (outcome.isLeft() && outcome.getLeft() instanceof ApiException a && a.retryAfter().isPresent()) {
      return a.retryAfter().get().toMillis();
    }
    long exponential = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 16));
    // full jitter between half and all of it, so callers that failed together retry apart
    return exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
  }
}
