package io.mdbops.integrations.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the process's CPU went during a phase, by component, from per-thread CPU times. Everything
 * runs in one JVM on a small machine, so this shows how much of it the operator got and how much
 * the embedded Kubernetes API, the simulator and the JVM itself (GC, JIT) took.
 */
final class CpuAccount {

  /**
   * @param wallSeconds length of the phase
   * @param processCpuSeconds CPU time of the whole process
   * @param utilisation process CPU / (wall × cores)
   * @param gcSeconds time the collectors report for the phase (pauses and concurrent work mixed)
   * @param jitSeconds time the JIT compilers spent compiling during the phase
   * @param threadsStarted threads the process started during the phase
   * @param byComponent CPU seconds per component; "JVM (GC, JIT, VM threads)" is the rest of the process
   * @param topThreads the busiest threads
   */
  record Result(double wallSeconds, double processCpuSeconds, double utilisation, double gcSeconds,
      double jitSeconds, long threadsStarted, Map<String, Double> byComponent, List<String> topThreads) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> startCpu = new HashMap<>();
  private final long startProcess;
  private final long startGc;
  private final long startJit;
  private final long startThreads;
  private final long startNanos;

  private CpuAccount() {
    for (long id : threads.getAllThreadIds()) {
      startCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    startProcess = processCpu();
    startGc = gcMillis();
    startJit = jitMillis();
    startThreads = threads.getTotalStartedThreadCount();
    startNanos = System.nanoTime();
  }

  static CpuAccount start() {
    return new CpuAccount();
  }

  /** @param reconcilerThreads ids of the threads seen running reconciles */
  Result stop(Set<Long> reconcilerThreads) {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double process = (processCpu() - startProcess) / 1e9;
    Map<String, Double> by = new LinkedHashMap<>();
    Map<String, Double> perThread = new HashMap<>();
    double threadSum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      double s = (cpu - startCpu.getOrDefault(info.getThreadId(), 0L)) / 1e9;
      threadSum += s;
      String component = component(info.getThreadName(), reconcilerThreads.contains(info.getThreadId()));
      by.merge(component, s, Double::sum);
      perThread.merge(info.getThreadName(), s, Double::sum);
    }
    // threads that ended during the phase are in the process total only
    by.merge("JVM (GC, JIT, VM threads) and ended threads", Math.max(0, process - threadSum), Double::sum);
    Map<String, Double> sorted = new LinkedHashMap<>();
    by.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), round(e.getValue())));
    List<String> top = perThread.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(12)
        .map(e -> e.getKey() + " " + round(e.getValue()) + " s")
        .toList();
    int cores = Runtime.getRuntime().availableProcessors();
    return new Result(round(wall), round(process), round(process / (wall * cores)),
        round((gcMillis() - startGc) / 1e3), round((jitMillis() - startJit) / 1e3),
        threads.getTotalStartedThreadCount() - startThreads, sorted, top);
  }

  static String component(String name, boolean reconciler) {
    if (reconciler || name.startsWith("ReconcilerExecutor-")) {
      return "operator: reconcilers";
    }
    if (name.startsWith("drift-") || name.startsWith("wake-up")) {
      return "operator: drift watch";
    }
    if (name.startsWith("OkHttp")) {
      return "operator: OkHttp (API client)";
    }
    if (name.startsWith("HttpClient-") || name.startsWith("JdkHttpClientFactory") || name.contains("Informer") || name.contains("informer")
        || name.startsWith("-") || name.startsWith("EventProcessor") || name.startsWith("pool-")) {
      return "fabric8/JOSDK client threads (operator + bench)";
    }
    if (name.startsWith("vert.x-")) {
      return "embedded Kubernetes API (vert.x)";
    }
    if (name.startsWith("api-simulator-") || name.startsWith("HTTP-Dispatcher")) {
      return "API simulator";
    }
    if (name.startsWith("bench-")) {
      return "benchmark";
    }
    return "other: " + name.replaceAll("[-#]?\\d+", "");
  }

  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
