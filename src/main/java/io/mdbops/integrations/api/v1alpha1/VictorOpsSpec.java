package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** VictorOps / Splunk On-Call (API type VICTOR_OPS). */
public class VictorOpsSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the VictorOps API key. Sent as apiKey; the API returns it masked.")
  private SecretKeySelector apiKeySecretRef;

  @Size(max = 255)
  @JsonPropertyDescription("VictorOps routing key that selects the team's escalation policy.")
  private String routingKey;

  public SecretKeySelector getApiKeySecretRef() {
    return apiKeySecretRef;
  }

  public void setApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
  }

  public VictorOpsSpec withApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
    return this;
  }

  public String getRoutingKey() {
    return routingKey;
  }

  public void setRoutingKey(String routingKey) {
    this.routingKey = routingKey;
  }

  public VictorOpsSpec withRoutingKey(String routingKey) {
    this.routingKey = routingKey;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VictorOpsSpec o && Objects.equals(apiKeySecretRef, o.apiKeySecretRef) && Objects.equals(routingKey, o.routingKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKeySecretRef, routingKey);
  }
}
