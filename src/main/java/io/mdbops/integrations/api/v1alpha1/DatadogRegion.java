package io.mdbops.integrations.api.v1alpha1;

/** Datadog site region. */
public enum DatadogRegion {
  US,
  EU
}
