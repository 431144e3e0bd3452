package io.mdbops.integrations.resilience;

import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.Product;
import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200 resources across 20 projects (the nine types plus one deliberate duplicate per project) under
 * 20 % 5xx, 5 % 429 and 2 % timeouts, with a Secret rotated in every project mid-storm: everything
 * converges to exactly the desired configuration, no project exceeds its request budget, and the
 * storm costs a bounded multiple of the requests of the same work without faults.
 */
class FaultMatrixTest {

  static final int PROJECTS = 20;
  static final int PER_MINUTE = 60;
  static final Duration CONVERGE = Duration.ofSeconds(150);

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start(
        c -> c.apiTimeout(Duration.ofSeconds(1)).apiRequestsPerMinute(PER_MINUTE).maxConcurrentReconciles(8),
        s -> s.randomSeed(20261129L));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** One project's resources and the credentials their Secrets hold now. */
  record Project(String ns, String id, Map<String, Map<String, String>> secrets) {}

  static Project populate(String prefix) {
    String ns = h.namespace(prefix);
    Project p = new Project(ns, h.project(), new ConcurrentHashMap<>());
    for (IntegrationType type : ProductSupport.offeredTypes(Product.OPS_MANAGER)) {
      ThirdPartyIntegration r = Fixtures.resource(ns, name(type), type, p.id(), CONNECTION);
      p.secrets().put(Fixtures.credentialsSecretName(name(type)), h.createWithCredentials(r));
    }
    // younger duplicate of the Slack integration: must end in Conflict, never write
    ThirdPartyIntegration dup = Fixtures.resource(ns, "zz-duplicate", IntegrationType.SLACK, p.id(), CONNECTION);
    dup.getSpec().getSlack().getApiTokenSecretRef().setName(Fixtures.credentialsSecretName(name(IntegrationType.SLACK)));
    h.create(dup);
    return p;
  }

  static String name(IntegrationType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static void awaitConverged(List<Project> projects) {
    await().atMost(CONVERGE).pollInterval(Duration.ofMillis(500)).until(() -> projects.stream().allMatch(p -> {
      for (IntegrationType type : ProductSupport.offeredTypes(Product.OPS_MANAGER)) {
        if (!syncedWithCurrentSecret(p, name(type))) {
          return false;
        }
      }
      Condition dup = OperatorHarness.ready(h.get(p.ns(), "zz-duplicate"));
      return dup != null && dup.getReason() == ConditionReason.Conflict;
    }));
  }

  static boolean syncedWithCurrentSecret(Project p, String name) {
    ThirdPartyIntegration r = h.get(p.ns(), name);
    Condition ready = OperatorHarness.ready(r);
    if (ready == null || ready.getReason() != ConditionReason.Synced) {
      return false;
    }
    String secret = Fixtures.credentialsSecretName(name);
    Secret current = h.client.secrets().inNamespace(p.ns()).withName(secret).get();
    return r.getStatus().getAppliedSecrets()
        .equals(List.of(new AppliedSecret(secret, current.getMetadata().getResourceVersion())));
  }

  /** The simulator holds, unmasked, exactly what the specs and the current Secrets say. */
  static void assertExactlyDesired(Project p) throws Exception {
    Map<String, Map<String, Object>> stored = h.sim.storedAll(p.id());
    assertThat(stored.keySet()).as(p.id()).hasSize(ProductSupport.offeredTypes(Product.OPS_MANAGER).size());
    for (IntegrationType type : ProductSupport.offeredTypes(Product.OPS_MANAGER)) {
      ThirdPartyIntegration r = h.get(p.ns(), name(type));
      Map<String, String> creds = p.secrets().get(Fixtures.credentialsSecretName(name(type)));
      var desired = DesiredIntegrations.build(r.getSpec(), SecretValues.of(r.getSpec(), ref -> creds.get(ref.getKey()), n -> ""));
      Map<String, Object> expected = new LinkedHashMap<>(desired.payload().fields());
      expected.put("type", type.name());
      Map<String, Object> actual = new HashMap<>(stored.get(type.name()));
      // defaults the simulator fills in for fields we leave out
      actual.entrySet().removeIf(e -> !expected.containsKey(e.getKey()) && "".equals(e.getValue()));
      assertThat(actual).as(p.id() + " " + type).isEqualTo(expected);
      assertThat(actual.values()).as("no masked value stored")
          .noneMatch(v -> v instanceof String s && s.startsWith("*"));
    }
  }

  static long requests(List<Project> projects) {
    var ids = projects.stream().map(Project::id).toList();
    return h.sim.journal().count(e -> ids.contains(e.projectId()));
  }

  /** Largest number of requests one project saw within any window of this length. */
  static int busiestWindow(String project, Duration window) {
    List<Instant> times = h.sim.journal().entries(e -> project.equals(e.projectId())).stream()
        .map(JournalEntry::time).sorted().toList();
    int max = 0;
    for (int i = 0, j = 0; i < times.size(); i++) {
      while (times.get(i).isAfter(times.get(j).plus(window).minusNanos(1))) {
        j++;
      }
      max = Math.max(max, i - j + 1);
    }
    return max;
  }

  @Test
  void everythingConvergesUnderFaultsWithinTheRequestBudget() throws Exception {
    // the same work without faults first: the baseline the storm is measured against
    List<Project> calm = new ArrayList<>();
    for (int i = 0; i < PROJECTS; i++) {
      calm.add(populate("calm"));
    }
    awaitConverged(calm);
    long calmRequests = requests(calm);

    h.sim.faults().add(FaultRule.respond(500).probability(0.10).build());
    h.sim.faults().add(FaultRule.respond(503).probability(0.11).build());
    h.sim.faults().add(FaultRule.respond(429).probability(0.05).retryAfter(Duration.ofSeconds(1)).build());
    h.sim.faults().add(FaultRule.hang(Duration.ofMillis(1500)).probability(0.02).build());
    long started = System.nanoTime();
    List<Project> storm = new ArrayList<>();
    for (int i = 0; i < PROJECTS; i++) {
      storm.add(populate("storm"));
    }
    // mid-storm: rotate one Secret per project while the first writes are still failing
    for (Project p : storm) {
      String secret = Fixtures.credentialsSecretName(name(IntegrationType.SLACK));
      Map<String, String> rotated = Fixtures.credentials(IntegrationType.SLACK);
      p.secrets().put(secret, rotated);
      h.update(Fixtures.secret(p.ns(), secret, rotated));
    }
    awaitConverged(storm);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    h.sim.faults().clear();

    for (Project p : storm) {
      assertExactlyDesired(p);
      assertThat(h.calls(p.id()).stream().filter(e -> e.method().equals("DELETE"))).isEmpty();
      // 15 s refills of a quarter of the per-minute budget: any 15 s sees at most two refills,
      // any minute at most five
      assertThat(busiestWindow(p.id(), Duration.ofSeconds(15))).as("15 s window, " + p.id())
          .isLessThanOrEqualTo(2 * PER_MINUTE / 4);
      assertThat(busiestWindow(p.id(), Duration.ofSeconds(60))).as("60 s window, " + p.id())
          .isLessThanOrEqualTo(5 * PER_MINUTE / 4);
    }
    long stormRequests = requests(storm);
    long faulted = h.sim.journal().count(e -> e.faulted()
        && storm.stream().anyMatch(p -> p.id().equals(e.projectId())));
    System.out.printf("FaultMatrixTest: calm %d requests; storm %d requests (%d faulted, ratio %.2f), converged in %d s%n",
        calmRequests, stormRequests, faulted, (double) stormRequests / calmRequests, took.toSeconds());
    assertThat(faulted).as("the storm really happened").isGreaterThan(stormRequests / 10);
    // stated bound: the storm costs at most 3x the requests of the same work without faults
    assertThat(stormRequests).isLessThanOrEqualTo(3 * calmRequests);
    assertThat(h.metric("integrations_operator_api_retries_total")).isPositive();
  }
}
