package io.mdbops.integrations.bench;

import java.util.List;
import java.util.Map;

/**
 * What one run measured; written as JSON and printed as a table. Times are seconds unless the name
 * says otherwise. Sections of scenarios that did not run are null.
 */
public record BenchResult(
    String startedAt,
    String version,
    String commit,
    double runSeconds,
    Machine machine,
    Setup setup,
    Creation creation,
    Cold cold,
    Steady steady,
    Rotation rotation,
    Restart restart,
    MemoryUse memory,
    Startup startup,
    List<Target> targets) {

  /** The knobs of the run. */
  public record Setup(int resources, int projects, int namespaces, int credentialsSecrets, int connectionSecrets,
      double latencyMs, int concurrency, int rotations, int apiRequestsPerMinute, int maxIdleConnections,
      int simulatorThreads, String kubeApi, int warmup, int unrelatedSecrets, int unrelatedSecretBytes,
      boolean asyncEvents, String resyncInterval,
      String scenarios, boolean watchNamespaces, Map<String, Object> simulatorModes) {}

  /**
   * Creating the objects, before the operator starts.
   *
   * @param writeCostMs what one write costs the Kubernetes API here: seconds × threads / objects
   */
  public record Creation(double seconds, int objects, int threads, double writeCostMs) {}

  /**
   * Cold convergence: the operator starts with every resource already created and none synced.
   *
   * @param operatorStartSeconds {@code start()} until JOSDK's caches were filled
   * @param wallSeconds {@code start()} until the last resource was Ready
   * @param floorSeconds ceil(PUTs / concurrency) × latency: the API's latency only
   * @param rateLimitBoundSeconds the bound the per-project request limit would impose if enforced
   * @param requestFloorSeconds ceil(every API request / concurrency) × latency (lists and challenges too)
   * @param ratio wall / max(floor, rate-limit bound)
   * @param floorWithKubeWritesSeconds the floor plus the writes no operator can avoid (a finalizer and a
   *     status per resource), ceil(2 × resources / concurrency) × the measured per-write cost
   * @param ratioWithKubeWrites wall / that floor
   * @param kubeLatency how long a GET took from the embedded Kubernetes API meanwhile
   */
  public record Cold(int resources, boolean allReady, List<String> notReadySample, double operatorStartSeconds,
      double wallSeconds, double half, double p90, double firstPutSeconds, double lastPutSeconds, long puts,
      Map<String, Long> apiRequests, long digestChallenges, Map<String, Long> clientCalls, long clientChallenges,
      int maxRequestsPerProject, Map<String, Long> kubeWrites, long kubeRequests, double floorSeconds,
      double rateLimitBoundSeconds, double requestFloorSeconds, double ratio, double floorWithKubeWritesSeconds,
      double ratioWithKubeWrites, long passes, ThreadSampler.Result reconcileThreads,
      KubeProbe.Result kubeLatency, CpuAccount.Result cpu) {}

  /** One drift interval with nothing changed. */
  public record Steady(int projects, int watchedProjects, int woken, double pollSeconds, Map<String, Long> apiRequests,
      long totalRequests, long digestChallenges, double requestsPerProject, long puts, Map<String, Long> clientCalls,
      Map<String, Long> kubeWrites, long kubeRequests, int apiClients) {}

  /** Rotating credentials Secrets: Secret update (Kubernetes API arrival) to PUT (simulator arrival). */
  public record Rotation(int rotated, long puts, int matched, double p50Ms, double p99Ms, double maxMs,
      Map<String, Long> apiRequests, Map<String, Long> kubeWrites, int statusesUpdated, double seconds) {}

  /**
   * A new operator starting over the converged fleet (the old one closed first, same cluster and API).
   *
   * @param operatorStartSeconds {@code start()} until JOSDK's caches were filled
   * @param verifiedSeconds {@code start()} until every resource had a pass that compared it with its
   *     project and found it Synced
   * @param verifiedAfterCachesSeconds the same, counted from when the caches were filled (the
   *     informers' initial list is the Kubernetes API's cost, not the passes')
   * @param floorSeconds ceil(projects / concurrency) × latency: one list per project
   * @param ratio verifiedAfterCachesSeconds / floor
   * @param listsPerProject list calls / projects
   */
  public record Restart(int resources, int projects, boolean allVerified, double operatorStartSeconds,
      double verifiedSeconds, double verifiedAfterCachesSeconds, double floorSeconds, double ratio, double listsPerProject, long puts,
      Map<String, Long> apiRequests, Map<String, Long> kubeWrites, long kubeRequests) {}

  /**
   * The operator as its own process ({@code java -jar JAR run}): from process start to {@code /readyz}
   * answering 200 and to the first request the API received, for an empty cluster and for the
   * populated, converged one; with an AppCDS archive when asked.
   */
  public record Startup(String command, List<Launch> launches) {}

  /** One start of the operator process. */
  public record Launch(String cluster, int resources, boolean cds, double readySeconds, double firstApiCallSeconds,
      long puts, String note) {}

  /**
   * Heap and RSS at four points of the run. The operator's share is the live heap with it running
   * minus the live heap right after it was closed (same objects in the embedded API and simulator).
   */
  public record MemoryUse(List<Memory.Point> points, double operatorHeapMiB, double operatorHeapUpperBoundMiB,
      double harnessHeapMiB, Map<String, Long> instancesBefore, Map<String, Long> instancesRunning, Map<String, Long> instancesClosed,
      List<Memory.ClassBytes> histogram, List<Memory.ClassBytes> operatorClasses) {}

  /** A target of the issue and whether this run met it. */
  public record Target(String name, String goal, String measured, boolean met) {}
}
