package io.mdbops.integrations.bench;

import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.simulator.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counting over the two servers' journals, and the little arithmetic the results need. */
final class Tally {

  private Tally() {}

  /** Kubernetes writes by what they wrote. */
  static Map<String, Long> kubeWrites(List<EmbeddedKubernetes.Request> requests) {
    return requests.stream().filter(EmbeddedKubernetes.Request::isWrite)
        .collect(Collectors.groupingBy(Tally::writeKind, TreeMap::new, Collectors.counting()));
  }

  static String writeKind(EmbeddedKubernetes.Request r) {
    String p = path(r);
    String m = r.method();
    if (p.contains("/thirdpartyintegrations/") && p.endsWith("/status")) {
      return m + " resource status";
    }
    if (p.contains("/thirdpartyintegrations/")) {
      return m + " resource (metadata: finalizer)";
    }
    if (p.contains("/events")) {
      return m + " Event";
    }
    if (p.contains("/secrets")) {
      return m + " Secret (by the benchmark)";
    }
    if (p.contains("/thirdpartyintegrations")) {
      return m + " resource (by the benchmark)";
    }
    return m + " " + p.replaceAll("/namespaces/[^/]+", "/namespaces/*");
  }

  static String path(EmbeddedKubernetes.Request r) {
    int q = r.path().indexOf('?');
    return q < 0 ? r.path() : r.path().substring(0, q);
  }

  static Map<String, Long> byMethod(List<JournalEntry> entries) {
    Map<String, Long> m = new TreeMap<>(entries.stream().collect(Collectors.groupingBy(
        e -> e.method() + (e.challenged() ? " (Digest challenge)" : ""), Collectors.counting())));
    return m;
  }

  /** wall / bound, or NaN without a bound (no latency): a ratio to zero means nothing. */
  static double ratio(double wall, double bound) {
    return bound > 0 ? round(wall / bound) : Double.NaN;
  }

  static double percentile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = Math.max(0, (int) Math.ceil(q * sorted.size()) - 1);
    return sorted.get(i);
  }

  /** A PUT the simulator accepted for processing: Digest challenges (401 before any work) are not writes. */
  static boolean isPut(JournalEntry e) {
    return e.method().equals("PUT") && !e.challenged();
  }

  /** A list of a project's integrations (GET without a type), Digest challenges not counted. */
  static boolean isList(JournalEntry e) {
    return e.method().equals("GET") && e.type() == null && e.projectId() != null && !e.challenged();
  }

  static double seconds(Duration d) {
    return round(d.toNanos() / 1e9);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

}
