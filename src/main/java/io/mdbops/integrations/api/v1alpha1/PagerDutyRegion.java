package io.mdbops.integrations.api.v1alpha1;

/** PagerDuty service region. */
public enum PagerDutyRegion {
  US,
  EU
}
