package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.prometheus.PrometheusDiscovery;
import io.mdbops.integrations.sync.IntegrationRemoval;
import io.mdbops.integrations.sync.IntegrationSync;
import io.mdbops.integrations.sync.SyncOutcome;
import io.mdbops.integrations.sync.RemovalOutcome;
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
 * status and ScrapeConfig; {@link Verdicts} decides what the outcome means; this class carries that
 * out (at most one status write, the Events, the metrics, the next pass). Deletion runs {@link
 * IntegrationRemoval} the same way and keeps the finalizer until removal succeeded, or, in a namespace
 * being deleted, until the bound of {@link NamespaceTeardown} has passed.
 */
@ControllerConfiguration(name = ThirdPartyIntegrationReconciler.NAME)
public class ThirdPartyIntegrationReconciler
    implements Reconciler<ThirdPartyIntegration>, Cleaner<ThirdPartyIntegration> {

  public static final String NAME = "thirdpartyintegration";
  /** The finalizer on every resource the operator manages (JOSDK's default name for the kind). */
  public static final String FINALIZER = ReconcilerUtils.getDefaultFinalizerName(ThirdPartyIntegration.class);
  /** MDC key: one id per pass, so every log line of a pass can be grouped. */
  public static final String RECONCILE_ID = "reconcileId";
  private static final AtomicLong PASSES = new AtomicLong();
  private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyIntegrationReconciler.class);
  private static final Duration HANDOVER_DELAY = Duration.ofSeconds(1);

  private final ResourceIndex index;
  private final IntegrationSync sync;
  private final IntegrationRemoval removal;
  private final PrometheusDiscovery prometheus;
  private final Verdicts verdicts;
  private final StatusWriter statusWriter;
  private final EventSink events;
  private final WakeUpSource wakeUps;
  private final OperatorMetrics metrics;
  private final NamespaceTeardown namespaces;

  ThirdPartyIntegrationReconciler(
      ResourceIndex index,
      IntegrationSync sync,
      IntegrationRemoval removal,
      PrometheusDiscovery prometheus,
      Verdicts verdicts,
      StatusWriter statusWriter,
      EventSink events,
      WakeUpSource wakeUps,
      OperatorMetrics metrics,
      NamespaceTeardown namespaces) {
    this.index = index;
    this.sync = sync;
    this.removal = removal;
    this.prometheus = prometheus;
    this.verdicts = verdicts;
    this.statusWriter = statusWriter;
    this.events = events;
    this.wakeUps = wakeUps;
    this.metrics = metrics;
    this.namespaces = namespaces;
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
      SyncOutcome outcome = sync.sync(resource);
      // a spec the operator refuses asks for nothing, a ScrapeConfig included
      Optional<PrometheusDiscovery.Result> discovery = outcome instanceof SyncOutcome.Failed f
          && f.reason() == ConditionReason.InvalidSpec ? Optional.empty() : prometheus.apply(resource);
      PassVerdict verdict = verdicts.of(resource, outcome, discovery);
      carryOut(resource, context, verdict);
      UpdateControl<ThirdPartyIntegration> control = UpdateControl.noUpdate();
      verdict.requeue().ifPresent(control::rescheduleAfter);
      return control;
    }
  }

  @Override
  public DeleteControl cleanup(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    RemovalOutcome outcome = removal.remove(resource);
    Optional<NamespaceTeardown.Teardown> teardown = outcome instanceof RemovalOutcome.Failed
        ? namespaces.of(resource) : Optional.empty();
    PassVerdict verdict = verdicts.ofRemoval(resource, outcome, teardown);
    carryOut(resource, context, verdict);
    if (!verdict.release()) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(verdict.requeue().orElseThrow());
    }
    sync.forget(resource);
    prometheus.release(resource);
    metrics.forget(ResourceID.fromResource(resource));
    handOver(resource);
    return DeleteControl.defaultDelete();
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

  private void carryOut(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context, PassVerdict verdict) {
    Optional<NamespaceTeardown.Teardown> leftIn = verdict.leftBehind();
    verdict.events().forEach(e -> leftIn.ifPresentOrElse(
        t -> events.recordOnNamespace(t.namespace(), t.uid(), e.type(), e.reason(), e.message()),
        () -> events.record(resource, e.type(), e.reason(), e.message())));
    IntegrationType type = resource.getSpec() == null ? null : resource.getSpec().getType();
    verdict.written().ifPresent(change -> metrics.written(type, change));
    verdict.standing().ifPresent(reason -> metrics.standing(ResourceID.fromResource(resource), type, reason));
    if (verdict.deferred()) {
      metrics.deferred();
    }
    verdict.retried().ifPresent(metrics::retryScheduled);
    if (leftIn.isPresent()) {
      verdict.events().forEach(e -> LOG.warn("{}/{}: {}", resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(), e.message()));
      metrics.leftBehind(resource.getSpec().getProjectId(), type);
    }
    if (!Objects.equals(resource.getStatus(), verdict.status())) {
      statusWriter.write(resource, context, verdict.status());
    }
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
