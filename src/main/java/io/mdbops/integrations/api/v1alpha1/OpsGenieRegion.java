package io.mdbops.integrations.api.v1alpha1;

/** Opsgenie API region. */
public enum OpsGenieRegion {
  US,
  EU
}
