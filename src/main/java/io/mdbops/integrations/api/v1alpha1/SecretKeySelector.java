package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** A key of a Secret in the resource's own namespace. */
public class SecretKeySelector {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(FieldPatterns.SUBDOMAIN)
  @JsonPropertyDescription("Name of a Secret in the same namespace as this resource.")
  private String name;

  @Required
  @Size(min = 1, max = 253)
  @Pattern(FieldPatterns.SECRET_KEY)
  @JsonPropertyDescription("Key inside that Secret whose value is used.")
  private String key;

  public SecretKeySelector() {}

  public SecretKeySelector(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretKeySelector s && Objects.equals(name, s.name) && Objects.equals(key, s.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, key);
  }

  @Override
  public String toString() {
    return name + "/" + key;
  }
}
