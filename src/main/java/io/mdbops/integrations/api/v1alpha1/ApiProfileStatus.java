package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * The {@code doctor} profile a connection gave the operator: which one, measured when, from where.
 */
public class ApiProfileStatus {

  @JsonPropertyDescription("Short id of the profile: sha256: and the first 12 hex digits of its text's SHA-256.")
  private String digest;

  @JsonPropertyDescription("When doctor measured it (RFC 3339).")
  private String measuredAt;

  @JsonPropertyDescription("Where the operator read it, e.g. Secret payments/ops-manager key profile.")
  private String source;

  public ApiProfileStatus() {}

  public ApiProfileStatus(String digest, String measuredAt, String source) {
    this.digest = digest;
    this.measuredAt = measuredAt;
    this.source = source;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }

  public String getMeasuredAt() {
    return measuredAt;
  }

  public void setMeasuredAt(String measuredAt) {
    this.measuredAt = measuredAt;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiProfileStatus o && Objects.equals(digest, o.digest)
        && Objects.equals(measuredAt, o.measuredAt) && Objects.equals(source, o.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digest, measuredAt, source);
  }

  @Override
  public String toString() {
    return digest + " (measured " + measuredAt + ", " + source + ")";
  }
}
