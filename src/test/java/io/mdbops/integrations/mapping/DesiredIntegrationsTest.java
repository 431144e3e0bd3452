package io.mdbops.integrations.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PagerDutyRegion;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DesiredIntegrationsTest {

  /** Secret values by key; every Secret at version "7". */
  static DesiredIntegration build(ThirdPartyIntegration r, Map<String, String> creds) {
    return DesiredIntegrations.build(r.getSpec(), SecretValues.of(r.getSpec(), ref -> creds.get(ref.getKey()), n -> "7"));
  }

  @ParameterizedTest
  @EnumSource(IntegrationType.class)
  void everySecretValueLandsInTheBodyAndIsMarkedSecret(IntegrationType type) throws Exception {
    Map<String, String> creds = Fixtures.credentials(type);
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", type, Fixtures.projectId(), "conn");
    DesiredIntegration d = build(r, creds);
    assertThat(d.payload().type()).isEqualTo(type.name());
    assertThat(d.payload().secretValues()).containsExactlyInAnyOrderElementsOf(creds.values());
    assertThat(d.payload().secretFields()).hasSameSizeAs(creds.values());
    assertThat(d.secretForms().keySet()).isEqualTo(d.payload().secretFields());
    assertThat(d.secretVersions()).containsExactly(Map.entry(Fixtures.credentialsSecretName("r"), "7"));
    assertThat(d.payload().toString()).doesNotContain(creds.values());
  }

  @Test
  void slackBodyIsTheDocumentedShape() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.SLACK, Fixtures.projectId(), null);
    DesiredIntegration d = build(r, Map.of("apiToken", "1234567890"));
    assertThat(d.payload().fields())
        .containsExactly(Map.entry("apiToken", "1234567890"), Map.entry("teamName", "Payments"),
            Map.entry("channelName", "#alerts"));
  }

  @Test
  void regionsTheCloudAndOpsManagerApisDoNotHaveAreNeverSent() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.PAGER_DUTY, Fixtures.projectId(), null);
    r.getSpec().getPagerDuty().setRegion(PagerDutyRegion.US);
    assertThat(build(r, Map.of("serviceKey", "k")).payload().fields()).containsOnlyKeys("serviceKey");
    ThirdPartyIntegration dd = Fixtures.resource("ns", "r", IntegrationType.DATADOG, Fixtures.projectId(), null);
    dd.getSpec().getDatadog().setRegion(io.mdbops.integrations.api.v1alpha1.DatadogRegion.US);
    assertThat(build(dd, Map.of("apiKey", "abcdef")).payload().fields()).containsOnlyKeys("apiKey");
  }

  @Test
  void opsGenieRegionDefaultsToUs() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.OPS_GENIE, Fixtures.projectId(), null);
    r.getSpec().getOpsGenie().setRegion(null);
    assertThat(build(r, Map.of("apiKey", "k")).payload().fields()).containsEntry("region", "US");
  }

  @Test
  void prometheusEnumsUseTheApiSpelling() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.PROMETHEUS, Fixtures.projectId(), null);
    Map<String, Object> fields = build(r, Map.of("password", "pw")).payload().fields();
    assertThat(fields).containsEntry("scheme", "http").containsEntry("serviceDiscovery", "http")
        .containsEntry("enabled", true).doesNotContainKey("tlsPemPath").doesNotContainKey("tlsPemPassword");
  }

  @Test
  void optionalSecretsAreLeftOutWhenNotReferenced() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.WEBHOOK, Fixtures.projectId(), null);
    r.getSpec().getWebhook().setSigningSecretRef(null);
    assertThat(build(r, Map.of("url", "https://h.example.com/x")).payload().fields()).containsOnlyKeys("url");
  }

  @Test
  void everySecretRefOfTheBlockIsToBeRead() {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.NEW_RELIC, Fixtures.projectId(), null);
    assertThat(DesiredIntegrations.referencedSecrets(r.getSpec())).extracting(ref -> ref.getKey())
        .containsExactly("licenseKey", "writeToken", "readToken");
  }

  @Test
  void referencedSecretNamesCoverEveryBlockRef() {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.NEW_RELIC, Fixtures.projectId(), "conn");
    r.getSpec().getNewRelic().getReadTokenSecretRef().setName("other");
    assertThat(DesiredIntegrations.referencedSecretNames(r.getSpec())).containsExactlyInAnyOrder("r-creds", "other");
  }
}
