package io.mdbops.integrations.ha;

import io.mdbops.integrations.sandbox.Kubeconfig;
import io.mdbops.integrations.testing.OperatorProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of the real operator ({@code Main run}, which builds {@code OperatorAssembly} with
 * leader election on) as two JVMs against one embedded Kubernetes API and one API simulator, the
 * way two pods of the Helm chart run. Each replica's default connection uses its own API key, so
 * the simulator's journal says which replica made every call.
 *
 * <p>The replicas run with short Lease timings (4 s lease, 3 s renew deadline, 500 ms retry; the
 * chart's defaults are 15 s / 10 s / 2 s), so a failover after a crash takes seconds here. The
 * tests run in order: each continues the scenario of the one before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderElectionTest {

  static final String OPERATOR_NAMESPACE = "integrations-operator";
  static final String APPS = "payments";
  static final String LEASE = "integrations-operator-ha";
  static final String KEY_A = "replica-a-key";
  static final String KEY_B = "replica-b-key";
  static final Duration STARTUP = Duration.ofSeconds(60);
  /** Lease duration (4 s) + one jittered retry period + generous slack for a busy machine. */
  static final Duration FAILOVER = Duration.ofSeconds(30);

  EmbeddedKubernetes kube;
  KubernetesClient client;
  ApiSimulator sim;
  Path work;
  OperatorProcess a;
  OperatorProcess b;
  final List<String> projects = new ArrayList<>();

  @BeforeAll
  void startApisAndReplicas() throws Exception {
    kube = EmbeddedKubernetes.start(0);
    client = kube.client();
    sim = ApiSimulator.start(SimulatorOptions.builder().build());
    String privateA = Fixtures.secretValue("priv-a");
    String privateB = Fixtures.secretValue("priv-b");
    sim.addApiKey(KEY_A, privateA);
    sim.addApiKey(KEY_B, privateB);
    client.secrets().resource(
        Fixtures.connectionSecret(OPERATOR_NAMESPACE, "connection-a", sim.baseUrl(), KEY_A, privateA)).create();
    client.secrets().resource(
        Fixtures.connectionSecret(OPERATOR_NAMESPACE, "connection-b", sim.baseUrl(), KEY_B, privateB)).create();

    work = Path.of("target", "ha-test");
    Files.createDirectories(work);
    Path kubeconfig = work.resolve("kubeconfig");
    Kubeconfig.write(kubeconfig, kube.url(), OPERATOR_NAMESPACE);

    // A starts first so that it leads; B starts once A holds the Lease
    a = OperatorProcess.start("op-a", work, env(kubeconfig, "connection-a"));
    awaitHolder("op-a", STARTUP);
    b = OperatorProcess.start("op-b", work, env(kubeconfig, "connection-b"));
    // B is up and has seen A's Lease: JOSDK logs the leader it observes
    await("op-b observes op-a as leader").atMost(STARTUP).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          assertThat(b.isAlive()).as("op-b is running; its log:%n%s", b.output()).isTrue();
          return b.output().contains("New leader with identity: op-a");
        });
  }

  /** What the chart's Deployment sets, plus this replica's own default connection. */
  private Map<String, String> env(Path kubeconfig, String connectionSecret) {
    return Map.ofEntries(
        Map.entry("KUBECONFIG", kubeconfig.toAbsolutePath().toString()),
        Map.entry("INTEGRATIONS_OPERATOR_OPERATOR_NAMESPACE", OPERATOR_NAMESPACE),
        Map.entry("INTEGRATIONS_OPERATOR_WATCH_NAMESPACES", ""),
        Map.entry("INTEGRATIONS_OPERATOR_LABEL_SELECTOR", ""),
        Map.entry("INTEGRATIONS_OPERATOR_LEADER_ELECTION", "true"),
        Map.entry("INTEGRATIONS_OPERATOR_LEASE_NAME", LEASE),
        Map.entry("INTEGRATIONS_OPERATOR_LEASE_DURATION", "4s"),
        Map.entry("INTEGRATIONS_OPERATOR_LEASE_RENEW_DEADLINE", "3s"),
        Map.entry("INTEGRATIONS_OPERATOR_LEASE_RETRY_PERIOD", "500ms"),
        Map.entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET", connectionSecret),
        Map.entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACES", APPS),
        Map.entry("INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS", sim.baseUrl()),
        Map.entry("INTEGRATIONS_OPERATOR_RESYNC_INTERVAL", "1h"),
        Map.entry("INTEGRATIONS_OPERATOR_MAX_CONCURRENT_RECONCILES", "4"),
        Map.entry("INTEGRATIONS_OPERATOR_HTTP_PORT", "0"),
        Map.entry("INTEGRATIONS_OPERATOR_LOG_FORMAT", "text"));
  }

  @AfterAll
  void stopEverything() {
    closeQuietly(a);
    closeQuietly(b);
    if (sim != null) {
      sim.close();
    }
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  @Order(1)
  void onlyTheLeaderCallsTheApiAndWritesStatusAndEvents() {
    for (int i = 1; i <= 3; i++) {
      createResource("tpi-" + i);
    }
    for (int i = 1; i <= 3; i++) {
      awaitSynced("tpi-" + i, FAILOVER);
    }

    assertThat(holder()).isEqualTo("op-a");
    for (String project : projects) {
      assertThat(calls(project, "PUT", KEY_A)).as("PUTs by op-a to %s", project).isEqualTo(1);
    }
    assertThat(sim.journal().entries(signedBy(KEY_B)))
        .as("the standby never calls the API, not even to read").isEmpty();
    // Events are written in the background, right after the status
    await("the leader records Events").atMost(Duration.ofSeconds(10)).until(() -> events().size() >= projects.size());
    List<Event> events = events();
    assertThat(events).extracting(Event::getReportingInstance).containsOnly("op-a");
    assertThat(b.isAlive()).isTrue();
  }

  @Test
  @Order(2)
  void whenTheLeaderDiesTheStandbyTakesOverAndReconcilesNewResources() throws Exception {
    long putsBefore = sim.journal().count(e -> "PUT".equals(e.method()));
    a.kill();
    long killedAt = System.nanoTime();
    // created while nobody leads: the new leader must pick it up
    createResource("tpi-after-failover");

    awaitHolder("op-b", FAILOVER);
    Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
    System.out.println("LeaderElectionTest: op-b took the Lease " + failover.toMillis() + " ms after op-a died");
    ThirdPartyIntegration taken = awaitSynced("tpi-after-failover", FAILOVER);

    Lease lease = lease();
    assertThat(lease.getSpec().getLeaseTransitions()).isGreaterThanOrEqualTo(1);
    String newProject = projects.get(3);
    assertThat(calls(newProject, "PUT", KEY_B)).as("op-b wrote the new resource's integration").isEqualTo(1);
    for (String project : projects.subList(0, 3)) {
      assertThat(calls(project, "PUT", KEY_B))
          .as("op-b takes over %s with reads only: it was already in sync", project).isZero();
    }
    assertThat(sim.journal().count(e -> "PUT".equals(e.method()))).isEqualTo(putsBefore + 1);
    await("op-b records an Event for it").atMost(Duration.ofSeconds(10)).until(() -> events().stream()
        .anyMatch(e -> taken.getMetadata().getName().equals(e.getInvolvedObject().getName())));
    assertThat(events().stream()
        .filter(e -> taken.getMetadata().getName().equals(e.getInvolvedObject().getName())))
        .extracting(Event::getReportingInstance).isNotEmpty().containsOnly("op-b");
  }

  @Test
  @Order(3)
  void neitherReplicaLogsASecret() {
    String logs = a.output() + b.output();
    assertThat(logs).contains("New leader with identity");
    for (String secret : Fixtures.SECRET_VALUES) {
      assertThat(logs).as("replica logs").doesNotContain(secret);
    }
  }

  @Test
  @Order(4)
  void theLeaderExitsPromptlyOnSigtermAndHandsTheLeaseBack() throws Exception {
    Duration took = b.terminate(Duration.ofSeconds(10));
    assertThat(took).as("op-b exits within 10 s of SIGTERM; its log:%n%s", b.output()).isNotNull();
    assertThat(b.output()).contains("released the leader Lease " + LEASE);
    assertThat(lease().getSpec().getHolderIdentity()).as("a standby may take over at once").isNull();
  }

  private void createResource(String name) {
    String project = sim.addProject();
    projects.add(project);
    ThirdPartyIntegration r = Fixtures.resource(APPS, name, IntegrationType.PAGER_DUTY, project, null);
    client.secrets().resource(Fixtures.secret(APPS, Fixtures.credentialsSecretName(name),
        Fixtures.credentials(IntegrationType.PAGER_DUTY))).create();
    client.resources(ThirdPartyIntegration.class).resource(r).create();
  }

  private ThirdPartyIntegration awaitSynced(String name, Duration atMost) {
    ThirdPartyIntegration[] seen = new ThirdPartyIntegration[1];
    await(APPS + "/" + name + " Synced").atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
      seen[0] = client.resources(ThirdPartyIntegration.class).inNamespace(APPS).withName(name).get();
      Condition ready = seen[0] == null || seen[0].getStatus() == null ? null : seen[0].getStatus().ready().orElse(null);
      return ready != null && ready.getReason() == ConditionReason.Synced
          && Objects.equals(ready.getObservedGeneration(), seen[0].getMetadata().getGeneration());
    });
    return seen[0];
  }

  private void awaitHolder(String identity, Duration atMost) {
    await("Lease held by " + identity).atMost(atMost).pollInterval(Duration.ofMillis(100))
        .until(() -> identity.equals(holder()));
  }

  private Lease lease() {
    return client.leases().inNamespace(OPERATOR_NAMESPACE).withName(LEASE).get();
  }

  private String holder() {
    Lease lease = lease();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private long calls(String project, String method, String key) {
    return sim.journal().count(e -> project.equals(e.projectId()) && method.equals(e.method())
        && key.equals(e.publicKey()));
  }

  private static Predicate<JournalEntry> signedBy(String key) {
    return e -> key.equals(e.publicKey());
  }

  private List<Event> events() {
    return client.v1().events().inNamespace(APPS).list().getItems();
  }

  private static void closeQuietly(OperatorProcess p) {
    if (p != null) {
      p.close();
    }
  }
}
