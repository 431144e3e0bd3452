package io.mdbops.integrations.controller;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sync.BeforeWrite;
import io.mdbops.integrations.sync.IntegrationRemoval;
import io.mdbops.integrations.sync.RemovalOutcome;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The finalizer and what deleting a resource does. A resource gets the finalizer just before its
 * first write to a project (in that pass), since only a resource that wrote has something to remove;
 * marked for deletion, {@link IntegrationRemoval} runs and the finalizer stays until removal
 * succeeded, or, in a namespace being deleted, until the bound of {@link NamespaceTeardown} has passed.
 */
final class ResourceDeletion {

  private final IntegrationRemoval removal;
  private final NamespaceTeardown namespaces;
  private final Verdicts verdicts;
  private final PassEffects effects;
  private final FinalizerWriter finalizers;
  /** Resources whose finalizer this operator released, until Kubernetes says they are gone. */
  private final Set<String> released = ConcurrentHashMap.newKeySet();

  ResourceDeletion(IntegrationRemoval removal, NamespaceTeardown namespaces, Verdicts verdicts, PassEffects effects,
      FinalizerWriter finalizers) {
    this.removal = removal;
    this.namespaces = namespaces;
    this.verdicts = verdicts;
    this.effects = effects;
    this.finalizers = finalizers;
  }

  /**
   * What must precede this pass's write, if it makes one: the finalizer, where deleting the resource
   * may remove its integration. One that wrote without it (under Retain, or after it was taken off by
   * hand) gets it now.
   */
  BeforeWrite finalizerFirst(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    if (resource.hasFinalizer(ThirdPartyIntegrationReconciler.FINALIZER) || !mayRemove(resource)) {
      return BeforeWrite.NOTHING;
    }
    if (resource.getStatus() != null && resource.getStatus().getLastAppliedTime() != null) {
      finalizers.add(resource, context);
      return BeforeWrite.NOTHING;
    }
    return () -> finalizers.add(resource, context);
  }

  private static boolean mayRemove(ThirdPartyIntegration resource) {
    return resource.getSpec() != null
        && resource.getSpec().effectiveManagementPolicy() == ManagementPolicy.Manage
        && resource.getSpec().effectiveDeletionPolicy() == DeletionPolicy.Delete;
  }

  /** Marked for deletion: without the finalizer Kubernetes deletes it at once, and {@link #gone} follows. */
  UpdateControl<ThirdPartyIntegration> removing(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    if (!resource.hasFinalizer(ThirdPartyIntegrationReconciler.FINALIZER)) {
      return UpdateControl.noUpdate();
    }
    RemovalOutcome outcome = removal.remove(resource);
    Optional<NamespaceTeardown.Teardown> teardown = outcome instanceof RemovalOutcome.Failed
        ? namespaces.of(resource) : Optional.empty();
    PassVerdict verdict = verdicts.ofRemoval(resource, outcome, teardown);
    effects.apply(resource, context, verdict);
    if (!verdict.release()) {
      return UpdateControl.<ThirdPartyIntegration>noUpdate().rescheduleAfter(verdict.requeue().orElseThrow());
    }
    finalizers.remove(resource, context);
    released.add(resource.getMetadata().getUid());
    return UpdateControl.noUpdate();
  }

  /**
   * Kubernetes no longer holds the resource. One deleted without passing through the finalizer (it
   * carried none, or it was taken off by hand) is told what its deletion left, as a removal would tell it.
   */
  void gone(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    if (released.remove(resource.getMetadata().getUid())) {
      return;
    }
    RemovalOutcome.Left left = removal.untouched(resource).orElseGet(() -> new RemovalOutcome.Left(
        "the resource was deleted without the operator's finalizer, so the " + resource.getSpec().getType()
            + " integration of project " + resource.getSpec().getProjectId() + " was left in place"));
    effects.apply(resource, context, verdicts.ofRemoval(resource, left, Optional.empty()));
  }
}
