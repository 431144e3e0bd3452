package io.mdbops.integrations.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures how fast the embedded Kubernetes API answers while the operator works: one GET of a
 * small object every {@code interval}, timed from the benchmark's own client. If these take as long
 * as the operator's writes, the API server, not the operator, sets the pace.
 */
final class KubeProbe implements AutoCloseable {

  /** @param p50Ms median of the GETs; @param p99Ms 99th percentile; @param samples how many */
  record Result(int samples, double p50Ms, double p99Ms, double maxMs) {}

  private final List<Double> millis = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  private KubeProbe(KubernetesClient client, String namespace, String secret, long intervalMillis) {
    thread = new Thread(() -> {
      while (running) {
        long t = System.nanoTime();
        try {
          client.secrets().inNamespace(namespace).withName(secret).get();
          synchronized (millis) {
            millis.add((System.nanoTime() - t) / 1e6);
          }
          Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // the probe must not fail the run; a failed GET is simply not a sample
        }
      }
    }, "bench-kube-probe");
    thread.setDaemon(true);
    thread.start();
  }

  static KubeProbe start(KubernetesClient client, String namespace, String secret, long intervalMillis) {
    return new KubeProbe(client, namespace, secret, intervalMillis);
  }

  Result result() {
    List<Double> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    sorted.sort(Comparator.naturalOrder());
    return new Result(sorted.size(), Tally.round(Tally.percentile(sorted, 0.5)),
        Tally.round(Tally.percentile(sorted, 0.99)),
        sorted.isEmpty() ? Double.NaN : Tally.round(sorted.get(sorted.size() - 1)));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
