package io.mdbops.integrations.api.v1alpha1;

/**
 * Datadog site region. Cloud Manager and Ops Manager take none (US only); the Atlas Administration
 * API v2 takes every value.
 */
public enum DatadogRegion {
  US,
  EU,
  US3,
  US5,
  AP1,
  US1_FED
}
