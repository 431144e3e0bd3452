package io.mdbops.integrations.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples what the operator's reconcile threads are doing (JOSDK names a thread
 * {@code ReconcilerExecutor-<controller>-<id>} while it runs a reconcile) and tallies each busy
 * thread under the operation its stack is in. Busy share = busy samples / (samples × max concurrent
 * reconciles): below 1 means the executor waited for work, not for the API.
 */
final class ThreadSampler implements AutoCloseable {

  /** Stack markers by priority: the first marker found anywhere in the stack names the operation. */
  private static final String[][] MARKERS = {
      {"io.mdbops.integrations.sync.ProjectSnapshots$Entry", "await", "waiting for another pass's project list"},
      {"io.mdbops.integrations.opsmanager.OkHttpIntegrationsApi", "put", "API: PUT"},
      {"io.mdbops.integrations.opsmanager.OkHttpIntegrationsApi", "list", "API: list (GET)"},
      {"io.mdbops.integrations.opsmanager.OkHttpIntegrationsApi", "create", "API: POST"},
      {"io.mdbops.integrations.opsmanager.OkHttpIntegrationsApi", "delete", "API: DELETE"},
      {"io.mdbops.integrations.controller.EventRecorder", "record", "Kubernetes: write Event"},
      // the status write and the cache wait after it, as StatusWriter makes them
      {"io.mdbops.integrations.controller.StatusWriter", "", "Kubernetes: patch status"},
      {"io.mdbops.integrations.controller.FinalizerWriter", "", "Kubernetes: add or remove finalizer"},
      {"io.javaoperatorsdk.operator.processing.event.ReconciliationDispatcher$CustomResourceFacade", "patchStatus",
          "Kubernetes: patch status"},
      {"io.javaoperatorsdk.operator.processing.event.ReconciliationDispatcher$CustomResourceFacade", "",
          "Kubernetes: other JOSDK call"},
      {"io.mdbops.integrations.", "", "operator code (CPU)"},
  };

  /**
   * @param samples how many times the threads were looked at
   * @param busyShare busy reconcile-thread samples / (samples × concurrency)
   * @param byOperation share of busy samples per operation
   */
  record Result(int samples, double busyShare, Map<String, Double> byOperation) {}

  private final int concurrency;
  private final Map<String, Integer> tally = new HashMap<>();
  private final Set<Long> reconcilerIds = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean running = true;
  private int samples;
  private int busy;

  private ThreadSampler(int concurrency, long intervalMillis) {
    this.concurrency = concurrency;
    thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  static ThreadSampler start(int concurrency, long intervalMillis) {
    return new ThreadSampler(concurrency, intervalMillis);
  }

  private void sample() {
    Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
    synchronized (this) {
      samples++;
      all.forEach((t, stack) -> {
        if (!t.getName().startsWith("ReconcilerExecutor-")) {
          return;
        }
        reconcilerIds.add(t.getId());
        busy++;
        String op = t.getState() == Thread.State.BLOCKED ? blockedIn(stack) : classify(stack);
        tally.merge(op, 1, Integer::sum);
      });
    }
  }

  static String classify(StackTraceElement[] stack) {
    for (String[] m : MARKERS) {
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith(m[0]) && (m[1].isEmpty() || frame.getMethodName().equals(m[1]))) {
          return m[2];
        }
      }
    }
    return "JOSDK/fabric8 (other)";
  }

  /** A thread waiting to enter a monitor: where (the top frame is the synchronized code). */
  static String blockedIn(StackTraceElement[] stack) {
    if (stack.length == 0) {
      return "blocked on a lock";
    }
    String cls = stack[0].getClassName();
    return "blocked on a lock in " + cls.substring(cls.lastIndexOf('.') + 1) + "." + stack[0].getMethodName();
  }

  Set<Long> reconcilerThreadIds() {
    return Set.copyOf(reconcilerIds);
  }

  synchronized Result result() {
    Map<String, Double> shares = new LinkedHashMap<>();
    tally.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> shares.put(e.getKey(), CpuAccount.round(e.getValue() / (double) Math.max(1, busy))));
    return new Result(samples, CpuAccount.round(busy / (double) Math.max(1, samples * concurrency)), shares);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
