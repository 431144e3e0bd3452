package io.mdbops.integrations.bench;

import io.mdbops.integrations.bench.BenchResult.Cold;
import io.mdbops.integrations.bench.BenchResult.MemoryUse;
import io.mdbops.integrations.bench.BenchResult.Restart;
import io.mdbops.integrations.bench.BenchResult.Rotation;
import io.mdbops.integrations.bench.BenchResult.Steady;
import io.mdbops.integrations.bench.BenchResult.Target;
import java.util.ArrayList;
import java.util.List;

/** The goals the scale issues set, and whether a run met each. */
final class Targets {

  private Targets() {}

  static List<Target> of(BenchSettings settings, Cold cold, Steady steady, Rotation rotation, Restart restart,
      MemoryUse memory, BenchResult.Startup startup) {
    List<Target> t = new ArrayList<>();
    t.add(new Target("cold convergence", "<= 2 x floor (API latency + unavoidable Kubernetes writes)",
        String.format("%.2f s = %.1f x floor %.2f s (%.1f x the API-only floor %.2f s)", cold.wallSeconds(),
            cold.ratioWithKubeWrites(), cold.floorWithKubeWritesSeconds(), cold.ratio(),
            Math.max(cold.floorSeconds(), cold.rateLimitBoundSeconds())),
        cold.allReady() && cold.ratioWithKubeWrites() <= 2));
    if (steady != null) {
      long writes = steady.kubeWrites().values().stream().mapToLong(Long::longValue).sum();
      t.add(new Target("steady state", "<= 1.1 requests/project, 0 PUTs, 0 Kubernetes writes",
          String.format("%.2f requests/project, %d PUTs, %d writes", steady.requestsPerProject(), steady.puts(), writes),
          steady.requestsPerProject() <= 1.1 && steady.puts() == 0 && writes == 0));
    }
    if (rotation != null) {
      t.add(new Target("rotation", "p50 < 1 s (and one PUT per rotated Secret)",
          String.format("p50 %.0f ms, p99 %.0f ms, %d PUTs for %d Secrets", rotation.p50Ms(), rotation.p99Ms(),
              rotation.puts(), rotation.rotated()),
          rotation.p50Ms() < 1000 && rotation.puts() == rotation.rotated()));
    }
    if (restart != null) {
      long writes = restart.kubeWrites().values().stream().mapToLong(Long::longValue).sum();
      t.add(new Target("warm restart", "0 PUTs, 0 Kubernetes writes, <= 1.1 lists/project, <= 2 x floor",
          String.format("%d PUTs, %d writes, %.2f lists/project, all verified %.2f s after the caches were filled"
                  + " = %.1f x floor %.2f s (%.2f s after start)", restart.puts(), writes, restart.listsPerProject(),
              restart.verifiedAfterCachesSeconds(), restart.ratio(), restart.floorSeconds(), restart.verifiedSeconds()),
          restart.allVerified() && restart.puts() == 0 && writes == 0 && restart.listsPerProject() <= 1.1
              && !(restart.ratio() > 2)));
    }
    if (memory != null) {
      t.add(new Target("operator heap", "< 256 MiB at 10,000 resources",
          String.format("%.1f MiB at %d resources", memory.operatorHeapMiB(), settings.resources()),
          memory.operatorHeapMiB() < 256));
    }
    if (startup != null) {
      startup.launches().stream().filter(l -> l.cluster().equals("converged") && !l.cds()).findFirst().ifPresent(l ->
          t.add(new Target("start-up", "< 3 s from process start to /readyz at 1,000 resources",
              String.format("%.2f s to ready, %.2f s to the first API call, at %d resources", l.readySeconds(),
                  l.firstApiCallSeconds(), l.resources()),
              l.readySeconds() < 3)));
    }
    return t;
  }

}
