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
 */
public final class DriftWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);
  private static final double JITTER = 0.1;

  /** What a resource expects its integration to look like, and where. */
  private record Watch(ProjectKey key, String type, IntegrationsApi api, Optional<IntegrationView> expected) {}

  private final ProjectSnapshots snapshots;
  private final Duration interval;
  private final Consumer<ResourceID> wake;
  private final int parallelism;
  private final Map<ResourceID, Watch> watches = new ConcurrentHashMap<>();
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
  public void watch(ThirdPartyIntegration resource, ProjectKey key, IntegrationsApi api, IntegrationView expected) {
    watches.put(
        ResourceID.fromResource(resource),
        new Watch(key, resource.getSpec().getType().name(), api, Optional.ofNullable(expected)));
  }

  public void unwatch(ResourceID id) {
    Watch removed = watches.remove(id);
    if (removed != null && watches.values().stream().noneMatch(w -> w.key().equals(removed.key()))) {
      snapshots.forget(removed.key());
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
    IntegrationsApi api = members.get(0).getValue().api();
    ProjectSnapshot snapshot;
    try {
      snapshot = snapshots.refresh(key, () -> api.list(key.projectId()));
    } catch (ApiException e) {
      LOG.info("drift check of project {} could not read it: {}", key, e.getMessage());
      return 0;
    }
    int woken = 0;
    for (Map.Entry<ResourceID, Watch> member : members) {
      Watch w = member.getValue();
      if (watches.get(member.getKey()) != w) {
        continue; // re-registered or removed meanwhile by a pass, which saw newer state
      }
      if (!Objects.equals(snapshot.ofType(w.type()), w.expected())) {
        wake.accept(member.getKey());
        woken++;
      }
    }
    return woken;
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
