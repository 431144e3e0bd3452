package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Opsgenie (API type OPS_GENIE). */
public class OpsGenieSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the Opsgenie API key. Sent as apiKey; the API returns it masked.")
  private SecretKeySelector apiKeySecretRef;

  @JsonPropertyDescription("Opsgenie API region, US (default) or EU.")
  private OpsGenieRegion region;

  public SecretKeySelector getApiKeySecretRef() {
    return apiKeySecretRef;
  }

  public void setApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
  }

  public OpsGenieSpec withApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
    return this;
  }

  public OpsGenieRegion getRegion() {
    return region;
  }

  public void setRegion(OpsGenieRegion region) {
    this.region = region;
  }

  public OpsGenieSpec withRegion(OpsGenieRegion region) {
    this.region = region;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OpsGenieSpec o && Objects.equals(apiKeySecretRef, o.apiKeySecretRef) && Objects.equals(region, o.region);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKeySecretRef, region);
  }
}
