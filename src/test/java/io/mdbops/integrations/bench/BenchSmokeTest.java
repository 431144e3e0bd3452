package io.mdbops.integrations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.Main;
import io.mdbops.integrations.bench.BenchResult.Cold;
import io.mdbops.integrations.bench.BenchResult.Restart;
import io.mdbops.integrations.bench.BenchResult.Rotation;
import io.mdbops.integrations.bench.BenchResult.Steady;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.simulator.JournalEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness with a tiny population (a few seconds): it must count exactly what the servers'
 * journals hold, and the whole command must run end to end. The real benchmark is not part of the
 * test suite; see docs/benchmarks.md.
 */
class BenchSmokeTest {

  private static final int RESOURCES = 18;
  private static final int PROJECTS = 3;

  private static BenchSettings tiny() {
    return BenchSettings.builder()
        .resources(RESOURCES)
        .projects(PROJECTS)
        .namespaces(2)
        .latency(Duration.ofMillis(5))
        .concurrency(4)
        .rotations(5)
        .phaseTimeout(Duration.ofSeconds(30))
        .quietPeriod(Duration.ofMillis(300))
        .build();
  }

  @Test
  void scenariosCountWhatTheJournalsHold() {
    BenchSettings settings = tiny();
    Benchmark bench = new Benchmark(settings, null);
    try (BenchCluster cluster = BenchCluster.start(settings)) {
      cluster.populate(settings.phaseTimeout());
      OperatorConfig config = bench.operatorConfig(cluster.sim.baseUrl());
      try (OperatorUnderTest operator =
          new OperatorUnderTest(cluster.kube.url(), config, settings.apiSettings().apply(config), false)) {
        Cold cold = bench.cold(cluster, operator, new BenchResult.Creation(1, 100, 1, 2.0));
        assertThat(cold.allReady()).isTrue();
        assertThat(cold.puts()).isEqualTo(cluster.sim.journal().count(Tally::isPut))
            .isGreaterThanOrEqualTo(RESOURCES);
        // the client's own account of its calls agrees with the server's journal
        assertThat(cold.clientCalls().get("PUT")).isEqualTo(cold.puts());
        assertThat(cold.floorSeconds()).isEqualTo(Math.ceil(cold.puts() / 4.0) * 0.005, within());
        // and the floor with the writes no operator avoids: 2 per resource at the measured 2 ms each
        assertThat(cold.floorWithKubeWritesSeconds())
            .isEqualTo(cold.floorSeconds() + Math.ceil(2.0 * RESOURCES / 4) * 0.002, within());

        Steady steady = bench.steady(cluster, operator);
        // the journal now holds exactly the drift interval's requests
        long gets = cluster.sim.journal().count(e -> e.method().equals("GET") && !e.challenged());
        assertThat(steady.apiRequests().get("GET")).isEqualTo(gets).isEqualTo(PROJECTS);
        assertThat(steady.totalRequests()).isEqualTo(cluster.sim.journal().size());
        Map<String, Long> perProject = cluster.sim.journal().entries().stream()
            .collect(Collectors.groupingBy(JournalEntry::projectId, Collectors.counting()));
        assertThat(perProject).hasSize(PROJECTS).allSatisfy((project, n) -> assertThat(n).isEqualTo(1L));
        assertThat(steady.requestsPerProject()).isEqualTo(1.0);
        assertThat(steady.puts()).isZero();
        assertThat(steady.kubeWrites()).isEmpty();
        assertThat(cluster.kube.requests().stream().filter(EmbeddedKubernetes.Request::isWrite)).isEmpty();

        Rotation rotation = bench.rotation(cluster, operator);
        assertThat(rotation.puts()).isEqualTo(5).isEqualTo(cluster.sim.journal().count(Tally::isPut));
        assertThat(rotation.matched()).isEqualTo(5);
        assertThat(rotation.statusesUpdated()).isEqualTo(5);
        assertThat(rotation.kubeWrites()).containsEntry("PUT Secret (by the benchmark)", 5L);
        assertThat(rotation.p50Ms()).isPositive();
      }
      // a new operator over the converged fleet verifies every resource without writing anything
      try (OperatorUnderTest restarted =
          new OperatorUnderTest(cluster.kube.url(), config, settings.apiSettings().apply(config), false)) {
        Restart restart = bench.restart(cluster, restarted);
        assertThat(restart.allVerified()).isTrue();
        assertThat(restart.puts()).isZero();
        assertThat(restart.kubeWrites()).isEmpty();
        assertThat(restart.listsPerProject())
            .isEqualTo(cluster.sim.journal().count(Tally::isList) / (double) PROJECTS, within());
      }
    }
  }

  @Test
  void startupStartsTheOperatorAsAProcessAndTimesItToReadyAndToItsFirstApiCall() {
    BenchSettings settings = BenchSettings.builder().resources(RESOURCES).projects(PROJECTS).namespaces(2)
        .latency(Duration.ofMillis(5)).concurrency(4).phaseTimeout(Duration.ofSeconds(60))
        .quietPeriod(Duration.ofSeconds(1)).operatorJar(null).build();
    try (BenchCluster cluster = BenchCluster.start(settings); StartupProbe probe = new StartupProbe(cluster, settings)) {
      BenchResult.Launch empty = probe.launch("empty", 0, java.util.Optional.empty());
      assertThat(empty.readySeconds()).isPositive();
      assertThat(empty.firstApiCallSeconds()).isNaN();

      cluster.populate(settings.phaseTimeout());
      BenchResult.Launch populated = probe.launch("populated", RESOURCES, java.util.Optional.empty());
      assertThat(populated.firstApiCallSeconds()).isGreaterThan(0);
      assertThat(populated.puts()).as("the process converged the new resources").isEqualTo(RESOURCES);
      assertThat(cluster.ready.await(RESOURCES, Duration.ofSeconds(1))).isTrue();
    }
  }

  @Test
  void theCommandRunsEveryScenarioAndWritesJson(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("result.json");
    StringWriter stdout = new StringWriter();
    int exit = Main.commandLine().setOut(new PrintWriter(stdout)).execute("bench", "--resources", "12",
        "--projects", "2", "--namespaces", "2", "--latency", "0", "--concurrency", "4", "--rotations", "3",
        "--scenario", "cold,steady,rotation,restart,memory", "--watch-namespaces", "--put-semantics", "merge",
        "--quiet-period", "300ms", "--timeout", "10s", "--out", out.toString());
    assertThat(exit).as(stdout.toString()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
    for (String key : new String[] {"version", "commit", "machine", "setup", "creation", "cold", "steady", "rotation",
        "restart", "memory", "targets"}) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    assertThat(json.at("/setup/watchNamespaces").asBoolean()).isTrue();
    assertThat(json.at("/setup/simulatorModes/putSemantics").asText()).isEqualTo("merge");
    assertThat(json.at("/restart/puts").asLong()).isZero();
    // no latency, so no floor: a ratio that does not exist is null, which every JSON tool reads
    assertThat(json.at("/cold/ratio").isNull()).isTrue();
    assertThat(json.get("startup").isNull()).isTrue();
  }

  @Test
  void aProjectNeverHoldsTwoIntegrationsOfOneType() {
    Population p = Population.of(1000, 125, 10);
    assertThat(p.members()).hasSize(1000);
    assertThat(p.members().stream().collect(Collectors.groupingBy(m -> m.projectId() + "/" + m.type())))
        .allSatisfy((k, v) -> assertThat(v).hasSize(1));
    assertThat(p.members().stream().map(Population.Member::type).collect(Collectors.toSet())).hasSize(BenchSettings.TYPES_PER_PROJECT);
    // a project's resources live in the namespace of the tenant that owns the project
    assertThat(p.tenants()).allSatisfy(t -> assertThat(p.members().stream()
        .filter(m -> t.projects().contains(m.projectId())).map(Population.Member::namespace)
        .collect(Collectors.toSet())).isEqualTo(Set.of(t.namespace())));
  }

  @Test
  void moreIntegrationsThanTypesPerProjectIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchSettings.builder().resources(1000).projects(100).build())
        .hasMessageContaining("at least 125 projects");
  }

  @Test
  void rateLimitBound() {
    assertThat(Benchmark.rateLimitBound(60, 60)).isZero();
    assertThat(Benchmark.rateLimitBound(61, 60)).isEqualTo(60.0);
    assertThat(Benchmark.rateLimitBound(121, 60)).isEqualTo(120.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
