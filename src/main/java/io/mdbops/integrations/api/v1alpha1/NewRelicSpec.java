package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** New Relic (API type NEW_RELIC). The New Relic plugin reached end of life in June 2021; offered for projects that still carry it. */
public class NewRelicSpec {

  @Required
  @Size(min = 1, max = 255)
  @JsonPropertyDescription("New Relic account id.")
  private String accountId;

  @Required
  @JsonPropertyDescription("Secret key holding the New Relic license key. Sent as licenseKey.")
  private SecretKeySelector licenseKeySecretRef;

  @Required
  @JsonPropertyDescription("Secret key holding the Insights insert key. Sent as writeToken.")
  private SecretKeySelector writeTokenSecretRef;

  @Required
  @JsonPropertyDescription("Secret key holding the Insights query key. Sent as readToken.")
  private SecretKeySelector readTokenSecretRef;

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public NewRelicSpec withAccountId(String accountId) {
    this.accountId = accountId;
    return this;
  }

  public SecretKeySelector getLicenseKeySecretRef() {
    return licenseKeySecretRef;
  }

  public void setLicenseKeySecretRef(SecretKeySelector licenseKeySecretRef) {
    this.licenseKeySecretRef = licenseKeySecretRef;
  }

  public NewRelicSpec withLicenseKeySecretRef(SecretKeySelector licenseKeySecretRef) {
    this.licenseKeySecretRef = licenseKeySecretRef;
    return this;
  }

  public SecretKeySelector getWriteTokenSecretRef() {
    return writeTokenSecretRef;
  }

  public void setWriteTokenSecretRef(SecretKeySelector writeTokenSecretRef) {
    this.writeTokenSecretRef = writeTokenSecretRef;
  }

  public NewRelicSpec withWriteTokenSecretRef(SecretKeySelector writeTokenSecretRef) {
    this.writeTokenSecretRef = writeTokenSecretRef;
    return this;
  }

  public SecretKeySelector getReadTokenSecretRef() {
    return readTokenSecretRef;
  }

  public void setReadTokenSecretRef(SecretKeySelector readTokenSecretRef) {
    this.readTokenSecretRef = readTokenSecretRef;
  }

  public NewRelicSpec withReadTokenSecretRef(SecretKeySelector readTokenSecretRef) {
    this.readTokenSecretRef = readTokenSecretRef;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NewRelicSpec o && Objects.equals(accountId, o.accountId) && Objects.equals(licenseKeySecretRef, o.licenseKeySecretRef) && Objects.equals(writeTokenSecretRef, o.writeTokenSecretRef) && Objects.equals(readTokenSecretRef, o.readTokenSecretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, licenseKeySecretRef, writeTokenSecretRef, readTokenSecretRef);
  }
}
