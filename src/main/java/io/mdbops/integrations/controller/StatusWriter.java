package io.mdbops.integrations.controller;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import java.time.Duration;

/** Writes a resource's status; the only Kubernetes write a pass makes on its resource. */
@FunctionalInterface
interface StatusWriter {

  void write(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context, ThirdPartyIntegrationStatus next);

  /**
   * One JSON patch of the status (no server-side apply: the same in every environment), and the
   * result put into the operator's cache at once. Otherwise an event already queued for this
   * resource would run the next pass on the copy from before the write, see no applied Secrets and
   * write the integration a second time.
   */
  static StatusWriter patchingAndCaching() {
    int tries = 3;
    Duration cacheWait = Duration.ofSeconds(2);
    return (resource, context, next) -> PrimaryUpdateAndCacheUtils.updateAndCacheResource(
        resource,
        context,
        r -> r,
        r -> context.getClient().resource(r).editStatus(current -> {
          current.setStatus(next);
          return current;
        }),
        tries,
        cacheWait.toMillis(),
        50);
  }
}
