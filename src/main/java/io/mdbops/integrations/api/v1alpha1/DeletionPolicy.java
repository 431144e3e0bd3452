package io.mdbops.integrations.api.v1alpha1;

/** What happens to the integration in the project when the resource is deleted. */
public enum DeletionPolicy {
  /** Remove the integration from the project. */
  Delete,
  /** Leave the integration in the project untouched. */
  Retain
}
