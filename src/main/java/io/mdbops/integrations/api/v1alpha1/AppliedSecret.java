package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A Secret whose values the last successful apply sent, by resourceVersion (never by content). */
public class AppliedSecret {

  @Required
  @JsonPropertyDescription("Secret name, in this resource's namespace.")
  private String name;

  @Required
  @JsonPropertyDescription("metadata.resourceVersion of the Secret when it was applied.")
  private String resourceVersion;

  public AppliedSecret() {}

  public AppliedSecret(String name, String resourceVersion) {
    this.name = name;
    this.resourceVersion = resourceVersion;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getResourceVersion() {
    return resourceVersion;
  }

  public void setResourceVersion(String resourceVersion) {
    this.resourceVersion = resourceVersion;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AppliedSecret o
        && Objects.equals(name, o.name)
        && Objects.equals(resourceVersion, o.resourceVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, resourceVersion);
  }

  @Override
  public String toString() {
    return name + "@" + resourceVersion;
  }
}
