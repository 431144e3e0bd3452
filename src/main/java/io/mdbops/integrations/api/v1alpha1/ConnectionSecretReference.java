package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** A Secret in the resource's own namespace holding the API connection. */
public class ConnectionSecretReference {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(FieldPatterns.SUBDOMAIN)
  @JsonPropertyDescription(
      "Name of a Secret in the same namespace with the keys publicKey and privateKey (an API key"
          + " pair, used with HTTP Digest), optionally baseUrl (default https://cloud.mongodb.com;"
          + " the Ops Manager URL for Ops Manager) and ca.crt (PEM bundle trusted for baseUrl).")
  private String name;

  public ConnectionSecretReference() {}

  public ConnectionSecretReference(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionSecretReference c && Objects.equals(name, c.name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }
}
