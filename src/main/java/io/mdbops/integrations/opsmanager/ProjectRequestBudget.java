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
 *
 * <p>The server's own word counts too (Atlas v2 sends {@code RateLimit-Remaining} with its answers
 * and {@code Retry-After} with a 429): a project whose server budget is spent, or that was told to
 * wait, sends nothing until then; its passes go back to the queue without a request, instead of
 * each collecting its own 429.
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
  /** Projects the server told to wait, and until when ({@link System#nanoTime()}). */
  private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();

  /** How long a project waits after the server said {@code RateLimit-Remaining: 0} without saying how long. */
  static final Duration EMPTY_SERVER_BUDGET_PAUSE = Duration.ofSeconds(5);
  /** A pause ends this much before the server's Retry-After, so a retry sent at that time is not held back. */
  private static final Duration RETRY_AFTER_SLACK = Duration.ofMillis(100);

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
    if (project != null) {
      waitForServer(project);
    }
    if (perMinute > 0 && project != null) {
      acquire(project);
    }
    Response response = chain.proceed(chain.request());
    if (project != null) {
      listen(project, response);
    }
    return response;
  }

  /** Fails fast while the server's word holds the project back. */
  private void waitForServer(String project) throws ThrottledException {
    Long until = pausedUntil.get(project);
    if (until == null) {
      return;
    }
    long left = until - System.nanoTime();
    if (left <= 0) {
      pausedUntil.remove(project, until);
      return;
    }
    throw new ThrottledException(Duration.ofNanos(left).plusMillis(50), perMinute);
  }

  /** Notes what the answer says of the server's budget for the project. */
  private void listen(String project, Response response) {
    Duration pause = null;
    if (response.code() == 429) {
      Duration retryAfter = ApiErrors.parseRetryAfter(response.header("Retry-After"), java.time.Clock.systemUTC());
      if (retryAfter != null) {
        pause = retryAfter.minus(RETRY_AFTER_SLACK);
      }
    } else if (response.isSuccessful() && serverBudgetSpent(response.header("RateLimit-Remaining"))) {
      pause = EMPTY_SERVER_BUDGET_PAUSE;
    }
    if (pause != null && !pause.isNegative() && !pause.isZero()) {
      long until = System.nanoTime() + pause.toNanos();
      pausedUntil.merge(project, until, Math::max);
    }
  }

  private static boolean serverBudgetSpent(String remaining) {
    if (remaining == null) {
      return false;
    }
    try {
      return Long.parseLong(remaining.trim()) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
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
