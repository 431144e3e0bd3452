package io.mdbops.integrations.controller;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;

/**
 * Adds and removes the operator's finalizer. The reconciler does this itself rather than leave it
 * to JOSDK, which would add it in a pass of its own before the first real one: a new resource then
 * costs one pass and one metadata write, and a resource that never writes a project carries none.
 */
interface FinalizerWriter {

  /** Adds the finalizer; {@code resource} afterwards carries it and the new resource version. */
  void add(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context);

  void remove(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context);

  /** JSON patches that retry on conflict (JOSDK's own), so a concurrent edit of the resource is kept. */
  static FinalizerWriter patching(String finalizer) {
    return new FinalizerWriter() {
      @Override
      public void add(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
        ThirdPartyIntegration updated = PrimaryUpdateAndCacheUtils.addFinalizer(context.getClient(), resource, finalizer);
        if (updated != null) {
          resource.getMetadata().setFinalizers(updated.getMetadata().getFinalizers());
          resource.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
        }
      }

      @Override
      public void remove(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
        PrimaryUpdateAndCacheUtils.removeFinalizer(context.getClient(), resource, finalizer);
      }
    };
  }
}
