package io.mdbops.integrations.bench;

import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.bench.BenchResult.Rotation;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.simulator.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Credentials Secrets updated at once: from each Secret update (its arrival at the Kubernetes API)
 * to the PUT that carries the new value (its arrival at the simulator).
 */
final class RotationBurst {

  private RotationBurst() {}

  static Rotation measure(BenchCluster cluster, OperatorUnderTest operator, BenchSettings settings) {
    List<Population.Member> members = cluster.population.members();
    int r = settings.rotations();
    List<Population.Member> chosen = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      chosen.add(members.get((int) ((long) i * members.size() / r)));
    }
    cluster.clearJournals();
    operator.calls.reset();
    long t = System.nanoTime();
    cluster.rotate(chosen, settings.phaseTimeout());
    long deadline = System.nanoTime() + settings.phaseTimeout().toNanos();
    while (cluster.sim.journal().count(Tally::isPut) < r && System.nanoTime() < deadline) {
      BenchCluster.sleep(10);
    }
    cluster.awaitQuiet(settings.quietPeriod(), settings.phaseTimeout());
    double took = Tally.seconds(Duration.ofNanos(System.nanoTime() - t));

    Map<String, Instant> updated = new TreeMap<>();
    for (EmbeddedKubernetes.Request req : cluster.kube.requests()) {
      if (req.isWrite() && Tally.path(req).contains("/secrets/")) {
        String p = Tally.path(req);
        String[] parts = p.split("/");
        // /api/v1/namespaces/{ns}/secrets/{name}: the last write of each Secret counts
        updated.put(parts[4] + "/" + parts[6], req.at());
      }
    }
    List<JournalEntry> api = cluster.sim.journal().entries();
    List<JournalEntry> putList = api.stream().filter(Tally::isPut).toList();
    List<Double> latencies = new ArrayList<>();
    for (Population.Member m : chosen) {
      Instant update = updated.get(m.namespace() + "/" + m.secretName());
      if (update == null) {
        continue;
      }
      putList.stream()
          .filter(e -> m.projectId().equals(e.projectId()) && m.type().name().equals(e.type()))
          .filter(e -> !e.time().isBefore(update))
          .map(JournalEntry::time)
          .min(Comparator.naturalOrder())
          .ifPresent(put -> latencies.add(Duration.between(update, put).toNanos() / 1e6));
    }
    latencies.sort(Comparator.naturalOrder());
    int statuses = 0;
    for (Population.Member m : chosen) {
      var secret = cluster.client.secrets().inNamespace(m.namespace()).withName(m.secretName()).get();
      ThirdPartyIntegration res = cluster.client.resources(ThirdPartyIntegration.class)
          .inNamespace(m.namespace()).withName(m.name()).get();
      List<AppliedSecret> applied = res.getStatus() == null ? List.of() : res.getStatus().getAppliedSecrets();
      boolean current = applied != null && applied.stream().anyMatch(a -> a.getName().equals(m.secretName())
          && Objects.equals(a.getResourceVersion(), secret.getMetadata().getResourceVersion()));
      statuses += current ? 1 : 0;
    }
    return new Rotation(r, putList.size(), latencies.size(), Tally.round(Tally.percentile(latencies, 0.5)),
        Tally.round(Tally.percentile(latencies, 0.99)), Tally.round(latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1)),
        Tally.byMethod(api), Tally.kubeWrites(cluster.kube.requests()), statuses, Tally.round(took));
  }

}
