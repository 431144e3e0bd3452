package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Datadog (API type DATADOG). Ops Manager needs mms.featureFlag.monitoring.dataDogMetrics=enabled to send metrics. */
public class DatadogSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the Datadog API key (hexadecimal). Sent as apiKey; the API returns it masked.")
  private SecretKeySelector apiKeySecretRef;

  @JsonPropertyDescription("Datadog site region: US (default), EU, US3, US5, AP1 or US1_FED. Atlas only; Cloud Manager and Ops Manager take the API key alone, so anything but US is refused there.")
  private DatadogRegion region;

  @JsonPropertyDescription("Atlas only: whether to send collection latency metrics (default false). Refused on Cloud Manager and Ops Manager.")
  private Boolean sendCollectionLatencyMetrics;

  @JsonPropertyDescription("Atlas only: whether to send database metrics (default false). Refused on Cloud Manager and Ops Manager.")
  private Boolean sendDatabaseMetrics;

  @JsonPropertyDescription("Atlas only: whether to send query statistics metrics (default false). Refused on Cloud Manager and Ops Manager.")
  private Boolean sendQueryStatsMetrics;

  @JsonPropertyDescription("Atlas only: whether to send the tags you set on resources (default false). Refused on Cloud Manager and Ops Manager.")
  private Boolean sendUserProvidedResourceTags;

  public SecretKeySelector getApiKeySecretRef() {
    return apiKeySecretRef;
  }

  public void setApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
  }

  public DatadogSpec withApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
    return this;
  }

  public DatadogRegion getRegion() {
    return region;
  }

  public void setRegion(DatadogRegion region) {
    this.region = region;
  }

  public DatadogSpec withRegion(DatadogRegion region) {
    this.region = region;
    return this;
  }

  public Boolean getSendCollectionLatencyMetrics() {
    return sendCollectionLatencyMetrics;
  }

  public void setSendCollectionLatencyMetrics(Boolean sendCollectionLatencyMetrics) {
    this.sendCollectionLatencyMetrics = sendCollectionLatencyMetrics;
  }

  public DatadogSpec withSendCollectionLatencyMetrics(Boolean sendCollectionLatencyMetrics) {
    this.sendCollectionLatencyMetrics = sendCollectionLatencyMetrics;
    return this;
  }

  public Boolean getSendDatabaseMetrics() {
    return sendDatabaseMetrics;
  }

  public void setSendDatabaseMetrics(Boolean sendDatabaseMetrics) {
    this.sendDatabaseMetrics = sendDatabaseMetrics;
  }

  public DatadogSpec withSendDatabaseMetrics(Boolean sendDatabaseMetrics) {
    this.sendDatabaseMetrics = sendDatabaseMetrics;
    return this;
  }

  public Boolean getSendQueryStatsMetrics() {
    return sendQueryStatsMetrics;
  }

  public void setSendQueryStatsMetrics(Boolean sendQueryStatsMetrics) {
    this.sendQueryStatsMetrics = sendQueryStatsMetrics;
  }

  public DatadogSpec withSendQueryStatsMetrics(Boolean sendQueryStatsMetrics) {
    this.sendQueryStatsMetrics = sendQueryStatsMetrics;
    return this;
  }

  public Boolean getSendUserProvidedResourceTags() {
    return sendUserProvidedResourceTags;
  }

  public void setSendUserProvidedResourceTags(Boolean sendUserProvidedResourceTags) {
    this.sendUserProvidedResourceTags = sendUserProvidedResourceTags;
  }

  public DatadogSpec withSendUserProvidedResourceTags(Boolean sendUserProvidedResourceTags) {
    this.sendUserProvidedResourceTags = sendUserProvidedResourceTags;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DatadogSpec o && Objects.equals(apiKeySecretRef, o.apiKeySecretRef) && Objects.equals(region, o.region) && Objects.equals(sendCollectionLatencyMetrics, o.sendCollectionLatencyMetrics) && Objects.equals(sendDatabaseMetrics, o.sendDatabaseMetrics) && Objects.equals(sendQueryStatsMetrics, o.sendQueryStatsMetrics) && Objects.equals(sendUserProvidedResourceTags, o.sendUserProvidedResourceTags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKeySecretRef, region, sendCollectionLatencyMetrics, sendDatabaseMetrics, sendQueryStatsMetrics, sendUserProvidedResourceTags);
  }
}
