package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How Prometheus discovers the scrape targets; the API spells the values in lower case. */
public enum PrometheusServiceDiscovery {
  @JsonProperty("http")
  HTTP,
  @JsonProperty("file")
  FILE;

  public String apiValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
