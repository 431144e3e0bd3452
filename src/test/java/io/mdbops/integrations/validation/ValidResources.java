package io.mdbops.integrations.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mdbops.integrations.api.v1alpha1.DatadogSpec;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.MicrosoftTeamsSpec;
import io.mdbops.integrations.api.v1alpha1.NewRelicSpec;
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
import java.util.function.Consumer;

/**
 * A valid resource of each type, and edits of its spec as JSON ({@link #edit}), so a test states a
 * malformation as "set this path to that" without a builder per field.
 */
public final class ValidResources {

  public static final String PROJECT_ID = "5e2211c17a3e5a48f5497de3";
  static final ObjectMapper JSON =
      new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private ValidResources() {}

  public static ThirdPartyIntegration of(IntegrationType type) {
    ThirdPartyIntegrationSpec spec = new ThirdPartyIntegrationSpec();
    spec.setProjectId(PROJECT_ID);
    spec.setType(type);
    setBlock(spec, type, block(type));
    return resource(spec);
  }

  public static ThirdPartyIntegration resource(ThirdPartyIntegrationSpec spec) {
    ThirdPartyIntegration resource = new ThirdPartyIntegration();
    resource.setMetadata(new ObjectMetaBuilder().withName("it").withNamespace("payments").build());
    resource.setSpec(spec);
    return resource;
  }

  /** A valid block for {@code type}, with every optional field set too. */
  public static Object block(IntegrationType type) {
    return switch (type) {
      case PAGER_DUTY -> new PagerDutySpec().withServiceKeySecretRef(ref("pagerduty", "serviceKey"));
      case SLACK -> new SlackSpec().withApiTokenSecretRef(ref("slack", "apiToken"))
          .withTeamName("Payments").withChannelName("#alerts");
      case DATADOG -> new DatadogSpec().withApiKeySecretRef(ref("datadog", "apiKey"));
      case OPS_GENIE -> new OpsGenieSpec().withApiKeySecretRef(ref("opsgenie", "apiKey"));
      case VICTOR_OPS -> new VictorOpsSpec().withApiKeySecretRef(ref("victorops", "apiKey"))
          .withRoutingKey("payments");
      case WEBHOOK -> new WebhookSpec().withUrlSecretRef(ref("webhook", "url"))
          .withSigningSecretRef(ref("webhook", "secret"));
      case MICROSOFT_TEAMS ->
          new MicrosoftTeamsSpec().withWebhookUrlSecretRef(ref("teams", "webhookUrl"));
      case PROMETHEUS -> new PrometheusSpec().withUsername("prom_user_" + PROJECT_ID)
          .withPasswordSecretRef(ref("prometheus", "password")).withListenAddress("0.0.0.0:9216")
          .withServiceDiscovery(PrometheusServiceDiscovery.HTTP).withScheme(PrometheusScheme.HTTPS)
          .withTlsPemPath("/etc/mongodb/prometheus.pem")
          .withTlsPemPasswordSecretRef(ref("prometheus", "pemPassword")).withEnabled(true);
      case NEW_RELIC -> new NewRelicSpec().withAccountId("1234567")
          .withLicenseKeySecretRef(ref("newrelic", "licenseKey"))
          .withWriteTokenSecretRef(ref("newrelic", "writeToken"))
          .withReadTokenSecretRef(ref("newrelic", "readToken"));
    };
  }

  public static void setBlock(ThirdPartyIntegrationSpec spec, IntegrationType type, Object block) {
    switch (type) {
      case PAGER_DUTY -> spec.setPagerDuty((PagerDutySpec) block);
      case SLACK -> spec.setSlack((SlackSpec) block);
      case DATADOG -> spec.setDatadog((DatadogSpec) block);
      case OPS_GENIE -> spec.setOpsGenie((OpsGenieSpec) block);
      case VICTOR_OPS -> spec.setVictorOps((VictorOpsSpec) block);
      case WEBHOOK -> spec.setWebhook((WebhookSpec) block);
      case MICROSOFT_TEAMS -> spec.setMicrosoftTeams((MicrosoftTeamsSpec) block);
      case PROMETHEUS -> spec.setPrometheus((PrometheusSpec) block);
      case NEW_RELIC -> spec.setNewRelic((NewRelicSpec) block);
    }
  }

  static SecretKeySelector ref(String name, String key) {
    return new SecretKeySelector(name, key);
  }

  /** A copy of {@code resource} whose spec, as a JSON object, went through {@code edit}. */
  public static ThirdPartyIntegration edit(ThirdPartyIntegration resource, Consumer<ObjectNode> edit) {
    ObjectNode spec = JSON.valueToTree(resource.getSpec());
    edit.accept(spec);
    try {
      return resource(JSON.treeToValue(spec, ThirdPartyIntegrationSpec.class));
    } catch (Exception e) {
      throw new IllegalArgumentException("the edited spec does not bind: " + spec, e);
    }
  }

  /** Sets {@code path} (dotted, relative to spec; parents are created) to {@code value}. */
  public static Consumer<ObjectNode> set(String path, Object value) {
    return spec -> {
      ObjectNode parent = parent(spec, path);
      parent.set(last(path), JSON.valueToTree(value));
    };
  }

  /** Removes {@code path} (dotted, relative to spec). */
  public static Consumer<ObjectNode> remove(String path) {
    return spec -> parent(spec, path).remove(last(path));
  }

  private static ObjectNode parent(ObjectNode spec, String path) {
    ObjectNode node = spec;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
    }
    return node;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
