package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A prometheus-operator ScrapeConfig the operator keeps next to a PROMETHEUS resource, so that an
 * in-cluster Prometheus discovers and scrapes the project's hosts. Not sent to the API.
 */
public class PrometheusScrapeConfigSpec {

  /** The Secret key holding the user name when {@code usernameKey} is not set. */
  public static final String DEFAULT_USERNAME_KEY = "username";

  @JsonPropertyDescription(
      "Whether the operator creates and keeps a ScrapeConfig (monitoring.coreos.com/v1alpha1) of the same name in"
          + " this namespace, owned by this resource. Off by default; needs the ScrapeConfig CRD and the chart"
          + " value rbac.scrapeConfigs.")
  private Boolean create;

  @Size(min = 1, max = 253)
  @Pattern(FieldPatterns.SECRET_KEY)
  @JsonPropertyDescription(
      "Key of the passwordSecretRef Secret that holds the user name (prometheus-operator reads basic-auth user"
          + " names from Secrets only); its value must equal username. Default: username.")
  private String usernameKey;

  @JsonPropertyDescription(
      "Labels on the ScrapeConfig, so that a Prometheus's scrapeConfigSelector picks it up (for example"
          + " release: kube-prometheus-stack).")
  private Map<String, String> labels;

  @Size(min = 1, max = 32)
  @Pattern(FieldPatterns.PROMETHEUS_DURATION)
  @JsonPropertyDescription("How often Prometheus scrapes the hosts, e.g. 60s (at least 10s); default: Prometheus's own.")
  private String scrapeInterval;

  /** Whether a ScrapeConfig is wanted. */
  @JsonIgnore
  public boolean wanted() {
    return Boolean.TRUE.equals(create);
  }

  /** The user name key with its default applied. */
  @JsonIgnore
  public String effectiveUsernameKey() {
    return usernameKey == null ? DEFAULT_USERNAME_KEY : usernameKey;
  }

  public Boolean getCreate() {
    return create;
  }

  public void setCreate(Boolean create) {
    this.create = create;
  }

  public PrometheusScrapeConfigSpec withCreate(Boolean create) {
    this.create = create;
    return this;
  }

  public String getUsernameKey() {
    return usernameKey;
  }

  public void setUsernameKey(String usernameKey) {
    this.usernameKey = usernameKey;
  }

  public PrometheusScrapeConfigSpec withUsernameKey(String usernameKey) {
    this.usernameKey = usernameKey;
    return this;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels == null ? null : new LinkedHashMap<>(labels);
  }

  public PrometheusScrapeConfigSpec withLabels(Map<String, String> labels) {
    setLabels(labels);
    return this;
  }

  public String getScrapeInterval() {
    return scrapeInterval;
  }

  public void setScrapeInterval(String scrapeInterval) {
    this.scrapeInterval = scrapeInterval;
  }

  public PrometheusScrapeConfigSpec withScrapeInterval(String scrapeInterval) {
    this.scrapeInterval = scrapeInterval;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrometheusScrapeConfigSpec o && Objects.equals(create, o.create)
        && Objects.equals(usernameKey, o.usernameKey) && Objects.equals(labels, o.labels)
        && Objects.equals(scrapeInterval, o.scrapeInterval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(create, usernameKey, labels, scrapeInterval);
  }
}
