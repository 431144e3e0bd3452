package io.mdbops.integrations.bench;

import io.mdbops.integrations.api.v1alpha1.ConnectionSecretReference;
import io.mdbops.integrations.api.v1alpha1.DatadogSpec;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.api.v1alpha1.MicrosoftTeamsSpec;
import io.mdbops.integrations.api.v1alpha1.NewRelicSpec;
import io.mdbops.integrations.api.v1alpha1.OpsGenieRegion;
import io.mdbops.integrations.api.v1alpha1.OpsGenieSpec;
import io.mdbops.integrations.api.v1alpha1.PagerDutySpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusScheme;
import io.mdbops.integrations.api.v1alpha1.PrometheusServiceDiscovery;
import io.mdbops.integrations.api.v1alpha1.PrometheusSpec;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.SlackSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.api.v1alpha1.VictorOpsSpec;
import io.mdbops.integrations.api.v1alpha1.WebhookSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A realistic, valid integration of every type and the credentials it reads: what the benchmark
 * creates by the thousand and the tests build on. Every secret reference points at one Secret.
 */
public final class SampleIntegrations {

  /** An account id as Atlas wants it (40 lower-case hex digits). */
  static final String NEW_RELIC_ACCOUNT = "0123456789abcdef0123456789abcdef01234567";

  private SampleIntegrations() {}

  /**
   * @param connectionSecret the connection Secret's name, or null for the operator's default
   * @param credentialsSecret the Secret every secret field of the block references
   */
  public static ThirdPartyIntegrationSpec spec(
      IntegrationType type, String projectId, String connectionSecret, String credentialsSecret) {
    return spec(type, projectId, connectionSecret, credentialsSecret, Product.CLOUD_MANAGER);
  }

  /** As above, for {@code product}: on Atlas, Prometheus has no host settings (listenAddress, scheme). */
  public static ThirdPartyIntegrationSpec spec(
      IntegrationType type, String projectId, String connectionSecret, String credentialsSecret, Product product) {
    ThirdPartyIntegrationSpec spec = build(type, projectId, connectionSecret, credentialsSecret);
    if (product == Product.ATLAS && spec.getPrometheus() != null) {
      spec.getPrometheus().setListenAddress(null);
      spec.getPrometheus().setScheme(null);
    }
    return spec;
  }

  private static ThirdPartyIntegrationSpec build(
      IntegrationType type, String projectId, String connectionSecret, String credentialsSecret) {
    ThirdPartyIntegrationSpec spec = new ThirdPartyIntegrationSpec();
    spec.setProjectId(projectId);
    spec.setType(type);
    if (connectionSecret != null) {
      spec.setConnectionSecretRef(new ConnectionSecretReference(connectionSecret));
    }
    String s = credentialsSecret;
    switch (type) {
      case PAGER_DUTY -> spec.setPagerDuty(new PagerDutySpec().withServiceKeySecretRef(ref(s, "serviceKey")));
      case SLACK -> spec.setSlack(new SlackSpec()
          .withApiTokenSecretRef(ref(s, "apiToken")).withTeamName("Payments").withChannelName("#alerts"));
      case DATADOG -> spec.setDatadog(new DatadogSpec().withApiKeySecretRef(ref(s, "apiKey")));
      case OPS_GENIE -> spec.setOpsGenie(new OpsGenieSpec()
          .withApiKeySecretRef(ref(s, "apiKey")).withRegion(OpsGenieRegion.EU));
      case VICTOR_OPS -> spec.setVictorOps(new VictorOpsSpec()
          .withApiKeySecretRef(ref(s, "apiKey")).withRoutingKey("payments-team"));
      case WEBHOOK -> spec.setWebhook(new WebhookSpec()
          .withUrlSecretRef(ref(s, "url")).withSigningSecretRef(ref(s, "secret")));
      case MICROSOFT_TEAMS -> spec.setMicrosoftTeams(new MicrosoftTeamsSpec().withWebhookUrlSecretRef(ref(s, "url")));
      case PROMETHEUS -> spec.setPrometheus(new PrometheusSpec()
          .withUsername("prom_user_" + projectId)
          .withPasswordSecretRef(ref(s, "password"))
          .withListenAddress("0.0.0.0:9216")
          .withServiceDiscovery(PrometheusServiceDiscovery.HTTP)
          .withScheme(PrometheusScheme.HTTP)
          .withEnabled(true));
      case NEW_RELIC -> spec.setNewRelic(new NewRelicSpec()
          .withAccountId(NEW_RELIC_ACCOUNT)
          .withLicenseKeySecretRef(ref(s, "licenseKey"))
          .withWriteTokenSecretRef(ref(s, "writeToken"))
          .withReadTokenSecretRef(ref(s, "readToken")));
    }
    return spec;
  }

  /**
   * Values for every key {@link #spec} references, each made by {@code token} from a short hint
   * (hexadecimal-looking where the API requires it, as for Datadog).
   */
  public static Map<String, String> credentials(IntegrationType type, UnaryOperator<String> token) {
    Map<String, String> v = new LinkedHashMap<>();
    switch (type) {
      case PAGER_DUTY -> v.put("serviceKey", token.apply("pd"));
      case SLACK -> v.put("apiToken", token.apply("xoxb-"));
      case DATADOG -> v.put("apiKey", token.apply("dd"));
      case OPS_GENIE, VICTOR_OPS -> v.put("apiKey", token.apply("key"));
      case WEBHOOK -> {
        v.put("url", "https://hooks.example.com/alerts/" + token.apply("wh"));
        v.put("secret", token.apply("sig"));
      }
      case MICROSOFT_TEAMS -> v.put("url", "https://example.webhook.office.com/webhookb2/" + token.apply("ms"));
      case PROMETHEUS -> v.put("password", token.apply("pw"));
      case NEW_RELIC -> {
        // Atlas requires 40 hex digits: 32 from the token, 8 more
        v.put("licenseKey", token.apply("") + "0a1b2c3d");
        v.put("writeToken", token.apply("wt"));
        v.put("readToken", token.apply("rt"));
      }
    }
    return v;
  }

  private static SecretKeySelector ref(String name, String key) {
    return new SecretKeySelector(name, key);
  }
}
