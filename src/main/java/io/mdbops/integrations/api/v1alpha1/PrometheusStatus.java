package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Where an in-cluster Prometheus finds the project's hosts, and the ScrapeConfig kept for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusStatus {

  @JsonPropertyDescription(
      "The project's HTTP service-discovery endpoint under the connection's base URL"
          + " ({baseUrl}/prometheus/v1.0/groups/{projectId}/discovery); answers with basic auth.")
  private String discoveryUrl;

  @JsonPropertyDescription("The basic-auth user name for discovery and scrapes (spec.prometheus.username).")
  private String username;

  @JsonPropertyDescription("Name of the ScrapeConfig the operator holds in this namespace, when it holds one.")
  private String scrapeConfig;

  @JsonPropertyDescription(
      "Why the requested ScrapeConfig is not in place (for example its CRD is not installed or the operator may"
          + " not write it); the integration itself is not affected.")
  private String scrapeConfigProblem;

  public PrometheusStatus() {}

  public PrometheusStatus(String discoveryUrl, String username, String scrapeConfig, String scrapeConfigProblem) {
    this.discoveryUrl = discoveryUrl;
    this.username = username;
    this.scrapeConfig = scrapeConfig;
    this.scrapeConfigProblem = scrapeConfigProblem;
  }

  public String getDiscoveryUrl() {
    return discoveryUrl;
  }

  public void setDiscoveryUrl(String discoveryUrl) {
    this.discoveryUrl = discoveryUrl;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getScrapeConfig() {
    return scrapeConfig;
  }

  public void setScrapeConfig(String scrapeConfig) {
    this.scrapeConfig = scrapeConfig;
  }

  public String getScrapeConfigProblem() {
    return scrapeConfigProblem;
  }

  public void setScrapeConfigProblem(String scrapeConfigProblem) {
    this.scrapeConfigProblem = scrapeConfigProblem;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrometheusStatus o && Objects.equals(discoveryUrl, o.discoveryUrl)
        && Objects.equals(username, o.username) && Objects.equals(scrapeConfig, o.scrapeConfig)
        && Objects.equals(scrapeConfigProblem, o.scrapeConfigProblem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(discoveryUrl, username, scrapeConfig, scrapeConfigProblem);
  }

  @Override
  public String toString() {
    return "PrometheusStatus[discoveryUrl=" + discoveryUrl + ", username=" + username + ", scrapeConfig="
        + scrapeConfig + ", scrapeConfigProblem=" + scrapeConfigProblem + "]";
  }
}
