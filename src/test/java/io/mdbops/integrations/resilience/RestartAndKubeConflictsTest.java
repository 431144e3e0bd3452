package io.mdbops.integrations.resilience;

import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.Product;
import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A restart in the middle of converging, and conflicts with the Kubernetes API itself. */
class RestartAndKubeConflictsTest {

  static final int CONCURRENCY = 8;
  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start(
        c -> c.maxConcurrentReconciles(CONCURRENCY).apiRequestsPerMinute(0),
        s -> s.latency(Duration.ofMillis(40)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static String name(IntegrationType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Test
  void anOperatorRestartedMidConvergenceFinishesWithoutRedoingWhatWasDone() {
    record Target(String ns, String project, IntegrationType type) {}
    // slow enough that the operator is still converging when it is stopped
    h.sim.faults().setLatency(Duration.ofMillis(300));
    List<Target> targets = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      String ns = h.namespace("restart");
      String project = h.project();
      for (IntegrationType type : ProductSupport.offeredTypes(Product.OPS_MANAGER)) {
        targets.add(new Target(ns, project, type));
      }
    }
    for (Target t : targets) {
      h.createWithCredentials(Fixtures.resource(t.ns(), name(t.type()), t.type(), t.project(), CONNECTION));
    }
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> h.sim.journal().count(e -> "PUT".equals(e.method()) && e.status() == 200) >= 60);
    h.stopOperator();
    h.sim.faults().setLatency(Duration.ofMillis(40));
    Instant restartedAt = Instant.now();
    List<Target> syncedBefore = targets.stream().filter(t -> synced(t.ns(), name(t.type()))).toList();
    h.startOperator();

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
        .until(() -> targets.stream().allMatch(t -> synced(t.ns(), name(t.type()))));

    var projects = targets.stream().map(Target::project).collect(Collectors.toSet());
    Map<String, Long> putsPerIntegration = h.sim.journal()
        .entries(e -> "PUT".equals(e.method()) && e.status() == 200 && projects.contains(e.projectId()))
        .stream().collect(Collectors.groupingBy(e -> e.projectId() + "/" + e.type(), Collectors.counting()));
    assertThat(putsPerIntegration).hasSize(targets.size());
    long extra = putsPerIntegration.values().stream().mapToLong(n -> n - 1).sum();
    System.out.printf("RestartAndKubeConflictsTest: %d of %d synced before the restart, %d writes repeated%n",
        syncedBefore.size(), targets.size(), extra);
    assertThat(syncedBefore.size()).as("stopped mid-way").isLessThan(targets.size() - CONCURRENCY);
    // only the writes in flight when the first operator stopped may be repeated
    assertThat(extra).isLessThanOrEqualTo(CONCURRENCY);
    assertThat(syncedBefore).isNotEmpty();
    for (Target t : syncedBefore) {
      assertThat(h.sim.journal().count(e -> "PUT".equals(e.method()) && t.project().equals(e.projectId())
          && t.type().name().equals(e.type()) && e.time().isAfter(restartedAt)))
          .as("no new write for %s/%s, already in sync before the restart", t.project(), t.type()).isZero();
    }
  }

  static boolean synced(String ns, String name) {
    Condition c = OperatorHarness.ready(h.get(ns, name));
    return c != null && c.getReason() == ConditionReason.Synced;
  }

  @Test
  void aStatusWriteRefusedWithAConflictIsRetried() {
    String ns = h.namespace("kube-409");
    String project = h.project();
    h.kube.failNext("PATCH", "/namespaces/" + ns + "/thirdpartyintegrations/it/status", 409, 1);
    h.createWithCredentials(Fixtures.resource(ns, "it", IntegrationType.PAGER_DUTY, project, CONNECTION));
    ThirdPartyIntegration synced = h.awaitReason(ns, "it", ConditionReason.Synced);
    assertThat(h.kube.requests().stream()
        .filter(r -> r.method().equals("PATCH") && r.path().endsWith("/thirdpartyintegrations/it/status")))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(synced.getStatus().getAppliedSecrets()).hasSize(1);
    assertThat(h.sim.stored(project, "PAGER_DUTY")).isPresent();
    // the lost status write costs at most one repeated, idempotent PUT
    assertThat(h.calls(project, "PUT")).isBetween(1L, 2L);
  }

  @Test
  void aSpecEditedWhileItsWriteIsInFlightEndsInTheEditedState() throws Exception {
    String ns = h.namespace("edit-in-flight");
    String project = h.project();
    h.sim.faults().add(FaultRule.hang(Duration.ofMillis(1500)).method("PUT").project(project).times(1).build());
    h.createWithCredentials(Fixtures.resource(ns, "it", IntegrationType.SLACK, project, CONNECTION));
    await().atMost(Duration.ofSeconds(10)).until(() -> h.sim.faults().rules().get(0).fired() == 1);
    h.sim.faults().clear();
    h.sim.faults().setLatency(Duration.ofMillis(40));
    h.edit(ns, "it", r -> {
      r.getSpec().getSlack().setChannelName("#edited-mid-flight");
      return r;
    });
    ThirdPartyIntegration done = h.awaitResource(ns, "it", r -> {
      Condition c = OperatorHarness.ready(r);
      return c != null && c.getReason() == ConditionReason.Synced && c.getObservedGeneration() == 2L;
    });
    assertThat(h.sim.stored(project, "SLACK").orElseThrow()).containsEntry("channelName", "#edited-mid-flight");
    assertThat(done.getStatus().getObservedGeneration()).isEqualTo(2L);
    List<JournalEntry> puts = h.calls(project).stream().filter(e -> e.method().equals("PUT")).toList();
    assertThat(puts).hasSize(2);
  }
}
