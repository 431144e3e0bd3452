package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** Prometheus (API type PROMETHEUS): exposes the agents' metrics endpoint and the HTTP/file service discovery for a Prometheus server. */
@ValidationRule(
    value = "!has(self.scheme) || self.scheme != 'https' || (has(self.tlsPemPath) && size(self.tlsPemPath) > 0)",
    message = "prometheus.tlsPemPath is required when prometheus.scheme is https")
public class PrometheusSpec {

  @Required
  @Size(min = 1, max = 255)
  @JsonPropertyDescription("User name Prometheus authenticates with (basic auth), e.g. prom_user_<projectId>.")
  private String username;

  @Required
  @JsonPropertyDescription("Secret key holding the password Prometheus authenticates with. Sent as password; the API never returns it, so the operator re-sends it whenever the referenced Secret changes.")
  private SecretKeySelector passwordSecretRef;

  @Size(min = 1, max = 255)
  @JsonPropertyDescription("Address and port the monitored hosts listen on for Prometheus scrapes, e.g. 0.0.0.0:9216. Required on Cloud Manager and Ops Manager; refused on Atlas, whose API has no such field.")
  private String listenAddress;

  @Required
  @JsonPropertyDescription("How Prometheus discovers targets: http or file.")
  private PrometheusServiceDiscovery serviceDiscovery;

  @JsonPropertyDescription("Scrape scheme: http or https. https requires tlsPemPath. Required on Cloud Manager and Ops Manager; refused on Atlas, whose API has no such field.")
  private PrometheusScheme scheme;

  @Required
  @JsonPropertyDescription("Whether the Prometheus endpoint is enabled on the monitored hosts.")
  private Boolean enabled;

  @JsonPropertyDescription("Atlas only: whether to add the tags you set on resources to the metrics (default false). Refused on Cloud Manager and Ops Manager.")
  private Boolean sendUserProvidedResourceTagsEnabled;

  @Size(max = 4096)
  @JsonPropertyDescription("Absolute path, on the monitored hosts, of the PEM file (certificate and key) used for https. Cloud Manager and Ops Manager only.")
  private String tlsPemPath;

  @JsonPropertyDescription("Secret key holding the password of the PEM file at tlsPemPath, if it is encrypted. Sent as tlsPemPassword. Cloud Manager and Ops Manager only.")
  private SecretKeySelector tlsPemPasswordSecretRef;

  @JsonPropertyDescription(
      "Optional, not sent to the API: a prometheus-operator ScrapeConfig the operator keeps in this namespace so that"
          + " an in-cluster Prometheus discovers and scrapes the project's hosts (HTTP service discovery and basic"
          + " auth with username and the password Secret).")
  private PrometheusScrapeConfigSpec scrapeConfig;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public PrometheusSpec withUsername(String username) {
    this.username = username;
    return this;
  }

  public SecretKeySelector getPasswordSecretRef() {
    return passwordSecretRef;
  }

  public void setPasswordSecretRef(SecretKeySelector passwordSecretRef) {
    this.passwordSecretRef = passwordSecretRef;
  }

  public PrometheusSpec withPasswordSecretRef(SecretKeySelector passwordSecretRef) {
    this.passwordSecretRef = passwordSecretRef;
    return this;
  }

  public String getListenAddress() {
    return listenAddress;
  }

  public void setListenAddress(String listenAddress) {
    this.listenAddress = listenAddress;
  }

  public PrometheusSpec withListenAddress(String listenAddress) {
    this.listenAddress = listenAddress;
    return this;
  }

  public PrometheusServiceDiscovery getServiceDiscovery() {
    return serviceDiscovery;
  }

  public void setServiceDiscovery(PrometheusServiceDiscovery serviceDiscovery) {
    this.serviceDiscovery = serviceDiscovery;
  }

  public PrometheusSpec withServiceDiscovery(PrometheusServiceDiscovery serviceDiscovery) {
    this.serviceDiscovery = serviceDiscovery;
    return this;
  }

  public PrometheusScheme getScheme() {
    return scheme;
  }

  public void setScheme(PrometheusScheme scheme) {
    this.scheme = scheme;
  }

  public PrometheusSpec withScheme(PrometheusScheme scheme) {
    this.scheme = scheme;
    return this;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public PrometheusSpec withEnabled(Boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  public String getTlsPemPath() {
    return tlsPemPath;
  }

  public void setTlsPemPath(String tlsPemPath) {
    this.tlsPemPath = tlsPemPath;
  }

  public PrometheusSpec withTlsPemPath(String tlsPemPath) {
    this.tlsPemPath = tlsPemPath;
    return this;
  }

  public SecretKeySelector getTlsPemPasswordSecretRef() {
    return tlsPemPasswordSecretRef;
  }

  public void setTlsPemPasswordSecretRef(SecretKeySelector tlsPemPasswordSecretRef) {
    this.tlsPemPasswordSecretRef = tlsPemPasswordSecretRef;
  }

  public PrometheusSpec withTlsPemPasswordSecretRef(SecretKeySelector tlsPemPasswordSecretRef) {
    this.tlsPemPasswordSecretRef = tlsPemPasswordSecretRef;
    return this;
  }

  public Boolean getSendUserProvidedResourceTagsEnabled() {
    return sendUserProvidedResourceTagsEnabled;
  }

  public void setSendUserProvidedResourceTagsEnabled(Boolean sendUserProvidedResourceTagsEnabled) {
    this.sendUserProvidedResourceTagsEnabled = sendUserProvidedResourceTagsEnabled;
  }

  public PrometheusSpec withSendUserProvidedResourceTagsEnabled(Boolean sendUserProvidedResourceTagsEnabled) {
    this.sendUserProvidedResourceTagsEnabled = sendUserProvidedResourceTagsEnabled;
    return this;
  }

  public PrometheusScrapeConfigSpec getScrapeConfig() {
    return scrapeConfig;
  }

  public void setScrapeConfig(PrometheusScrapeConfigSpec scrapeConfig) {
    this.scrapeConfig = scrapeConfig;
  }

  public PrometheusSpec withScrapeConfig(PrometheusScrapeConfigSpec scrapeConfig) {
    this.scrapeConfig = scrapeConfig;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrometheusSpec o && Objects.equals(username, o.username) && Objects.equals(passwordSecretRef, o.passwordSecretRef) && Objects.equals(listenAddress, o.listenAddress) && Objects.equals(serviceDiscovery, o.serviceDiscovery) && Objects.equals(scheme, o.scheme) && Objects.equals(enabled, o.enabled) && Objects.equals(tlsPemPath, o.tlsPemPath) && Objects.equals(tlsPemPasswordSecretRef, o.tlsPemPasswordSecretRef) && Objects.equals(sendUserProvidedResourceTagsEnabled, o.sendUserProvidedResourceTagsEnabled) && Objects.equals(scrapeConfig, o.scrapeConfig);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, passwordSecretRef, listenAddress, serviceDiscovery, scheme, enabled, tlsPemPath, tlsPemPasswordSecretRef, sendUserProvidedResourceTagsEnabled, scrapeConfig);
  }
}
