package io.mdbops.integrations.mapping;

import static io.mdbops.integrations.mapping.FieldMapping.plain;
import static io.mdbops.integrations.mapping.FieldMapping.secret;

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
import io.mdbops.integrations.api.v1alpha1.SlackSpec;
import io.mdbops.integrations.api.v1alpha1.VictorOpsSpec;
import io.mdbops.integrations.api.v1alpha1.WebhookSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The API fields of each integration type (Cloud Manager / Ops Manager public API v1.0) and how each
 * is filled from the resource. The single place that knows the per-type shape on the operator side.
 */
public final class IntegrationFields {

  private static final Map<IntegrationType, List<FieldMapping>> FIELDS = new EnumMap<>(IntegrationType.class);

  static {
    // v1.0 has no PagerDuty region and no Datadog region (Atlas only): ProductSupport refuses any but
    // US, which is what these products serve, so region is never sent nor compared
    FIELDS.put(IntegrationType.PAGER_DUTY, List.of(
        secret("serviceKey", (PagerDutySpec b) -> b.getServiceKeySecretRef(), SecretForm.LAST_FOUR)));
    FIELDS.put(IntegrationType.SLACK, List.of(
        secret("apiToken", (SlackSpec b) -> b.getApiTokenSecretRef(), SecretForm.LAST_FOUR),
        plain("teamName", (SlackSpec b) -> b.getTeamName(), null),
        plain("channelName", (SlackSpec b) -> b.getChannelName(), null).makeOptional()));
    FIELDS.put(IntegrationType.DATADOG, List.of(
        secret("apiKey", (DatadogSpec b) -> b.getApiKeySecretRef(), SecretForm.LAST_FOUR)));
    FIELDS.put(IntegrationType.OPS_GENIE, List.of(
        secret("apiKey", (OpsGenieSpec b) -> b.getApiKeySecretRef(), SecretForm.LAST_FOUR),
        plain("region", (OpsGenieSpec b) -> nameOr(b.getRegion(), OpsGenieRegion.US), "US")));
    FIELDS.put(IntegrationType.VICTOR_OPS, List.of(
        secret("apiKey", (VictorOpsSpec b) -> b.getApiKeySecretRef(), SecretForm.LAST_FOUR),
        plain("routingKey", (VictorOpsSpec b) -> b.getRoutingKey(), null).makeOptional()));
    FIELDS.put(IntegrationType.WEBHOOK, List.of(
        secret("url", (WebhookSpec b) -> b.getUrlSecretRef(), SecretForm.URL),
        secret("secret", (WebhookSpec b) -> b.getSigningSecretRef(), SecretForm.HIDDEN).makeOptional()));
    FIELDS.put(IntegrationType.MICROSOFT_TEAMS, List.of(
        secret("microsoftTeamsWebhookUrl", (MicrosoftTeamsSpec b) -> b.getWebhookUrlSecretRef(), SecretForm.URL)));
    FIELDS.put(IntegrationType.PROMETHEUS, List.of(
        plain("username", (PrometheusSpec b) -> b.getUsername(), null),
        secret("password", (PrometheusSpec b) -> b.getPasswordSecretRef(), SecretForm.WRITE_ONLY),
        plain("listenAddress", (PrometheusSpec b) -> b.getListenAddress(), null),
        plain("serviceDiscovery", (PrometheusSpec b) -> apiValue(b.getServiceDiscovery()), null),
        plain("scheme", (PrometheusSpec b) -> apiValue(b.getScheme()), null),
        plain("enabled", (PrometheusSpec b) -> b.getEnabled(), null),
        plain("tlsPemPath", (PrometheusSpec b) -> b.getTlsPemPath(), null).makeOptional(),
        secret("tlsPemPassword", (PrometheusSpec b) -> b.getTlsPemPasswordSecretRef(), SecretForm.LAST_FOUR)
            .makeOptional()));
    FIELDS.put(IntegrationType.NEW_RELIC, List.of(
        plain("accountId", (NewRelicSpec b) -> b.getAccountId(), null),
        secret("licenseKey", (NewRelicSpec b) -> b.getLicenseKeySecretRef(), SecretForm.LAST_FOUR),
        secret("writeToken", (NewRelicSpec b) -> b.getWriteTokenSecretRef(), SecretForm.LAST_FOUR),
        secret("readToken", (NewRelicSpec b) -> b.getReadTokenSecretRef(), SecretForm.LAST_FOUR)));
  }

  private IntegrationFields() {}

  /** The fields of {@code type}, in the order they are sent. */
  public static List<FieldMapping> of(IntegrationType type) {
    return FIELDS.get(type);
  }

  private static String nameOr(Enum<?> value, Enum<?> fallback) {
    return (value == null ? fallback : value).name();
  }

  private static String apiValue(Object value) {
    if (value instanceof PrometheusScheme s) {
      return s.apiValue();
    }
    if (value instanceof PrometheusServiceDiscovery d) {
      return d.apiValue();
    }
    return null;
  }
}
