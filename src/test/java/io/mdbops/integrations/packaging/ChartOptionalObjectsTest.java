package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects that exist only when asked for (or only when they make sense). */
class ChartOptionalObjectsTest {

  @Test
  void aDisruptionBudgetOnlyWithMoreThanOneReplica() {
    PodDisruptionBudget pdb = Chart.render().one(PodDisruptionBudget.class);
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Chart.render().deployment().getSpec().getSelector().getMatchLabels());
    assertThat(Chart.render("replicas: 1").all(PodDisruptionBudget.class))
        .as("minAvailable 1 of 1 would block node drains").isEmpty();
    assertThat(Chart.render("replicas: 3\npodDisruptionBudget: {enabled: false}").all(PodDisruptionBudget.class)).isEmpty();
    assertThat(Chart.render("replicas: 3").one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
  }

  @Test
  void serviceMonitorOnlyWhenEnabled() {
    assertThat(Chart.render().kind("ServiceMonitor")).isEmpty();
    GenericKubernetesResource sm = Chart.render("metrics: {serviceMonitor: {enabled: true, labels: {release: prom}}}")
        .kind("ServiceMonitor").get(0);
    assertThat(sm.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(sm.getMetadata().getLabels()).containsEntry("release", "prom");
    List<Map<String, Object>> endpoints = sm.get("spec", "endpoints");
    assertThat(endpoints).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("port", "http").containsEntry("path", "/metrics").containsEntry("interval", "30s");
    });
    Map<String, Object> matchLabels = sm.get("spec", "selector", "matchLabels");
    assertThat(matchLabels).containsEntry("app.kubernetes.io/instance", "integrations-operator");
    assertThatThrownBy(() -> Chart.render("metrics: {service: {enabled: false}, serviceMonitor: {enabled: true}}"))
        .hasMessageContaining("needs metrics.service.enabled");
  }

  @Test
  void networkPolicyOnlyWhenEnabledAndThenNarrow() {
    assertThat(Chart.render().all(NetworkPolicy.class)).isEmpty();
    NetworkPolicy np = Chart.render("networkPolicy: {enabled: true}").one(NetworkPolicy.class);
    assertThat(np.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(np.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", "integrations-operator");
    assertThat(np.getSpec().getIngress()).singleElement().satisfies(in ->
        assertThat(in.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("http"));
    List<NetworkPolicyEgressRule> egress = np.getSpec().getEgress();
    assertThat(egress).hasSize(3);
    assertThat(ports(egress.get(0))).containsExactly("UDP/53", "TCP/53");
    assertThat(ports(egress.get(1))).containsExactly("TCP/443", "TCP/6443");
    assertThat(ports(egress.get(2))).containsExactly("TCP/443");
    assertThat(egress).allSatisfy(e -> assertThat(e.getTo()).isEmpty());

    NetworkPolicy narrow = Chart.render("""
        networkPolicy:
          enabled: true
          metricsFrom: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
          apiPorts: [8443]
          apiCidrs: [10.20.0.0/16]
          kubernetesApiCidrs: [10.0.0.1/32]
          dnsTo: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
        """).one(NetworkPolicy.class);
    assertThat(narrow.getSpec().getIngress().get(0).getFrom()).singleElement()
        .satisfies(f -> assertThat(f.getNamespaceSelector().getMatchLabels()).containsValue("monitoring"));
    assertThat(narrow.getSpec().getEgress().get(0).getTo()).singleElement()
        .satisfies(t -> assertThat(t.getNamespaceSelector().getMatchLabels()).containsValue("kube-system"));
    assertThat(narrow.getSpec().getEgress().get(1).getTo()).extracting(t -> t.getIpBlock().getCidr()).containsExactly("10.0.0.1/32");
    assertThat(ports(narrow.getSpec().getEgress().get(2))).containsExactly("TCP/8443");
    assertThat(narrow.getSpec().getEgress().get(2).getTo()).extracting(t -> t.getIpBlock().getCidr()).containsExactly("10.20.0.0/16");
  }

  private static List<String> ports(NetworkPolicyEgressRule rule) {
    return rule.getPorts().stream().map(ChartOptionalObjectsTest::port).toList();
  }

  private static String port(NetworkPolicyPort p) {
    return p.getProtocol() + "/" + p.getPort().getIntVal();
  }

  @Test
  void theConnectionSecretIsRenderedOnlyWhenAskedAndNeverOverAnExistingOne() {
    Chart.Rendered none = Chart.render();
    assertThat(none.all(Secret.class)).isEmpty();
    assertThat(none.env()).containsEntry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET", "");

    Chart.Rendered existing = Chart.render("defaultConnection: {existingSecret: cloud-manager}");
    assertThat(existing.all(Secret.class)).isEmpty();
    assertThat(existing.env()).containsEntry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET", "cloud-manager");

    Chart.Rendered both = Chart.render(
        "defaultConnection: {existingSecret: cloud-manager, create: true, publicKey: pub, privateKey: priv}");
    assertThat(both.all(Secret.class)).as("existingSecret wins over create").isEmpty();
    assertThat(both.env()).containsEntry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET", "cloud-manager");

    Chart.Rendered created = Chart.render("""
        defaultConnection:
          create: true
          publicKey: pub
          privateKey: priv
          baseUrl: https://opsmanager.example.com:8443
          caCrt: |
            -----BEGIN CERTIFICATE-----
            MIIB
            -----END CERTIFICATE-----
        """);
    Secret secret = created.one(Secret.class);
    assertThat(secret.getMetadata().getName()).isEqualTo("integrations-operator-connection");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(secret.getData()).containsOnlyKeys("publicKey", "privateKey", "baseUrl", "ca.crt");
    assertThat(decode(secret.getData().get("privateKey"))).isEqualTo("priv");
    assertThat(decode(secret.getData().get("baseUrl"))).isEqualTo("https://opsmanager.example.com:8443");
    assertThat(decode(secret.getData().get("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(created.env()).containsEntry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET", "integrations-operator-connection");
    assertThat(Chart.render("defaultConnection: {create: true, publicKey: p, privateKey: k}")
        .one(Secret.class).getData()).containsOnlyKeys("publicKey", "privateKey");
    // a service account on Atlas instead of an API key
    Secret serviceAccount = Chart.render(
        "defaultConnection: {create: true, clientId: mdb_sa_id_x, clientSecret: s, api: atlas-v2}").one(Secret.class);
    assertThat(serviceAccount.getData()).containsOnlyKeys("clientId", "clientSecret", "api");
    assertThat(decode(serviceAccount.getData().get("api"))).isEqualTo("atlas-v2");
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Test
  void prometheusRuleOnlyWhenEnabledWithTheNotReadyAlert() {
    assertThat(Chart.render().kind("PrometheusRule")).isEmpty();
    GenericKubernetesResource rule = Chart.render("prometheusRule: {enabled: true, labels: {release: prom}}")
        .kind("PrometheusRule").get(0);
    assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prom");
    List<Map<String, Object>> groups = rule.get("spec", "groups");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rules = (List<Map<String, Object>>) groups.get(0).get("rules");
    assertThat(rules).extracting(r -> r.get("alert")).containsExactly("ThirdPartyIntegrationNotReady",
        "ThirdPartyIntegrationApiErrors", "ThirdPartyIntegrationCredentialsRefused",
        "ThirdPartyIntegrationDriftSpiking", "ThirdPartyIntegrationNoLeader");
    assertThat(rules).anySatisfy(r -> {
      assertThat(r).containsEntry("alert", "ThirdPartyIntegrationNotReady");
      // not Ready for 15 minutes: the resource waiting longest, measured by the operator itself
      assertThat((String) r.get("expr")).isEqualTo("max(integrations_operator_oldest_unsynced_resource_age_seconds) > 900");
    });
    assertThat(rules).anySatisfy(r -> {
      assertThat(r).containsEntry("alert", "ThirdPartyIntegrationApiErrors").containsEntry("for", "15m");
      assertThat((String) r.get("expr")).contains("status=~\"0|5..\"").contains("> 0.2");
    });
  }

  @Test
  void grafanaDashboardOnlyWhenEnabledAsValidJson() throws Exception {
    assertThat(Chart.render().all(ConfigMap.class)).isEmpty();
    ConfigMap cm = Chart.render("grafanaDashboard: {enabled: true, annotations: {grafana_folder: MongoDB}}")
        .one(ConfigMap.class);
    assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(cm.getMetadata().getAnnotations()).containsEntry("grafana_folder", "MongoDB");
    assertThat(cm.getData()).containsOnlyKeys("integrations-operator.json");
    JsonNode dashboard = new ObjectMapper().readTree(cm.getData().get("integrations-operator.json"));
    assertThat(dashboard.path("title").asText()).isNotBlank();
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    assertThat(dashboard.path("panels").isArray()).isTrue();
    assertThat(dashboard.path("panels")).isNotEmpty();
  }
}
