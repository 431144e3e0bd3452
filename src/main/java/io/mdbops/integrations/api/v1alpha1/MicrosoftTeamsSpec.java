package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Microsoft Teams incoming webhook (API type MICROSOFT_TEAMS). */
public class MicrosoftTeamsSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the Teams incoming-webhook URL. Sent as microsoftTeamsWebhookUrl; the API returns it partially redacted.")
  private SecretKeySelector webhookUrlSecretRef;

  public SecretKeySelector getWebhookUrlSecretRef() {
    return webhookUrlSecretRef;
  }

  public void setWebhookUrlSecretRef(SecretKeySelector webhookUrlSecretRef) {
    this.webhookUrlSecretRef = webhookUrlSecretRef;
  }

  public MicrosoftTeamsSpec withWebhookUrlSecretRef(SecretKeySelector webhookUrlSecretRef) {
    this.webhookUrlSecretRef = webhookUrlSecretRef;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MicrosoftTeamsSpec o && Objects.equals(webhookUrlSecretRef, o.webhookUrlSecretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(webhookUrlSecretRef);
  }
}
