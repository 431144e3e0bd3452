package io.mdbops.integrations.prometheus;

import static io.mdbops.integrations.sync.CoreRig.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PrometheusScheme;
import io.mdbops.integrations.api.v1alpha1.PrometheusScrapeConfigSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.sync.CoreRig;
import io.mdbops.integrations.testing.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The discovery status and the ScrapeConfig of a PROMETHEUS resource, against a map of ScrapeConfigs. */
public class PrometheusDiscoveryTest {

  /** {@link PrometheusDiscovery#RETRY} in milliseconds, for tests elsewhere. */
  public static final long RETRY_MILLIS = PrometheusDiscovery.RETRY.toMillis();

  final CoreRig rig = new CoreRig();
  final String project = rig.project();
  final FakeScrapeConfigs store = new FakeScrapeConfigs();
  final PrometheusDiscovery discovery = new PrometheusDiscovery(rig.connections, rig.secrets, store);

  ThirdPartyIntegration resource() {
    ThirdPartyIntegration r = rig.resource("prom", IntegrationType.PROMETHEUS, project);
    Map<String, String> creds = new HashMap<>(Fixtures.credentials(IntegrationType.PROMETHEUS));
    creds.put("username", r.getSpec().getPrometheus().getUsername());
    rig.secrets.put(NS, Fixtures.credentialsSecretName("prom"), creds);
    r.getSpec().getPrometheus().setScrapeConfig(new PrometheusScrapeConfigSpec().withCreate(true));
    return r;
  }

  /** One pass, its status kept as the controller would. */
  PrometheusDiscovery.Result pass(ThirdPartyIntegration r) {
    PrometheusDiscovery.Result result = discovery.apply(r).orElseThrow();
    if (r.getStatus() == null) {
      r.setStatus(new ThirdPartyIntegrationStatus());
    }
    r.getStatus().setPrometheus(result.status());
    return result;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(GenericKubernetesResource scrapeConfig) {
    return (Map<String, Object>) scrapeConfig.getAdditionalProperties().get("spec");
  }

  @Test
  void theDiscoveryUrlKeepsABaseUrlsPathPrefix() {
    assertThat(DiscoveryEndpoint.url("https://om.example.com/mms/", "5e2211c17a3e5a48f5497de3"))
        .isEqualTo("https://om.example.com/mms/prometheus/v1.0/groups/5e2211c17a3e5a48f5497de3/discovery");
    assertThat(DiscoveryEndpoint.url("https://cloud.mongodb.com", "5e2211c17a3e5a48f5497de3"))
        .isEqualTo("https://cloud.mongodb.com/prometheus/v1.0/groups/5e2211c17a3e5a48f5497de3/discovery");
  }

  @Test
  void theScrapeConfigDiscoversThroughTheProjectsEndpointWithTheIntegrationsCredentials() {
    ThirdPartyIntegration r = resource();
    r.getSpec().getPrometheus().getScrapeConfig().withLabels(Map.of("release", "kube-prometheus-stack"))
        .withScrapeInterval("30s");
    r.getSpec().getPrometheus().setScheme(PrometheusScheme.HTTPS);

    assertThat(pass(r).action()).contains(PrometheusDiscovery.Action.Created);

    GenericKubernetesResource created = store.stored(NS, "prom").orElseThrow();
    assertThat(created.getApiVersion()).isEqualTo("monitoring.coreos.com/v1alpha1");
    assertThat(created.getKind()).isEqualTo("ScrapeConfig");
    assertThat(created.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack")
        .containsEntry("app.kubernetes.io/managed-by", "integrations-operator");
    Map<String, Object> basicAuth = Map.of(
        "username", Map.of("name", "prom-creds", "key", "username"),
        "password", Map.of("name", "prom-creds", "key", "password"));
    assertThat(spec(created)).containsEntry("basicAuth", basicAuth)
        .containsEntry("scheme", "HTTPS")
        .containsEntry("scrapeInterval", "30s")
        .containsEntry("httpSDConfigs", List.of(Map.of(
            "url", CoreRig.BASE_URL + "/prometheus/v1.0/groups/" + project + "/discovery",
            "refreshInterval", "60s",
            "basicAuth", basicAuth)));
    assertThat(created.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(r.getMetadata().getUid()));
  }

  @Test
  void aPrivateCaOfAConnectionInTheSameNamespaceIsTrustedForDiscovery() {
    ThirdPartyIntegration r = resource();
    Map<String, String> connection = Map.of("publicKey", "pub", "privateKey", Fixtures.secretValue("priv"),
        "baseUrl", CoreRig.BASE_URL, "ca.crt", "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----");
    rig.secrets.put(NS, CoreRig.CONNECTION, connection);

    pass(r);

    Map<?, ?> sd = (Map<?, ?>) ((List<?>) spec(store.stored(NS, "prom").orElseThrow()).get("httpSDConfigs")).get(0);
    assertThat(sd.get("tlsConfig"))
        .isEqualTo(Map.of("ca", Map.of("secret", Map.of("name", CoreRig.CONNECTION, "key", "ca.crt"))));
  }

  @Test
  void aHandEditIsUndoneOnTheNextPassAndDefaultsAServerAddsAreLeftAlone() {
    ThirdPartyIntegration r = resource();
    pass(r);
    GenericKubernetesResource edited = store.stored(NS, "prom").orElseThrow();
    Map<String, Object> spec = new HashMap<>(spec(edited));
    spec.put("honorLabels", false); // a default: not the operator's
    edited.setAdditionalProperty("spec", spec);
    store.put(edited);

    assertThat(pass(r).action()).as("a default alone is no reason to write").isEmpty();

    spec.put("scheme", "HTTPS");
    edited.setAdditionalProperty("spec", spec);
    store.put(edited);
    assertThat(pass(r).action()).contains(PrometheusDiscovery.Action.Updated);
    assertThat(spec(store.stored(NS, "prom").orElseThrow())).containsEntry("scheme", "HTTP")
        .containsEntry("honorLabels", false);
  }

  @Test
  void aScrapeConfigOfTheSameNameThatIsNotOwnedIsLeftAlone() {
    ThirdPartyIntegration r = resource();
    GenericKubernetesResource theirs = ScrapeConfigManifest.of(r, "https://elsewhere.example.com", Optional.empty());
    theirs.getMetadata().setOwnerReferences(List.of());
    store.put(theirs);

    PrometheusDiscovery.Result result = pass(r);

    assertThat(result.status().getScrapeConfigProblem()).contains("is not owned by this resource");
    assertThat(result.status().getScrapeConfig()).isNull();
    assertThat(store.writes).isEmpty();
    discovery.release(r);
    assertThat(store.stored(NS, "prom")).as("release removes only what the resource holds").isPresent();
  }

  @Test
  void aUserNameInTheSecretThatIsNotTheIntegrationsUserIsReportedWithoutQuotingIt() {
    ThirdPartyIntegration r = resource();
    String other = Fixtures.secretValue("someone-");
    rig.secrets.put(NS, Fixtures.credentialsSecretName("prom"), Map.of("password", Fixtures.secretValue("pw"),
        "username", other));

    PrometheusDiscovery.Result result = pass(r);

    assertThat(result.status().getScrapeConfigProblem()).contains("is not spec.prometheus.username")
        .doesNotContain(other);
    assertThat(store.writes).isEmpty();
  }

  @Test
  void otherTypesAndUnusableConnectionsAreLeftOut() {
    assertThat(discovery.apply(rig.resource("slack", IntegrationType.SLACK, project))).isEmpty();
    ThirdPartyIntegration r = resource();
    rig.secrets.remove(NS, CoreRig.CONNECTION);
    assertThat(discovery.apply(r)).isEmpty();
  }
}
