package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.sandbox.Kubeconfig;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The operator image's jar, as the build packaged it (an integration test: it runs after
 * {@code package}): nothing of the sandbox, the simulator or the benchmark in it, none of the
 * libraries only they need, and yet everything {@code run} needs, proven by running it.
 */
class RuntimeJarIT {

  static final Path JAR = Path.of("target", "integrations-operator-runtime.jar");

  /** Path prefixes that must not be in the jar, and why each would be there. */
  static final List<String> FORBIDDEN = List.of(
      "io/vertx/", "io/netty/", "io/fabric8/mockwebserver/", "io/fabric8/kubernetes/client/server/mock/",
      "org/bouncycastle/", "dev/cel/", "com/google/protobuf/", "com/google/common/", "com/networknt/",
      "io/mdbops/integrations/simulator/", "io/mdbops/integrations/sandbox/", "io/mdbops/integrations/bench/",
      "io/mdbops/integrations/Main.class", "io/mdbops/integrations/cli/SandboxCommand", "io/mdbops/integrations/plan/",
      "io/mdbops/integrations/cli/DoctorCommand");

  @Test
  void theJarHoldsNoSandboxSimulatorOrBenchmarkNorTheirLibraries() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      List<String> entries = jar.stream().map(ZipEntry::getName).toList();
      assertThat(entries).contains("io/mdbops/integrations/OperatorMain.class",
          "io/mdbops/integrations/controller/ThirdPartyIntegrationReconciler.class");
      assertThat(entries).noneMatch(e -> FORBIDDEN.stream().anyMatch(e::startsWith));
    }
  }

  @Test
  void theJarRunsTheOperatorToSynced() throws Exception {
    Path work = Files.createDirectories(Path.of("target", "runtime-jar-it"));
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.start(0);
        ApiSimulator sim = ApiSimulator.start(SimulatorOptions.defaults())) {
      KubernetesClient client = kube.client();
      String privateKey = Fixtures.secretValue("priv");
      sim.addApiKey("runtime-jar", privateKey);
      String project = sim.addProject();
      client.secrets().resource(Fixtures.connectionSecret("apps", "api", sim.baseUrl(), "runtime-jar", privateKey)).create();
      ThirdPartyIntegration r = Fixtures.resource("apps", "slack", IntegrationType.SLACK, project, "api");
      client.secrets().resource(Fixtures.secret("apps", Fixtures.credentialsSecretName("slack"),
          Fixtures.credentials(IntegrationType.SLACK))).create();
      client.resource(r).create();
      Path kubeconfig = Kubeconfig.write(work.resolve("kubeconfig"), kube.url(), "apps");
      try (OperatorProcess operator = OperatorProcess.startJar("runtime-jar", work, Map.of(
          "KUBECONFIG", kubeconfig.toAbsolutePath().toString(),
          "INTEGRATIONS_OPERATOR_OPERATOR_NAMESPACE", "integrations-operator",
          "INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS", sim.baseUrl(),
          "INTEGRATIONS_OPERATOR_HTTP_PORT", "0",
          "INTEGRATIONS_OPERATOR_LOG_FORMAT", "json"), JAR)) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
          assertThat(operator.isAlive()).as("the runtime jar runs; its log:%n%s", operator.output()).isTrue();
          ThirdPartyIntegration seen = client.resources(ThirdPartyIntegration.class).inNamespace("apps")
              .withName("slack").get();
          return seen.getStatus() != null && seen.getStatus().ready()
              .map(c -> c.getReason() == ConditionReason.Synced).orElse(false);
        });
        assertThat(sim.stored(project, "SLACK")).isPresent();
        assertThat(operator.output()).doesNotContain("NoClassDefFoundError").doesNotContain(privateKey);
      }
    }
  }
}
