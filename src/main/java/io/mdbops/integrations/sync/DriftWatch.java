package io.mdbops.integrations.sync;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds drift cheaply: every resync interval (jittered) it reads each watched project once, and wakes
 * only the resources whose integration no longer looks the way their last pass left it. Resources
 * register here from their passes, so a standby replica, which makes none, polls nothing.
 *
 * <p>A read that fails reaches the resources of that project too: at once when only a person can
 * fix it (refused key, missing role, project gone), and after {@value #TRANSIENT_CHECKS} checks in a
 * row for failures that pass by themselves (5xx, timeouts, 429), so one blip does not flap Ready.
 * Resources whose last pass failed are woken by the next successful read, so they heal on their own.
 */
public final class DriftWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);
  private static final double JITTER = 0.1;
  /** Drift checks in a row that must fail for a transient failure to reach the resources. */
  static final int TRANSIENT_CHECKS = 2;

  /**
   * What a resource expects its integration to look like, and where; {@code failing} when its last
   * pass could not read the project.
   */
  private record Watch(ProjectKey key, String credentials, String type, IntegrationsApi api,
      Optional<IntegrationView> expected, boolean failing) {}

  private final ProjectSnapshots snapshots;
  private final Duration interval;
  private final Consumer<ResourceID> wake;
  private final int parallelism;
  private final Map<ResourceID, Watch> watches = new ConcurrentHashMap<>();
  private final Map<ProjectKey, Integer> failedChecks = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;
  private ExecutorService readers;

  /**
   * @param wake triggers a pass of a resource
   * @param parallelism how many projects are read at the same time
   */
  public DriftWatch(ProjectSnapshots snapshots, Duration interval, Consumer<ResourceID> wake, int parallelism) {
    this.snapshots = snapshots;
    this.interval = interval;
    this.wake = wake;
    this.parallelism = parallelism;
  }

  /** Records what {@code resource}'s integration looked like at the end of its pass. */
  void watch(ThirdPartyIntegration resource, Target target, Optional<IntegrationView> expected) {
    watches.put(ResourceID.fromResource(resource), new Watch(target.key(), target.connection().clientKey(),
        target.type(), target.api(), expected, false));
  }

  /** Records that {@code resource}'s pass could not read its project: the next good read wakes it. */
  void watchFailing(ThirdPartyIntegration resource, Target target) {
    watches.put(ResourceID.fromResource(resource), new Watch(target.key(), target.connection().clientKey(),
        target.type(), target.api(), Optional.empty(), true));
  }

  public void unwatch(ResourceID id) {
    Watch removed = watches.remove(id);
    if (removed != null && watches.values().stream().noneMatch(w -> w.key().equals(removed.key()))) {
      snapshots.forget(removed.key());
      failedChecks.remove(removed.key());
    }
  }

  public int watchedProjects() {
    return (int) watches.values().stream().map(Watch::key).distinct().count();
  }

  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(daemon("drift-watch"));
    readers = Executors.newFixedThreadPool(parallelism, daemon("drift-read"));
    scheduleNext();
  }

  private synchronized void scheduleNext() {
    ScheduledExecutorService t = timer;
    if (t == null || t.isShutdown()) {
      return;
    }
    long base = interval.toMillis();
    long delay = base + (long) (base * JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1));
    t.schedule(() -> {
      try {
        pollNow();
      } catch (RuntimeException e) {
        LOG.warn("drift check failed: {}", e.toString());
      } finally {
        scheduleNext();
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  /** One drift check of every watched project; returns how many resources it woke. */
  public int pollNow() {
    Map<ProjectKey, List<Map.Entry<ResourceID, Watch>>> byProject = watches.entrySet().stream()
        .collect(Collectors.groupingBy(e -> e.getValue().key()));
    List<Future<Integer>> checks = new ArrayList<>();
    ExecutorService pool = readers != null ? readers : Executors.newFixedThreadPool(parallelism, daemon("drift-read"));
    try {
      byProject.forEach((key, members) -> checks.add(pool.submit(() -> check(key, members))));
      int woken = 0;
      for (Future<Integer> check : checks) {
        try {
          woken += check.get();
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.warn("drift check failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return woken;
    } finally {
      if (pool != readers) {
        pool.shutdown();
      }
    }
  }

  private int check(ProjectKey key, List<Map.Entry<ResourceID, Watch>> members) {
    Watch any = members.get(0).getValue();
    ProjectSnapshot snapshot;
    try {
      snapshot = snapshots.refresh(key, any.credentials(), () -> any.api().list(key.projectId()));
    } catch (ApiException e) {
      return failedRead(key, members, e);
    }
    failedChecks.remove(key);
    int woken = 0;
    for (Map.Entry<ResourceID, Watch> member : members) {
      Watch w = member.getValue();
      if (watches.get(member.getKey()) != w) {
        continue; // re-registered or removed meanwhile by a pass, which saw newer state
      }
      if (w.failing() || !Objects.equals(snapshot.ofType(w.type()), w.expected())) {
        wake.accept(member.getKey());
        woken++;
      }
    }
    return woken;
  }

  /** Wakes the project's resources when the failure is theirs to report; see the class comment. */
  private int failedRead(ProjectKey key, List<Map.Entry<ResourceID, Watch>> members, ApiException e) {
    if (e.kind() == ApiException.Kind.THROTTLED) {
      return 0; // our own request budget: nothing is wrong with the project
    }
    int inARow = failedChecks.merge(key, 1, Integer::sum);
    boolean report = ProjectSnapshots.needsAPerson(e) || inARow >= TRANSIENT_CHECKS;
    LOG.info("drift check of project {} could not read it ({} in a row{}): {}", key, inARow,
        report ? ", reported to its resources" : "", e.getMessage());
    if (!report) {
      return 0;
    }
    members.forEach(member -> wake.accept(member.getKey()));
    return members.size();
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      readers.shutdownNow();
      timer = null;
      readers = null;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
