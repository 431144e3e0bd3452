package io.mdbops.integrations.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mdbops.integrations.api.v1alpha1.ConnectionSecretReference;
import io.mdbops.integrations.api.v1alpha1.DatadogSpec;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
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
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.api.v1alpha1.VictorOpsSpec;
import io.mdbops.integrations.api.v1alpha1.WebhookSpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Valid resources of every type and the Secrets they reference, with secret values that are
 * random and recorded, so that a test can assert none of them ever leaks anywhere.
 */
public final class Fixtures {

  /** Every secret value any fixture produced in this JVM. */
  public static final Set<String> SECRET_VALUES = ConcurrentHashMap.newKeySet();

  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {}

  public static String projectId() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A fresh secret value that looks like a real token and is recorded in {@link #SECRET_VALUES}. */
  public static String secretValue(String hint) {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    String value = hint + HexFormat.of().formatHex(b);
    SECRET_VALUES.add(value);
    return value;
  }

  /** The name of the Secret a fixture resource's block references. */
  public static String credentialsSecretName(String resourceName) {
    return resourceName + "-creds";
  }

  /** A valid resource of {@code type} whose secret refs point at {@link #credentialsSecretName}. */
  public static ThirdPartyIntegration resource(
      String namespace, String name, IntegrationType type, String projectId, String connectionSecret) {
    ThirdPartyIntegration r = new ThirdPartyIntegration();
    r.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    ThirdPartyIntegrationSpec spec = new ThirdPartyIntegrationSpec();
    spec.setProjectId(projectId);
    spec.setType(type);
    if (connectionSecret != null) {
      spec.setConnectionSecretRef(new ConnectionSecretReference(connectionSecret));
    }
    String s = credentialsSecretName(name);
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
          .withAccountId("1234567")
          .withLicenseKeySecretRef(ref(s, "licenseKey"))
          .withWriteTokenSecretRef(ref(s, "writeToken"))
          .withReadTokenSecretRef(ref(s, "readToken")));
    }
    r.setSpec(spec);
    return r;
  }

  /** Fresh values for every key the fixture resource of {@code type} references. */
  public static Map<String, String> credentials(IntegrationType type) {
    Map<String, String> v = new LinkedHashMap<>();
    switch (type) {
      case PAGER_DUTY -> v.put("serviceKey", secretValue("pd"));
      case SLACK -> v.put("apiToken", secretValue("xoxb-"));
      case DATADOG -> v.put("apiKey", secretValue("dd"));
      case OPS_GENIE, VICTOR_OPS -> v.put("apiKey", secretValue("key"));
      case WEBHOOK -> {
        v.put("url", "https://hooks.example.com/alerts/" + secretValue("wh"));
        v.put("secret", secretValue("sig"));
      }
      case MICROSOFT_TEAMS -> v.put("url", "https://example.webhook.office.com/webhookb2/" + secretValue("ms"));
      case PROMETHEUS -> v.put("password", secretValue("pw"));
      case NEW_RELIC -> {
        v.put("licenseKey", secretValue("lk"));
        v.put("writeToken", secretValue("wt"));
        v.put("readToken", secretValue("rt"));
      }
    }
    // the URL-shaped values are recorded whole, too
    SECRET_VALUES.addAll(v.values());
    return v;
  }

  public static Secret secret(String namespace, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((k, val) -> data.put(k, base64(val)));
    return new SecretBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withData(data)
        .build();
  }

  public static Secret connectionSecret(String namespace, String name, String baseUrl, String publicKey, String privateKey) {
    SECRET_VALUES.add(privateKey);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("publicKey", publicKey);
    values.put("privateKey", privateKey);
    if (baseUrl != null) {
      values.put("baseUrl", baseUrl);
    }
    return secret(namespace, name, values);
  }

  public static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static SecretKeySelector ref(String name, String key) {
    return new SecretKeySelector(name, key);
  }
}
