package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.sandbox.Kubeconfig;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakScanner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --kubeconfig}: the connection and token Secrets come from the cluster, and a password the
 * API never shows is compared by the Secret version the operator's status says it last wrote.
 */
class PlanKubeconfigTest {

  @TempDir
  Path dir;
  ApiSimulator sim;
  EmbeddedKubernetes kube;
  KubernetesClient client;
  String project;
  Map<String, String> slack;
  Map<String, String> prometheus;

  @BeforeEach
  void start() throws Exception {
    sim = ApiSimulator.start(SimulatorOptions.defaults());
    String privateKey = Fixtures.secretValue("kube-private-");
    sim.addApiKey("kube-public", privateKey);
    project = sim.addProject();
    kube = EmbeddedKubernetes.start(0);
    client = kube.client();
    client.secrets().resource(Fixtures.connectionSecret("demo", "mdb-api", sim.baseUrl(), "kube-public", privateKey))
        .create();
    client.secrets().resource(Fixtures.connectionSecret("ops", "default-api", sim.baseUrl(), "kube-public", privateKey))
        .create();
    slack = Fixtures.credentials(IntegrationType.SLACK);
    prometheus = Fixtures.credentials(IntegrationType.PROMETHEUS);
    try (OkHttpIntegrationsApiFactory factory = new OkHttpIntegrationsApiFactory()) {
      IntegrationsApi api = factory.create(new ApiConnection(URI.create(sim.baseUrl()), "kube-public", privateKey, null));
      put(api, IntegrationType.SLACK, slack);
      put(api, IntegrationType.PROMETHEUS, prometheus);
    }
    client.secrets().resource(Fixtures.secret("demo", "slack-creds", slack)).create();
    Secret password = client.secrets().resource(Fixtures.secret("demo", "prometheus-creds", prometheus)).create();
    // the operator's record of its last write of the password
    ThirdPartyIntegration applied = resource("prometheus", IntegrationType.PROMETHEUS, "mdb-api");
    ThirdPartyIntegration stored = client.resources(ThirdPartyIntegration.class).resource(applied).create();
    ThirdPartyIntegrationStatus status = new ThirdPartyIntegrationStatus();
    status.setAppliedSecrets(List.of(new AppliedSecret("prometheus-creds", password.getMetadata().getResourceVersion())));
    stored.setStatus(status);
    client.resources(ThirdPartyIntegration.class).resource(stored).updateStatus();
    for (ThirdPartyIntegration r : List.of(resource("slack", IntegrationType.SLACK, null), applied)) {
      r.getMetadata().setResourceVersion(null);
      r.setStatus(null);
      Files.writeString(dir.resolve(r.getMetadata().getName() + ".yaml"),
          io.fabric8.kubernetes.client.utils.Serialization.asYaml(r));
    }
    sim.journal().clear();
    kube.clearJournal();
  }

  @AfterEach
  void stop() {
    kube.close();
    sim.close();
  }

  @Test
  void secretsAndTheOperatorsRecordComeFromTheCluster() throws IOException {
    Path kubeconfig = Kubeconfig.write(dir.resolve("kubeconfig"), kube.url(), "demo");
    String[] args = {"plan", "-f", dir.toString(), "--kubeconfig", kubeconfig.toString(),
        "--default-connection-secret", "ops/default-api"};

    CommandRun inSync = CommandRun.of(args);
    assertThat(inSync.exit()).as(inSync.all()).isZero();
    assertThat(inSync.out()).containsPattern("= in sync +demo/prometheus").containsPattern("= in sync +demo/slack")
        .doesNotContain("not compared");
    assertThat(kube.writes()).isEmpty();

    Secret password = client.secrets().inNamespace("demo").withName("prometheus-creds").get();
    password.setData(Map.of("password", Fixtures.base64(Fixtures.secretValue("rotated"))));
    client.secrets().resource(password).update();
    CommandRun rotated = CommandRun.of(args);
    assertThat(rotated.exit()).isEqualTo(2);
    assertThat(rotated.out()).containsPattern("~ update +demo/prometheus")
        .contains("password (secret): Secret prometheus-creds changed since the operator last wrote it");

    assertThat(sim.journal().entries()).extracting(JournalEntry::method).containsOnly("GET");
    assertThat(kube.writes()).extracting(EmbeddedKubernetes.Request::path)
        .containsExactly("/api/v1/namespaces/demo/secrets/prometheus-creds");
    assertThat(LeakScanner.scan(Fixtures.SECRET_VALUES, List.of(inSync.all(), rotated.all()))).isEmpty();
  }

  private ThirdPartyIntegration resource(String name, IntegrationType type, String connection) {
    return Fixtures.resource("demo", name, type, project, connection);
  }

  private void put(IntegrationsApi api, IntegrationType type, Map<String, String> values) throws Exception {
    ThirdPartyIntegrationSpec spec = SampleIntegrations.spec(type, project, null, "creds");
    api.put(project, DesiredIntegrations.build(spec, SecretValues.of(spec, ref -> values.get(ref.getKey()), n -> "1"))
        .payload());
  }
}
