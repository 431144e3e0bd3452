package io.mdbops.integrations.controller;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.metrics.OperatorMetrics;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out a {@link PassVerdict}: its Events, its metrics and, when it changed, the status (one write). */
final class PassEffects {

  private static final Logger LOG = LoggerFactory.getLogger(PassEffects.class);

  private final EventSink events;
  private final OperatorMetrics metrics;
  private final StatusWriter statusWriter;

  PassEffects(EventSink events, OperatorMetrics metrics, StatusWriter statusWriter) {
    this.events = events;
    this.metrics = metrics;
    this.statusWriter = statusWriter;
  }

  void apply(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context, PassVerdict verdict) {
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
}
