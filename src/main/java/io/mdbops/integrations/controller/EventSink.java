package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;

/** Where a pass's Events go; {@link EventRecorder} writes them to Kubernetes. */
interface EventSink {

  /** An Event of {@code type} (Normal or Warning) on the resource. */
  void record(ThirdPartyIntegration resource, String type, String reason, String message);

  /**
   * An Event on a Namespace (stored, as for every cluster-scoped object, in namespace default): a
   * namespace being deleted takes no new Event, and what is said about its teardown must outlive it.
   */
  void recordOnNamespace(String namespace, String uid, String type, String reason, String message);
}
