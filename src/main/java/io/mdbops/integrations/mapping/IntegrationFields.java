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
import io.mdbops.integrations.opsmanager.ApiGeneration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The API fields of each integration type and how each is filled from the resource, for each API
 * generation: the Cloud Manager / Ops Manager public API v1.0 and the Atlas Administration API v2
 * (reference §2.3 and §2.4). The single place that knows the per-type shape on the operator side.
 * The API's {@code id} (Atlas v2; it changes with every update) is no field here, so it is never
 * sent nor compared.
 */
public final class IntegrationFields {

  private static final Map<IntegrationType, List<FieldMapping>> FIELDS = new EnumMap<>(IntegrationType.class);
  private static final Map<IntegrationType, List<FieldMapping>> ATLAS_V2 = new EnumMap<>(IntegrationType.class);

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

    // Atlas v2: what v1.0 has, less Prometheus' host-side settings, plus the regions and switches
    // only Atlas has. Each of those is sent only when the spec sets it; absent, the API's default
    // (US, false) is what the comparison expects
    ATLAS_V2.putAll(FIELDS);
    ATLAS_V2.put(IntegrationType.PAGER_DUTY, List.of(
        secret("serviceKey", (PagerDutySpec b) -> b.getServiceKeySecretRef(), SecretForm.LAST_FOUR),
        plain("region", (PagerDutySpec b) -> nameOrNull(b.getRegion()), "US")));
    ATLAS_V2.put(IntegrationType.DATADOG, List.of(
        secret("apiKey", (DatadogSpec b) -> b.getApiKeySecretRef(), SecretForm.LAST_FOUR),
        plain("region", (DatadogSpec b) -> nameOrNull(b.getRegion()), "US"),
        plain("sendCollectionLatencyMetrics", (DatadogSpec b) -> b.getSendCollectionLatencyMetrics(), false),
        plain("sendDatabaseMetrics", (DatadogSpec b) -> b.getSendDatabaseMetrics(), false),
        plain("sendQueryStatsMetrics", (DatadogSpec b) -> b.getSendQueryStatsMetrics(), false),
        plain("sendUserProvidedResourceTags", (DatadogSpec b) -> b.getSendUserProvidedResourceTags(), false)));
    // channelName is required here (ProductSupport), so it is never cleared with ""
    ATLAS_V2.put(IntegrationType.SLACK, List.of(
        secret("apiToken", (SlackSpec b) -> b.getApiTokenSecretRef(), SecretForm.LAST_FOUR),
        plain("teamName", (SlackSpec b) -> b.getTeamName(), null),
        plain("channelName", (SlackSpec b) -> b.getChannelName(), null)));
    ATLAS_V2.put(IntegrationType.PROMETHEUS, List.of(
        plain("username", (PrometheusSpec b) -> b.getUsername(), null),
        secret("password", (PrometheusSpec b) -> b.getPasswordSecretRef(), SecretForm.WRITE_ONLY),
        plain("serviceDiscovery", (PrometheusSpec b) -> apiValue(b.getServiceDiscovery()), null),
        plain("enabled", (PrometheusSpec b) -> b.getEnabled(), null),
        plain("sendUserProvidedResourceTagsEnabled", (PrometheusSpec b) -> b.getSendUserProvidedResourceTagsEnabled(),
            false)));
  }

  private IntegrationFields() {}

  /** The fields of {@code type} on the public API v1.0, in the order they are sent. */
  public static List<FieldMapping> of(IntegrationType type) {
    return FIELDS.get(type);
  }

  /** The fields of {@code type} on {@code generation}, in the order they are sent. */
  public static List<FieldMapping> of(IntegrationType type, ApiGeneration generation) {
    return (generation == ApiGeneration.ATLAS_V2 ? ATLAS_V2 : FIELDS).get(type);
  }

  /** Every field of {@code type} on any generation (the Secrets a resource may reference). */
  public static List<FieldMapping> anyGeneration(IntegrationType type) {
    List<FieldMapping> all = new java.util.ArrayList<>(FIELDS.get(type));
    ATLAS_V2.get(type).stream()
        .filter(f -> all.stream().noneMatch(g -> g.apiField().equals(f.apiField())))
        .forEach(all::add);
    return all;
  }

  private static String nameOrNull(Enum<?> value) {
    return value == null ? null : value.name();
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
