package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;

/** Where a pass's Events go; {@link EventRecorder} writes them to Kubernetes. */
@FunctionalInterface
interface EventSink {

  /** An Event of {@code type} (Normal or Warning) on the resource. */
  void record(ThirdPartyIntegration resource, String type, String reason, String message);
}
