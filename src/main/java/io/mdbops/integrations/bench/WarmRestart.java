package io.mdbops.integrations.bench;

import io.mdbops.integrations.bench.BenchResult.Restart;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.simulator.JournalEntry;
import java.time.Duration;
import java.util.List;

/**
 * A new operator over the converged fleet, as after an upgrade, a drain or a leader change: counts
 * until every resource has been compared with its project again, and what that cost.
 */
final class WarmRestart {

  private WarmRestart() {}

  static Restart measure(BenchCluster cluster, OperatorUnderTest operator, BenchSettings settings) {
    int n = settings.resources();
    cluster.clearJournals();
    long t0 = System.nanoTime();
    Duration startup = operator.start();
    long deadline = t0 + settings.phaseTimeout().toNanos();
    while (operator.verified() < n && System.nanoTime() < deadline) {
      BenchCluster.sleep(5);
    }
    boolean all = operator.verified() >= n;
    double verified = Tally.seconds(Duration.ofNanos(System.nanoTime() - t0));
    cluster.awaitQuiet(settings.quietPeriod(), settings.phaseTimeout());
    List<JournalEntry> api = cluster.sim.journal().entries();
    List<EmbeddedKubernetes.Request> kube = cluster.kube.requests();
    double floor = BenchSettings.ceilDiv(settings.projects(), settings.concurrency()) * settings.latency().toNanos() / 1e9;
    double afterCaches = Tally.round(verified - Tally.seconds(startup));
    return new Restart(n, settings.projects(), all, Tally.seconds(startup), verified, afterCaches, Tally.round(floor),
        Tally.ratio(afterCaches, floor), Tally.round(api.stream().filter(Tally::isList).count() / (double) settings.projects()),
        api.stream().filter(Tally::isPut).count(), Tally.byMethod(api), Tally.kubeWrites(kube), kube.size());
  }

}
