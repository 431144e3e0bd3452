package io.mdbops.integrations.metrics;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mdbops.integrations.BuildInfo;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.opsmanager.ApiCallListener;
import io.mdbops.integrations.sync.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator's own metrics, beside JOSDK's reconcile metrics. Every label is bounded (method,
 * endpoint kind, status code, integration type, reason): never a resource name, URL or anything
 * derived from a secret. The one project id label is on integrations left behind, which a person
 * must find and remove: it grows with the projects that had one, not with traffic.
 */
public final class OperatorMetrics implements ApiCallListener {

  static final String PREFIX = "integrations.operator.";

  /**
   * Histogram buckets of API requests: a Digest round trip to Cloud Manager takes tens of
   * milliseconds to a few hundred, a slow Ops Manager seconds, and the default timeout is 30 s.
   */
  static final Duration[] REQUEST_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

  private final PrometheusMeterRegistry registry;
  private final Clock clock;
  private final Counter challenges;
  private final Map<ResourceID, Standing> standings = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> resourceCounts = new ConcurrentHashMap<>();
  private final AtomicInteger leader = new AtomicInteger();

  /** Where a resource stands: its type, its Ready reason, and since when it has not been Synced. */
  private record Standing(String type, ConditionReason reason, Instant unsyncedSince) {}

  public OperatorMetrics(PrometheusMeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.challenges = Counter.builder(PREFIX + "api.digest.challenges")
        .description("HTTP Digest challenges answered by the API (401 with a nonce)")
        .register(registry);
    Gauge.builder(PREFIX + "leader", leader, AtomicInteger::get)
        .description("1 when this replica leads (or leader election is off), 0 on a standby")
        .register(registry);
    Gauge.builder(PREFIX + "oldest.unsynced.resource.age", this, OperatorMetrics::oldestUnsyncedSeconds)
        .baseUnit("seconds")
        .description("How long the resource that has gone longest without being Synced has waited")
        .register(registry);
    Gauge.builder(PREFIX + "conflicts", this, m -> m.count(ConditionReason.Conflict))
        .description("Resources that do not write because an older resource manages the same integration")
        .register(registry);
    Gauge.builder(PREFIX + "build.info", () -> 1)
        .description("The running build: version, commit and Java runtime; always 1")
        .tags("version", BuildInfo.version(), "commit", BuildInfo.commit(), "java", Runtime.version().toString())
        .register(registry);
    registerBoundedSeries();
  }

  /**
   * Every series whose labels are known up front exists from the start at zero, so dashboards and
   * alerts see 0 rather than "no data" before the first event.
   */
  private void registerBoundedSeries() {
    for (IntegrationType type : IntegrationType.values()) {
      for (Change change : Change.values()) {
        if (change != Change.None) {
          writes(type, change);
        }
      }
      drift(type);
      rotations(type);
    }
    for (Endpoint endpoint : Endpoint.values()) {
      for (var cause : java.util.List.of(io.mdbops.integrations.opsmanager.ApiException.Kind.SERVER,
          io.mdbops.integrations.opsmanager.ApiException.Kind.TRANSPORT,
          io.mdbops.integrations.opsmanager.ApiException.Kind.RATE_LIMITED)) {
        retries(endpoint, cause);
      }
    }
    for (ConditionReason reason : java.util.List.of(ConditionReason.ApiUnavailable, ConditionReason.RateLimited,
        ConditionReason.Unauthorized, ConditionReason.Forbidden, ConditionReason.ProjectNotFound,
        ConditionReason.Conflict)) {
      reconcileRetries(reason);
    }
    budgetWaits();
    deferrals();
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Everything registered, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** The usual JVM and process metrics (memory, GC, threads, CPU, uptime). */
  public OperatorMetrics withJvmMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return this;
  }

  @Override
  public void onCall(String method, Endpoint endpoint, int httpStatus, Duration duration) {
    Timer.builder(PREFIX + "api.request.duration")
        .description("API requests by method, endpoint kind and HTTP status (0 = no response)")
        .tags("method", method, "endpoint", endpoint.name().toLowerCase(Locale.ROOT),
            "status", String.valueOf(httpStatus))
        .serviceLevelObjectives(REQUEST_BUCKETS)
        .register(registry)
        .record(duration);
  }

  @Override
  public void onDigestChallenge() {
    challenges.increment();
  }

  /** A pass wrote the integration; counts writes by cause, drift corrections and rotations. */
  public void written(IntegrationType type, Change change) {
    writes(type, change).increment();
    if (change == Change.DriftCorrected) {
      drift(type).increment();
    } else if (change == Change.SecretRotated) {
      rotations(type).increment();
    }
  }

  private Counter writes(IntegrationType type, Change change) {
    return Counter.builder(PREFIX + "integration.writes")
        .description("Integrations written, by type and cause (Created, Adopted, Updated, SecretRotated, DriftCorrected)")
        .tags("type", type.name(), "cause", change.name())
        .register(registry);
  }

  private Counter drift(IntegrationType type) {
    return Counter.builder(PREFIX + "drift.corrections")
        .description("Changes made outside Kubernetes that the operator undid, by integration type")
        .tag("type", type.name())
        .register(registry);
  }

  private Counter rotations(IntegrationType type) {
    return Counter.builder(PREFIX + "secret.rotations")
        .description("Rotated Secrets re-sent to the API, by integration type")
        .tag("type", type.name())
        .register(registry);
  }

  /**
   * A deletion let its resource go with the integration still in the project, because the
   * namespace was being deleted and the removal kept failing.
   */
  public void leftBehind(String projectId, IntegrationType type) {
    Counter.builder(PREFIX + "integrations.left.behind")
        .description("Integrations left in their project by deletions in a namespace being deleted that could not"
            + " remove them, by project and type")
        .tags("project", projectId == null ? "unknown" : projectId, "type", type == null ? "unknown" : type.name())
        .register(registry)
        .increment();
  }

  /** A pass scheduled again after a failure, by reason (ApiUnavailable, RateLimited, ...). */
  public void retryScheduled(ConditionReason reason) {
    reconcileRetries(reason).increment();
  }

  private Counter reconcileRetries(ConditionReason reason) {
    return Counter.builder(PREFIX + "reconcile.retries")
        .description("Passes scheduled again after a failure, by reason")
        .tag("reason", reason.name())
        .register(registry);
  }

  @Override
  public void onRetry(Endpoint endpoint, io.mdbops.integrations.opsmanager.ApiException.Kind cause) {
    retries(endpoint, cause).increment();
  }

  private Counter retries(Endpoint endpoint, io.mdbops.integrations.opsmanager.ApiException.Kind cause) {
    return Counter.builder(PREFIX + "api.retries")
        .description("API calls tried again within a pass, by endpoint kind and cause")
        .tags("endpoint", endpoint.name().toLowerCase(Locale.ROOT), "cause", cause.name())
        .register(registry);
  }

  @Override
  public void onBudgetWait(Duration waited) {
    budgetWaits().record(waited);
  }

  private Timer budgetWaits() {
    return Timer.builder(PREFIX + "api.rate.limit.wait")
        .description("Waits for the client-side per-project request budget")
        .register(registry);
  }

  /** A pass handed back to the queue because its project's request budget was spent. */
  public void deferred() {
    deferrals().increment();
  }

  private Counter deferrals() {
    return Counter.builder(PREFIX + "api.rate.limit.deferrals")
        .description("Passes deferred because the project's client-side request budget was spent")
        .register(registry);
  }

  /** Records where a resource stands after a pass; feeds the resources, conflicts and age gauges. */
  public void standing(ResourceID id, IntegrationType type, ConditionReason reason) {
    String t = type == null ? "unknown" : type.name();
    standings.compute(id, (k, previous) -> {
      Instant since = reason.ready() ? null
          : previous != null && previous.unsyncedSince() != null ? previous.unsyncedSince() : clock.instant();
      if (previous != null) {
        counter(previous.type(), previous.reason()).decrementAndGet();
      }
      counter(t, reason).incrementAndGet();
      return new Standing(t, reason, since);
    });
  }

  public void forget(ResourceID id) {
    standings.computeIfPresent(id, (k, previous) -> {
      counter(previous.type(), previous.reason()).decrementAndGet();
      return null;
    });
  }

  public void leading(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  private AtomicInteger counter(String type, ConditionReason reason) {
    return resourceCounts.computeIfAbsent(type + "/" + reason.name(), key -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder(PREFIX + "resources", value, AtomicInteger::get)
          .description("Managed resources by integration type and Ready reason")
          .tags(Tags.of("type", type, "reason", reason.name(),
              "ready", String.valueOf(reason.ready())))
          .register(registry);
      return value;
    });
  }

  /** How many resources stand at {@code reason} after their last pass in this process. */
  public int resourcesAt(ConditionReason reason) {
    return count(reason);
  }

  private int count(ConditionReason reason) {
    return (int) standings.values().stream().filter(s -> s.reason() == reason).count();
  }

  private double oldestUnsyncedSeconds() {
    Instant now = clock.instant();
    return standings.values().stream()
        .map(Standing::unsyncedSince)
        .filter(java.util.Objects::nonNull)
        .min(Instant::compareTo)
        .map(since -> Duration.between(since, now).toMillis() / 1000.0)
        .orElse(0.0);
  }
}
