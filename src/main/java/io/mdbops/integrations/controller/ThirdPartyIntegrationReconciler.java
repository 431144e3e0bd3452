package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.prometheus.PrometheusDiscovery;
import io.mdbops.integrations.sync.IntegrationSync;
import io.mdbops.integrations.sync.SyncOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The JOSDK entry point. A pass: {@link IntegrationSync} observes, compares and writes (an observed
 * resource only compares); {@link PrometheusDiscovery} keeps a PROMETHEUS resource's discovery
 * status and ScrapeConfig; {@link Verdicts} decides what the outcome means; {@link PassEffects}
 * carries that out (at most one status write, the Events, the metrics); the control says when the
 * next pass comes. JOSDK calls it for every event, deletion included: the reconciler keeps its own
 * finalizer, and {@link ResourceDeletion} adds it with the first write and handles the deletion.
 */
@ControllerConfiguration(name = ThirdPartyIntegrationReconciler.NAME, triggerReconcilerOnAllEvents = true)
public class ThirdPartyIntegrationReconciler implements Reconciler<ThirdPartyIntegration> {

  public static final String NAME = "thirdpartyintegration";
  /**
   * The finalizer on every resource that wrote its integration (JOSDK's default name for the kind, which
   * earlier versions let JOSDK add: resources that carry it are handled alike).
   */
  public static final String FINALIZER = ReconcilerUtils.getDefaultFinalizerName(ThirdPartyIntegration.class);
  /** MDC key: one id per pass, so every log line of a pass can be grouped. */
  public static final String RECONCILE_ID = "reconcileId";
  private static final AtomicLong PASSES = new AtomicLong();
  private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyIntegrationReconciler.class);
  private static final Duration HANDOVER_DELAY = Duration.ofSeconds(1);

  private final ResourceIndex index;
  private final IntegrationSync sync;
  private final PrometheusDiscovery prometheus;
  private final Verdicts verdicts;
  private final PassEffects effects;
  private final ResourceDeletion deletion;
  private final WakeUpSource wakeUps;
  private final OperatorMetrics metrics;

  ThirdPartyIntegrationReconciler(ResourceIndex index, IntegrationSync sync, PrometheusDiscovery prometheus,
      Verdicts verdicts, PassEffects effects, ResourceDeletion deletion, WakeUpSource wakeUps,
      OperatorMetrics metrics) {
    this.index = index;
    this.sync = sync;
    this.prometheus = prometheus;
    this.verdicts = verdicts;
    this.effects = effects;
    this.deletion = deletion;
    this.wakeUps = wakeUps;
    this.metrics = metrics;
  }

  @Override
  public List<EventSource<?, ThirdPartyIntegration>> prepareEventSources(
      EventSourceContext<ThirdPartyIntegration> context) {
    List<EventSource<?, ThirdPartyIntegration>> sources = new ArrayList<>(index.secretEventSources(context));
    sources.add(wakeUps);
    return sources;
  }

  @Override
  public UpdateControl<ThirdPartyIntegration> reconcile(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    try (var id = MDC.putCloseable(RECONCILE_ID, Long.toString(PASSES.incrementAndGet(), 36))) {
      if (context.isPrimaryResourceDeleted()) {
        gone(resource, context);
        return UpdateControl.noUpdate();
      }
      return resource.isMarkedForDeletion() ? deletion.removing(resource, context) : syncing(resource, context);
    }
  }

  private UpdateControl<ThirdPartyIntegration> syncing(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    SyncOutcome outcome = sync.sync(resource, deletion.finalizerFirst(resource, context));
    // a spec the operator refuses asks for nothing, a ScrapeConfig included
    Optional<PrometheusDiscovery.Result> discovery = outcome instanceof SyncOutcome.Failed f
        && f.reason() == ConditionReason.InvalidSpec ? Optional.empty() : prometheus.apply(resource);
    PassVerdict verdict = verdicts.of(resource, outcome, discovery);
    effects.apply(resource, context, verdict);
    UpdateControl<ThirdPartyIntegration> control = UpdateControl.noUpdate();
    verdict.requeue().ifPresent(control::rescheduleAfter);
    return control;
  }

  /** The resource no longer exists: what was kept for it goes, and those waiting behind it look again. */
  private void gone(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    deletion.gone(resource, context);
    sync.forget(resource);
    prometheus.release(resource);
    metrics.forget(ResourceID.fromResource(resource));
    handOver(resource);
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) { // not OkHttp's InterruptedIOException("timeout"): that one is a failure
        return true;
      }
    }
    return false;
  }

  @Override
  public ErrorStatusUpdateControl<ThirdPartyIntegration> updateErrorStatus(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context, Exception e) {
    if (context.isPrimaryResourceDeleted()) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    if (interrupted(e)) {
      // the operator is stopping (or lost its lease) mid-pass: nothing failed, the next one redoes it
      LOG.debug("pass of {}/{} interrupted", resource.getMetadata().getNamespace(), resource.getMetadata().getName());
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    // the class and HTTP code only: exception messages may quote request bodies
    LOG.warn("unexpected failure reconciling {}/{}: {}{}", resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(), e.getClass().getName(),
        e instanceof KubernetesClientException k ? " (HTTP " + k.getCode() + ")" : "");
    PassVerdict verdict = verdicts.ofError(resource, e);
    if (Objects.equals(resource.getStatus(), verdict.status())) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    resource.setStatus(verdict.status());
    return ErrorStatusUpdateControl.patchStatus(resource);
  }

  /** Resources waiting behind this one in Conflict look again once it is gone. */
  private void handOver(ThirdPartyIntegration resource) {
    if (resource.getSpec() == null || resource.getSpec().getType() == null) {
      return;
    }
    ResourceID self = ResourceID.fromResource(resource);
    index.targeting(resource.getSpec().getProjectId(), resource.getSpec().getType().name()).stream()
        .map(ResourceID::fromResource)
        .filter(id -> !id.equals(self))
        .forEach(id -> wakeUps.wakeLater(id, HANDOVER_DELAY));
  }
}
