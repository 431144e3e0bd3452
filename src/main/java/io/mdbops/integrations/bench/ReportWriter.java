package io.mdbops.integrations.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mdbops.integrations.bench.BenchResult.Cold;
import io.mdbops.integrations.bench.BenchResult.Rotation;
import io.mdbops.integrations.bench.BenchResult.Steady;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The result as a table for people and as JSON for tools. */
public final class ReportWriter {

  private ReportWriter() {}

  public static void writeJson(BenchResult result, Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    mapper().writeValue(file.toFile(), result);
  }

  /** Stable keys (the records' component names); a measurement that does not exist is null, not NaN. */
  static ObjectMapper mapper() {
    JsonSerializer<Double> nanAsNull = new JsonSerializer<>() {
      @Override
      public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (value == null || value.isNaN() || value.isInfinite()) {
          gen.writeNull();
        } else {
          gen.writeNumber(value);
        }
      }
    };
    SimpleModule module = new SimpleModule().addSerializer(Double.class, nanAsNull).addSerializer(double.class, nanAsNull);
    return new ObjectMapper().registerModule(module).enable(SerializationFeature.INDENT_OUTPUT);
  }

  public static String table(BenchResult r) {
    StringBuilder b = new StringBuilder();
    Machine m = r.machine();
    BenchResult.Setup s = r.setup();
    line(b, "machine", "%d cores, %d MiB RAM; %s; max heap %d MiB; %s", m.cores(), m.memoryMiB(), m.jvm(),
        m.maxHeapMiB(), m.gc());
    line(b, "setup", "%d resources, %d projects, %d namespaces; latency %.0f ms; concurrency %d; %d idle API"
            + " connections; %d req/min/project setting; Kubernetes API: %s; warm-up %d%s%s", s.resources(),
        s.projects(), s.namespaces(), s.latencyMs(), s.concurrency(), s.maxIdleConnections(),
        s.apiRequestsPerMinute(), s.kubeApi(), s.warmup(),
        s.unrelatedSecrets() > 0 ? "; " + s.unrelatedSecrets() + " unrelated Secrets of " + s.unrelatedSecretBytes()
            + " bytes" : "",
        s.asyncEvents() ? "; EXPERIMENT async Events" : "");
    line(b, "creation", "%d objects in %.1f s (%d threads), before the operator started: %.2f ms per write",
        r.creation().objects(), r.creation().seconds(), r.creation().threads(), r.creation().writeCostMs());
    line(b, "build", "%s, commit %s%s", r.version(), r.commit(),
        s.simulatorModes().isEmpty() ? "" : "; simulator playing " + s.simulatorModes());
    Cold c = r.cold();
    b.append('\n');
    line(b, "COLD", "%s", c.allReady() ? "all " + c.resources() + " Ready" : "NOT all Ready: " + c.notReadySample());
    line(b, "  operator start", "%.2f s until caches were filled", c.operatorStartSeconds());
    line(b, "  all Ready", "%.2f s after start (%.2f s after the caches were filled); 50%%: %.2f s, 90%%: %.2f s;"
            + " PUTs from %.2f s to %.2f s", c.wallSeconds(), c.wallSeconds() - c.operatorStartSeconds(), c.half(),
        c.p90(), c.firstPutSeconds(), c.lastPutSeconds());
    line(b, "  floor", "%.2f s = ceil(%d PUTs / %d) x %.0f ms; rate-limit bound %.2f s; all-requests floor %.2f s",
        c.floorSeconds(), c.puts(), s.concurrency(), s.latencyMs(), c.rateLimitBoundSeconds(), c.requestFloorSeconds());
    line(b, "  ratio", "%s", Double.isNaN(c.ratio()) ? "n/a (no latency, no floor)"
        : String.format(Locale.ROOT, "%.2f x the API-only floor; %.2f x floor %.2f s with the unavoidable"
            + " Kubernetes writes (2 per resource at %.2f ms)", c.ratio(), c.ratioWithKubeWrites(),
            c.floorWithKubeWritesSeconds(), r.creation().writeCostMs()));
    line(b, "  passes", "%d reconciler passes for %d resources", c.passes(), c.resources());
    line(b, "  API requests", "%s; client counted %s, %d challenges", counts(c.apiRequests()), counts(c.clientCalls()),
        c.clientChallenges());
    line(b, "  Kubernetes writes", "%s (%d requests in all)", counts(c.kubeWrites()), c.kubeRequests());
    line(b, "  reconcile threads", "busy %.0f%% of %d samples; %s", c.reconcileThreads().busyShare() * 100,
        c.reconcileThreads().samples(), shares(c.reconcileThreads().byOperation(), 0.01));
    line(b, "  Kubernetes API", "a GET meanwhile took p50 %.1f ms, p99 %.1f ms (%d samples)", c.kubeLatency().p50Ms(),
        c.kubeLatency().p99Ms(), c.kubeLatency().samples());
    line(b, "  CPU", "%.1f s over %.1f s wall = %.0f%% of all cores; GC %.2f s, JIT %.2f s; %d threads started;"
            + " %s", c.cpu().processCpuSeconds(), c.cpu().wallSeconds(), c.cpu().utilisation() * 100,
        c.cpu().gcSeconds(), c.cpu().jitSeconds(), c.cpu().threadsStarted(), seconds(c.cpu().byComponent()));
    Steady st = r.steady();
    if (st != null) {
      b.append('\n');
      line(b, "STEADY", "one drift check, nothing changed: %d projects watched, %d resources woken, poll %.2f s",
          st.watchedProjects(), st.woken(), st.pollSeconds());
      line(b, "  API requests", "%s = %.3f per project; %d PUTs; %d Digest challenges", counts(st.apiRequests()),
          st.requestsPerProject(), st.puts(), st.digestChallenges());
      line(b, "  Kubernetes writes", "%s", st.kubeWrites().isEmpty() ? "0" : counts(st.kubeWrites()));
    }
    Rotation ro = r.rotation();
    if (ro != null) {
      b.append('\n');
      line(b, "ROTATION", "%d Secrets updated at once; %d PUTs (%d matched); %d statuses show the new version",
          ro.rotated(), ro.puts(), ro.matched(), ro.statusesUpdated());
      line(b, "  update -> PUT", "p50 %.0f ms, p99 %.0f ms, max %.0f ms", ro.p50Ms(), ro.p99Ms(), ro.maxMs());
      line(b, "  API requests", "%s", counts(ro.apiRequests()));
      line(b, "  Kubernetes writes", "%s", counts(ro.kubeWrites()));
    }
    BenchResult.Restart re = r.restart();
    if (re != null) {
      b.append('\n');
      line(b, "RESTART", "a new operator over the converged fleet: %s after %.2f s (caches filled at %.2f s)",
          re.allVerified() ? "all " + re.resources() + " verified" : "NOT all verified", re.verifiedSeconds(),
          re.operatorStartSeconds());
      line(b, "  floor", "%.2f s = ceil(%d projects / %d) x %.0f ms; verified %.2f s after the caches = %.2f x floor",
          re.floorSeconds(), re.projects(), s.concurrency(), s.latencyMs(), re.verifiedAfterCachesSeconds(), re.ratio());
      line(b, "  API requests", "%s; %.3f lists per project; %d PUTs", counts(re.apiRequests()), re.listsPerProject(),
          re.puts());
      line(b, "  Kubernetes writes", "%s", re.kubeWrites().isEmpty() ? "0" : counts(re.kubeWrites()));
    }
    BenchResult.MemoryUse mem = r.memory();
    if (mem != null) {
      b.append('\n');
      line(b, "MEMORY", "operator heap %.1f MiB (running - closed); at most %.1f MiB (running - before start)",
          mem.operatorHeapMiB(), mem.operatorHeapUpperBoundMiB());
      for (Memory.Point p : mem.points()) {
        line(b, "  heap/RSS", "%7.1f MiB heap, %7.1f MiB RSS (peak %.1f), %d threads: %s", p.heapMiB(), p.rssMiB(),
            p.rssPeakMiB(), p.threads(), p.label());
      }
      line(b, "  instances", "running %s; closed %s", counts(shortNames(mem.instancesRunning())),
          counts(shortNames(mem.instancesClosed())));
      if (mem.instancesClosed().entrySet().stream()
          .anyMatch(e -> e.getValue() > mem.instancesBefore().getOrDefault(e.getKey(), 0L))) {
        line(b, "  WARNING", "part of the closed operator was still reachable: its heap is undercounted");
      }
      line(b, "  operator's classes", "%s", mem.operatorClasses().stream().limit(10)
          .map(h -> h.className() + " " + h.mib() + " MiB").collect(Collectors.joining(", ")));
    }
    BenchResult.Startup up = r.startup();
    if (up != null) {
      b.append('\n');
      line(b, "STARTUP", "%s", up.command());
      for (BenchResult.Launch l : up.launches()) {
        line(b, "  " + l.cluster() + (l.cds() ? " +CDS" : ""), "%d resources: ready %.2f s, first API call %s, %d PUTs%s",
            l.resources(), l.readySeconds(), Double.isNaN(l.firstApiCallSeconds()) ? "none"
                : String.format(Locale.ROOT, "%.2f s", l.firstApiCallSeconds()), l.puts(),
            l.note() == null ? "" : " (" + l.note() + ")");
      }
    }
    b.append('\n');
    for (BenchResult.Target t : r.targets()) {
      line(b, t.met() ? "MET" : "MISSED", "%s: %s (goal %s)", t.name(), t.measured(), t.goal());
    }
    line(b, "run", "%.1f s", r.runSeconds());
    return b.toString();
  }

  private static void line(StringBuilder b, String label, String format, Object... args) {
    b.append(String.format(Locale.ROOT, "%-20s ", label)).append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private static String counts(Map<String, Long> m) {
    return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  private static Map<String, Long> shortNames(Map<String, Long> m) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.substring(k.lastIndexOf('.') + 1), v));
    return out;
  }

  private static String shares(Map<String, Double> m, double atLeast) {
    return m.entrySet().stream().filter(e -> e.getValue() >= atLeast).map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), e.getValue() * 100))
        .collect(Collectors.joining(", "));
  }

  private static String seconds(Map<String, Double> m) {
    return m.entrySet().stream().filter(e -> e.getValue() >= 0.01)
        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
