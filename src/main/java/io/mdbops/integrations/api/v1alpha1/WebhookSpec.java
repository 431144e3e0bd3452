package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Generic webhook (API type WEBHOOK). Alerts are POSTed as JSON to the URL. */
public class WebhookSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the webhook URL (it often embeds a token). Sent as url; the API returns it partially redacted.")
  private SecretKeySelector urlSecretRef;

  @JsonPropertyDescription("Secret key holding the shared secret used to sign each request (X-MMS-Signature, HMAC-SHA1). Sent as secret; the API never returns it readable, so the operator re-sends it whenever the referenced Secret changes.")
  private SecretKeySelector signingSecretRef;

  public SecretKeySelector getUrlSecretRef() {
    return urlSecretRef;
  }

  public void setUrlSecretRef(SecretKeySelector urlSecretRef) {
    this.urlSecretRef = urlSecretRef;
  }

  public WebhookSpec withUrlSecretRef(SecretKeySelector urlSecretRef) {
    this.urlSecretRef = urlSecretRef;
    return this;
  }

  public SecretKeySelector getSigningSecretRef() {
    return signingSecretRef;
  }

  public void setSigningSecretRef(SecretKeySelector signingSecretRef) {
    this.signingSecretRef = signingSecretRef;
  }

  public WebhookSpec withSigningSecretRef(SecretKeySelector signingSecretRef) {
    this.signingSecretRef = signingSecretRef;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSpec o && Objects.equals(urlSecretRef, o.urlSecretRef) && Objects.equals(signingSecretRef, o.signingSecretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(urlSecretRef, signingSecretRef);
  }
}
