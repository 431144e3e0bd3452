package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The scheme Prometheus scrapes with; the API spells the values in lower case. */
public enum PrometheusScheme {
  @JsonProperty("http")
  HTTP,
  @JsonProperty("https")
  HTTPS;

  public String apiValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
