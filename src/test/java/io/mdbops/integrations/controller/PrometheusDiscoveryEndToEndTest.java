package io.mdbops.integrations.controller;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PrometheusScrapeConfigSpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusStatus;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakWitness;
import io.mdbops.integrations.testing.OperatorHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus discovery end to end: the discovery URL in status answers with the integration's
 * credentials, and the ScrapeConfig a resource asks for appears owned by it and goes with it (the
 * embedded API server has no garbage collector: the operator removes it itself).
 */
class PrometheusDiscoveryEndToEndTest {

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** A PROMETHEUS resource whose Secret also holds the user name, as a ScrapeConfig needs it. */
  static Map<String, String> create(ThirdPartyIntegration r) {
    Map<String, String> creds = new HashMap<>(Fixtures.credentials(IntegrationType.PROMETHEUS));
    creds.put("username", r.getSpec().getPrometheus().getUsername());
    h.create(Fixtures.secret(r.getMetadata().getNamespace(), Fixtures.credentialsSecretName(r.getMetadata().getName()),
        creds));
    h.create(r);
    return creds;
  }

  static GenericKubernetesResource scrapeConfig(String ns, String name) {
    return h.client.genericKubernetesResources(OperatorHarness.SCRAPE_CONFIGS).inNamespace(ns).withName(name).get();
  }

  @Test
  void theStatusShowsADiscoveryUrlThatAnswersWithTheIntegrationsCredentials() throws Exception {
    String ns = h.namespace("prom-discovery");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "prom", IntegrationType.PROMETHEUS, project, CONNECTION);
    Map<String, String> creds = create(r);

    ThirdPartyIntegration synced = h.awaitReason(ns, "prom", ConditionReason.Synced);
    PrometheusStatus status = synced.getStatus().getPrometheus();
    assertThat(status.getDiscoveryUrl()).isEqualTo(h.sim.baseUrl() + "/prometheus/v1.0/groups/" + project + "/discovery");
    assertThat(status.getUsername()).isEqualTo("prom_user_" + project);
    assertThat(status.getScrapeConfig()).isNull();

    String basic = Base64.getEncoder().encodeToString((status.getUsername() + ":" + creds.get("password"))
        .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        status.getDiscoveryUrl())).header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(targets.statusCode()).isEqualTo(200);
    assertThat(targets.body()).contains("\"targets\"").contains(":9216");
    h.awaitQuiet();
    assertThat(scrapeConfig(ns, "prom")).as("not asked for").isNull();
  }

  @Test
  void theScrapeConfigAppearsIsOwnedByItsResourceAndIsRemovedWithIt() {
    String ns = h.namespace("prom-scrape");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "prom", IntegrationType.PROMETHEUS, project, CONNECTION);
    r.getSpec().getPrometheus().setScrapeConfig(new PrometheusScrapeConfigSpec().withCreate(true)
        .withLabels(Map.of("release", "kube-prometheus-stack")));
    create(r);

    ThirdPartyIntegration held = h.awaitResource(ns, "prom",
        x -> x.getStatus() != null && x.getStatus().getPrometheus() != null
            && "prom".equals(x.getStatus().getPrometheus().getScrapeConfig()));
    GenericKubernetesResource scrapeConfig = scrapeConfig(ns, "prom");
    assertThat(scrapeConfig).isNotNull();
    assertThat(scrapeConfig.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getUid()).isEqualTo(held.getMetadata().getUid());
      assertThat(o.getKind()).isEqualTo("ThirdPartyIntegration");
      assertThat(o.getApiVersion()).isEqualTo("integrations.mdbops.io/v1alpha1");
      assertThat(o.getController()).isTrue();
    });
    assertThat(scrapeConfig.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) scrapeConfig.getAdditionalProperties().get("spec");
    assertThat((List<?>) spec.get("httpSDConfigs")).singleElement()
        .satisfies(sd -> assertThat(((Map<?, ?>) sd).get("url")).isEqualTo(held.getStatus().getPrometheus().getDiscoveryUrl()));
    assertThat(h.eventReasons(ns, "prom")).contains("ScrapeConfigCreated");
    LeakWitness.record("scrapeconfig", Serialization.asJson(scrapeConfig)); // for the leak test: it goes below

    // at rest: no further write of it
    h.awaitQuiet();
    long writes = h.kubeWrites(ns).stream().filter(w -> w.path().contains("/scrapeconfigs")).count();
    long puts = h.calls(project, "PUT");
    // a rotated password: a pass that writes the integration, while the ScrapeConfig (which only
    // references the Secret) stays as it is
    Map<String, String> rotated = new HashMap<>(Fixtures.credentials(IntegrationType.PROMETHEUS));
    rotated.put("username", r.getSpec().getPrometheus().getUsername());
    h.update(Fixtures.secret(ns, Fixtures.credentialsSecretName("prom"), rotated));
    h.awaitQuiet();
    assertThat(h.calls(project, "PUT")).as("a pass ran").isEqualTo(puts + 1);
    assertThat(h.kubeWrites(ns).stream().filter(w -> w.path().contains("/scrapeconfigs")).count()).isEqualTo(writes);

    h.delete(ns, "prom");
    h.awaitGone(ns, "prom");
    h.awaitQuiet();
    assertThat(scrapeConfig(ns, "prom")).as("removed with its resource").isNull();
    assertThat(h.kubeWrites(ns)).anyMatch(w -> w.method().equals("DELETE") && w.path().contains("/scrapeconfigs/prom"));
  }

  @Test
  void aClusterWithoutTheScrapeConfigKindIsToldSoAndTheIntegrationIsNotFailed() {
    String ns = h.namespace("prom-no-crd");
    String project = h.project();
    // what a real API server answers for a kind it does not serve
    h.kube.failNext("POST", "/namespaces/" + ns + "/scrapeconfigs", 404, 1_000);
    ThirdPartyIntegration r = Fixtures.resource(ns, "prom", IntegrationType.PROMETHEUS, project, CONNECTION);
    r.getSpec().getPrometheus().setScrapeConfig(new PrometheusScrapeConfigSpec().withCreate(true));
    create(r);

    ThirdPartyIntegration seen = h.awaitResource(ns, "prom", x -> x.getStatus() != null
        && x.getStatus().getPrometheus() != null && x.getStatus().getPrometheus().getScrapeConfigProblem() != null);
    h.awaitReason(ns, "prom", ConditionReason.Synced);
    h.awaitQuiet();
    assertThat(seen.getStatus().getPrometheus().getScrapeConfigProblem()).contains("is not installed in this cluster");
    assertThat(h.eventReasons(ns, "prom")).containsExactly("Created", "ScrapeConfigUnavailable");
    assertThat(scrapeConfig(ns, "prom")).isNull();
  }
}
