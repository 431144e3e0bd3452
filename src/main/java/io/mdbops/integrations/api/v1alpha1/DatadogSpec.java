package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Datadog (API type DATADOG). Ops Manager needs mms.featureFlag.monitoring.dataDogMetrics=enabled to send metrics. */
public class DatadogSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the Datadog API key (hexadecimal). Sent as apiKey; the API returns it masked.")
  private SecretKeySelector apiKeySecretRef;

  @JsonPropertyDescription("Datadog site region, US (default) or EU.")
  private DatadogRegion region;

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

  @Override
  public boolean equals(Object other) {
    return other instanceof DatadogSpec o && Objects.equals(apiKeySecretRef, o.apiKeySecretRef) && Objects.equals(region, o.region);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKeySecretRef, region);
  }
}
