package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * How the API showed one secret field right after the operator's last write: masked by the API,
 * never a value the operator sent in clear.
 */
public class MaskedSecret {

  @Required
  @JsonPropertyDescription("The API field, e.g. serviceKey.")
  private String field;

  @Required
  @JsonPropertyDescription("The Secret key whose value was written to the field.")
  private SecretKeySelector secretKeyRef;

  @Required
  @JsonPropertyDescription("The field as the API showed it after the write (masked by the API).")
  private String shownAs;

  public MaskedSecret() {}

  public MaskedSecret(String field, SecretKeySelector secretKeyRef, String shownAs) {
    this.field = field;
    this.secretKeyRef = secretKeyRef;
    this.shownAs = shownAs;
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public SecretKeySelector getSecretKeyRef() {
    return secretKeyRef;
  }

  public void setSecretKeyRef(SecretKeySelector secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }

  public String getShownAs() {
    return shownAs;
  }

  public void setShownAs(String shownAs) {
    this.shownAs = shownAs;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MaskedSecret o && Objects.equals(field, o.field)
        && Objects.equals(secretKeyRef, o.secretKeyRef) && Objects.equals(shownAs, o.shownAs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, secretKeyRef, shownAs);
  }

  @Override
  public String toString() {
    return field + "=" + shownAs;
  }
}
