package io.mdbops.integrations.metrics;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.controller.ManagedOperator;
import io.mdbops.integrations.controller.OperatorAssembly;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /metrics, /healthz and /readyz over HTTP, moving as the scenario predicts. */
class ObservabilityEndToEndTest {

  static final String REQUESTS = "integrations_operator_api_request_duration_seconds_count";

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void aWriteADriftAndARotationMoveTheirCounters() {
    String ns = h.namespace("metrics");
    String project = h.project();
    double puts = h.metric(REQUESTS, "method=\"PUT\"", "status=\"200\"");
    double created = h.metric("integrations_operator_integration_writes_total", "type=\"SLACK\"", "cause=\"Created\"");

    Map<String, String> creds = h.createWithCredentials(Fixtures.resource(ns, "it", IntegrationType.SLACK, project, CONNECTION));
    h.awaitReason(ns, "it", ConditionReason.Synced);
    assertThat(h.metric(REQUESTS, "method=\"PUT\"", "status=\"200\"")).isEqualTo(puts + 1);
    assertThat(h.metric("integrations_operator_integration_writes_total", "type=\"SLACK\"", "cause=\"Created\""))
        .isEqualTo(created + 1);
    assertThat(h.metric(REQUESTS, "method=\"GET\"", "endpoint=\"list\"")).isPositive();
    assertThat(h.metric("integrations_operator_api_digest_challenges_total")).isPositive();
    assertThat(h.metric("integrations_operator_resources", "type=\"SLACK\"", "reason=\"Synced\"", "ready=\"true\""))
        .isPositive();

    double drift = h.metric("integrations_operator_drift_corrections_total", "type=\"SLACK\"");
    Map<String, Object> edited = new HashMap<>(h.sim.stored(project, "SLACK").orElseThrow());
    edited.put("teamName", "Someone Else");
    h.sim.putStored(project, "SLACK", edited);
    h.driftCheck();
    h.awaitResource(ns, "it", r -> r.getStatus().getDriftCorrections() != null);
    assertThat(h.metric("integrations_operator_drift_corrections_total", "type=\"SLACK\"")).isEqualTo(drift + 1);

    double rotations = h.metric("integrations_operator_secret_rotations_total", "type=\"SLACK\"");
    Map<String, String> next = new HashMap<>(creds);
    next.put("apiToken", Fixtures.secretValue("xoxb-"));
    h.update(Fixtures.secret(ns, Fixtures.credentialsSecretName("it"), next));
    await().atMost(OperatorHarness.WAIT).until(() ->
        h.metric("integrations_operator_secret_rotations_total", "type=\"SLACK\"") == rotations + 1);
  }

  @Test
  void failuresShowAsNotReadyWithTheirReasonAndAge() {
    String ns = h.namespace("metrics-bad");
    h.create(Fixtures.resource(ns, "it", IntegrationType.PAGER_DUTY, h.project(), CONNECTION));
    h.awaitReason(ns, "it", ConditionReason.SecretNotFound);
    assertThat(h.metric("integrations_operator_resources", "type=\"PAGER_DUTY\"", "reason=\"SecretNotFound\"", "ready=\"false\""))
        .isEqualTo(1);
    await().atMost(OperatorHarness.WAIT)
        .until(() -> h.metric("integrations_operator_oldest_unsynced_resource_age_seconds") > 0);
  }

  @Test
  void reconcileMetricsComeFromJosdkAndNoLabelIsUnbounded() {
    h.createWithCredentials(Fixtures.resource(h.namespace("metrics-labels"), "it", IntegrationType.OPS_GENIE, h.project(), CONNECTION));
    String scrape = h.http("/metrics").body();
    assertThat(scrape).contains("operator_sdk_").contains("integrations_operator_leader 1.0");
    // no resource names, namespaces, paths or project ids in labels by default
    assertThat(scrape).doesNotContain("resource_name=").doesNotContain("metrics-labels").doesNotContain("/groups/");
    for (String project : h.sim.projects()) {
      assertThat(scrape).doesNotContain(project);
    }
  }

  @Test
  void everyMetricTheShippedAlertsAndDashboardQueryIsExported() throws Exception {
    String ns = h.namespace("metrics-assets");
    h.createWithCredentials(Fixtures.resource(ns, "it", IntegrationType.VICTOR_OPS, h.project(), CONNECTION));
    h.awaitReason(ns, "it", ConditionReason.Synced);
    String scrape = h.http("/metrics").body();
    java.util.Set<String> exported = java.util.Arrays.stream(scrape.split("\n"))
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split("[{ ]", 2)[0])
        .collect(java.util.stream.Collectors.toSet());
    for (String asset : java.util.List.of(
        "helm/integrations-operator/templates/prometheusrule.yaml",
        "helm/integrations-operator/dashboards/integrations-operator.json")) {
      String text = java.nio.file.Files.readString(java.nio.file.Path.of(asset));
      var names = java.util.regex.Pattern.compile("\\b(integrations_operator_[a-z_]+|operator_sdk_[a-z_]+|jvm_[a-z_]+)")
          .matcher(text).results().map(m -> m.group(1)).collect(java.util.stream.Collectors.toSet());
      assertThat(names).as(asset).isNotEmpty();
      assertThat(exported).as("metrics %s queries", asset).containsAll(names);
    }
  }

  @Test
  void probesFollowTheInformers() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // a second operator watching a namespace of its own, so it does not race the harness's operator
    var config = h.config.toBuilder().httpPort(port).watchNamespaces(java.util.Set.of("probe-only")).build();
    var metrics = new OperatorMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
    HttpClient client = HttpClient.newHttpClient();
    int[] p = {port};
    java.util.function.Function<String, Integer> get = path -> {
      try {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p[0] + path)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    try (ManagedOperator second = OperatorAssembly.build(h.client, config,
        OperatorAssembly.extras().identity("probe-test").metrics(metrics))) {
      second.startHttp();
      assertThat(get.apply("/healthz")).isEqualTo(200);
      assertThat(get.apply("/readyz")).isEqualTo(503);
      second.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> get.apply("/readyz") == 200);
      assertThat(get.apply("/healthz")).isEqualTo(200);
      assertThat(get.apply("/nothing-here")).isEqualTo(404);
    }
  }
}
