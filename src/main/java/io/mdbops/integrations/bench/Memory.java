package io.mdbops.integrations.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.management.ObjectName;

/**
 * Heap and process memory. The heap figure is the live heap: used heap right after full
 * collections ({@code System.gc()}, which G1 and the other HotSpot collectors run as a full,
 * stop-the-world collection unless {@code -XX:+DisableExplicitGC} or {@code ExplicitGCInvokesConcurrent}
 * is set). RSS comes from {@code /proc/self/status} and covers the whole process.
 */
final class Memory {

  /**
   * One measurement.
   *
   * @param label what was running
   * @param heapMiB live heap after full GC
   * @param nonHeapMiB metaspace, code cache and the like
   * @param rssMiB resident set size of the process (VmRSS); -1 when unknown
   * @param rssPeakMiB the process's peak RSS so far (VmHWM); -1 when unknown
   * @param threads live Java threads
   */
  record Point(String label, double heapMiB, double nonHeapMiB, double rssMiB, double rssPeakMiB, int threads) {}

  /** One line of a class histogram. */
  record ClassBytes(String className, long instances, double mib) {}

  private Memory() {}

  /**
   * Classes whose instance counts show who holds what: the operator's caches hold resources and
   * Secrets as objects (the embedded API holds them as JSON text), so after the operator is closed
   * their counts must fall to about zero, or the closed operator is still reachable and the
   * subtraction undercounts it.
   */
  static final List<String> WITNESSES = List.of(
      io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration.class.getName(),
      io.fabric8.kubernetes.api.model.Secret.class.getName(),
      io.mdbops.integrations.controller.OperatorAssembly.class.getName(),
      io.javaoperatorsdk.operator.Operator.class.getName());

  /**
   * The HTTP client's threads end a moment after it is closed, and until then its watch listeners
   * keep the informers' caches reachable: fabric8 gives an unanswered WebSocket close one minute
   * before it aborts the connection, and the mock server leaves some closes unanswered. Wait (up to
   * {@code limit}: the benchmark gives 70 s, at most half the phase timeout) until none of the operator's objects is left (no more than
   * {@code before} the run), so the subtraction measures the whole operator. If some are left, the
   * report says so.
   */
  static List<ClassBytes> awaitReleased(Map<String, Long> before, Duration limit, Consumer<String> progress) {
    long start = System.nanoTime();
    while (true) {
      List<ClassBytes> histogram = histogram();
      long left = instances(histogram, WITNESSES).entrySet().stream()
          .mapToLong(e -> Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L))).sum();
      if (left == 0 || System.nanoTime() - start > limit.toNanos()) {
        progress.accept(String.format("memory: %d of the operator's objects left %.1f s after closing it", left,
            Tally.seconds(Duration.ofNanos(System.nanoTime() - start))));
        return histogram;
      }
      BenchCluster.sleep(1000);
    }
  }

  /** The memory section from the four points and the histograms around closing the operator. */
  static BenchResult.MemoryUse use(List<Point> points, Map<String, Long> before,
      List<ClassBytes> running, List<ClassBytes> closed) {
    double createdHeap = points.get(1).heapMiB();
    double runningHeap = points.get(2).heapMiB();
    double closedHeap = points.get(3).heapMiB();
    return new BenchResult.MemoryUse(points, Tally.round(runningHeap - closedHeap), Tally.round(runningHeap - createdHeap), closedHeap,
        before, instances(running, WITNESSES), instances(closed, WITNESSES),
        running.stream().limit(30).toList(), growth(closed, running, 15));
  }

  static Point measure(String label) {
    fullGc();
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    return new Point(label, mib(mx.getHeapMemoryUsage().getUsed()), mib(mx.getNonHeapMemoryUsage().getUsed()),
        procStatusMiB("VmRSS"), procStatusMiB("VmHWM"), ManagementFactory.getThreadMXBean().getThreadCount());
  }

  /** Full collections until the live heap stops shrinking (finalizers and soft references settle). */
  static void fullGc() {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      BenchCluster.sleep(100);
      long used = mx.getHeapMemoryUsage().getUsed();
      if (used >= previous - (1 << 20)) {
        return;
      }
      previous = used;
    }
  }

  /**
   * The live heap by class, largest first: what {@code jcmd GC.class_histogram} prints, asked of this
   * process through the DiagnosticCommand MBean (it runs a full GC first).
   */
  static List<ClassBytes> histogram() {
    List<ClassBytes> result = new ArrayList<>();
    try {
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      for (String line : text.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 4 && f[0].endsWith(":")) {
          result.add(new ClassBytes(f[3], Long.parseLong(f[1]), mib(Long.parseLong(f[2]))));
        }
      }
    } catch (Exception e) {
      result.add(new ClassBytes("unavailable: " + e.getClass().getSimpleName(), 0, 0));
    }
    return result;
  }

  /** The classes that grew most from {@code before} to {@code after}: what the difference is made of. */
  static List<ClassBytes> growth(List<ClassBytes> before, List<ClassBytes> after, int top) {
    java.util.Map<String, ClassBytes> was = new java.util.HashMap<>();
    before.forEach(c -> was.put(c.className(), c));
    return after.stream()
        .map(c -> {
          ClassBytes b = was.get(c.className());
          return new ClassBytes(c.className(), c.instances() - (b == null ? 0 : b.instances()),
              Math.round((c.mib() - (b == null ? 0 : b.mib())) * 10) / 10.0);
        })
        .sorted(java.util.Comparator.comparingDouble(ClassBytes::mib).reversed())
        .limit(top)
        .toList();
  }

  /** Instances of each of these classes in a histogram (0 when absent). */
  static java.util.Map<String, Long> instances(List<ClassBytes> histogram, List<String> classNames) {
    java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
    for (String name : classNames) {
      m.put(name, histogram.stream().filter(c -> c.className().equals(name)).mapToLong(ClassBytes::instances).sum());
    }
    return m;
  }

  private static double procStatusMiB(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          String kb = line.substring(field.length() + 1).trim().split("\\s+")[0];
          return Math.round(Long.parseLong(kb) / 1024.0 * 10) / 10.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  static double mib(long bytes) {
    return Math.round(bytes / 1048576.0 * 10) / 10.0;
  }
}
