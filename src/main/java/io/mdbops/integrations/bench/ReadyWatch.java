package io.mdbops.integrations.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every ThirdPartyIntegration (as {@code kubectl get -w} would) and records when each first
 * became Ready=True/Synced for its current generation. Keeps one timestamp per resource, no copies.
 */
final class ReadyWatch implements AutoCloseable {

  private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
  private final Map<String, String> notReady = new ConcurrentHashMap<>();
  private final Watch watch;

  private ReadyWatch(KubernetesClient client) {
    watch = client.resources(ThirdPartyIntegration.class).inAnyNamespace().watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, ThirdPartyIntegration r) {
        String key = r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
        if (isReady(r)) {
          readyAt.putIfAbsent(key, Instant.now());
          notReady.remove(key);
        } else if (r.getStatus() != null) {
          r.getStatus().ready().ifPresent(c -> notReady.put(key, c.getReason() + ": " + c.getMessage()));
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        // fabric8 reconnects on its own; a final close only happens when the benchmark ends
      }
    });
  }

  static ReadyWatch start(KubernetesClient client) {
    return new ReadyWatch(client);
  }

  static boolean isReady(ThirdPartyIntegration r) {
    Condition c = r.getStatus() == null ? null : r.getStatus().ready().orElse(null);
    return c != null && Condition.TRUE.equals(c.getStatus()) && c.getReason() == ConditionReason.Synced
        && Objects.equals(c.getObservedGeneration(), r.getMetadata().getGeneration());
  }

  int count() {
    return readyAt.size();
  }

  /** Waits until {@code n} resources were Ready; false on timeout. */
  boolean await(int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (readyAt.size() < n) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      BenchCluster.sleep(10);
    }
    return true;
  }

  /** When each resource became Ready, sorted. */
  List<Instant> times() {
    List<Instant> all = new ArrayList<>(readyAt.values());
    Collections.sort(all);
    return all;
  }

  /** A few of the reasons resources are not Ready, for an error message. */
  List<String> notReadySample() {
    return notReady.entrySet().stream().limit(5).map(e -> e.getKey() + " " + e.getValue()).toList();
  }

  @Override
  public void close() {
    watch.close();
  }
}
