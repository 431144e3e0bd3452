package io.mdbops.integrations.api.v1alpha1;

/**
 * What the operator may do to the integration in the project (Crossplane's "management policy",
 * reduced to the two choices this resource needs).
 */
public enum ManagementPolicy {
  /** Make the project match the resource: create, update, correct drift, delete. */
  Manage,
  /** Only read and compare: report differences, never write or delete. */
  Observe
}
