package io.mdbops.integrations.opsmanager;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A client-side request budget per project, enforced on every request that goes on the wire
 * (Digest challenge round trips included), so the operator stays under the API's per-project limits
 * however many resources a project has. Each budget refills {@value #PERIODS_PER_MINUTE} times a
 * minute with a quarter of the per-minute rate (a burst big enough for a project's first pass over
 * all nine types), so any rolling minute sees at most 5/4 of the rate: 75 for the default 60,
 * below Cloud Manager's historical 100 per minute and project. A request
 * waits up to {@code maxWait} for its turn; a longer wait fails it with {@link ThrottledException},
 * freeing the thread, and the pass is tried again when budget is back.
 */
final class ProjectRequestBudget implements Interceptor {

  static final int PERIODS_PER_MINUTE = 4;

  /** The request was not sent; try again after {@link #retryAfter()}. */
  static final class ThrottledException extends IOException {
    private final Duration retryAfter;
    private final int perMinute;

    ThrottledException(Duration retryAfter, int perMinute) {
      super("client-side request budget spent", null);
      this.retryAfter = retryAfter;
      this.perMinute = perMinute;
    }

    Duration retryAfter() {
      return retryAfter;
    }

    int perMinute() {
      return perMinute;
    }
  }

  private final int perMinute;
  private final RateLimiterConfig config;
  private final ApiCallListener listener;
  /** A project's limiter and when it was made: its refill periods count from then. */
  private record Budget(RateLimiter limiter, long startNanos) {}

  private final Map<String, Budget> byProject = new ConcurrentHashMap<>();

  /** @param perMinute requests per minute and project; 0 means no limit */
  ProjectRequestBudget(int perMinute, Duration maxWait, ApiCallListener listener) {
    this.perMinute = perMinute;
    this.listener = listener;
    this.config = RateLimiterConfig.custom()
        .limitForPeriod(Math.max(1, perMinute / PERIODS_PER_MINUTE))
        .limitRefreshPeriod(Duration.ofMinutes(1).dividedBy(PERIODS_PER_MINUTE))
        .timeoutDuration(maxWait)
        .build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String project = projectOf(chain.request().url());
    if (perMinute > 0 && project != null) {
      acquire(project);
    }
    return chain.proceed(chain.request());
  }

  void acquire(String project) throws ThrottledException {
    Budget budget = byProject.computeIfAbsent(project, p -> new Budget(RateLimiter.of(p, config), System.nanoTime()));
    long start = System.nanoTime();
    if (!budget.limiter().acquirePermission()) {
      // the budget refills at the start of the next period, counted from when it was made
      long period = config.getLimitRefreshPeriod().toNanos();
      long intoPeriod = (System.nanoTime() - budget.startNanos()) % period;
      throw new ThrottledException(Duration.ofNanos(period - intoPeriod).plusMillis(50), perMinute);
    }
    long waited = System.nanoTime() - start;
    if (waited > 1_000_000) {
      listener.onBudgetWait(Duration.ofNanos(waited));
    }
  }

  /** The project id of {@code .../groups/{id}/...} URLs. */
  static String projectOf(HttpUrl url) {
    var segments = url.pathSegments();
    int i = segments.indexOf("groups");
    return i >= 0 && i + 1 < segments.size() ? segments.get(i + 1) : null;
  }
}
