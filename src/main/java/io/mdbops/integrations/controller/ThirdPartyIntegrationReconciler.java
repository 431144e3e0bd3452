package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.sync.Change;
import io.mdbops.integrations.sync.DriftWatch;
import io.mdbops.integrations.sync.IntegrationRemoval;
import io.mdbops.integrations.sync.IntegrationSync;
import io.mdbops.integrations.sync.RemovalOutcome;
import io.mdbops.integrations.sync.SyncMemory;
import io.mdbops.integrations.sync.SyncOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The JOSDK entry point: runs one {@link IntegrationSync} pass, turns its outcome into at most one
 * status write and the Events that go with it, and decides when to look again. Deletion runs
 * {@link IntegrationRemoval} and keeps the finalizer until it succeeded.
 */
@ControllerConfiguration(name = ThirdPartyIntegrationReconciler.NAME)
public class ThirdPartyIntegrationReconciler
    implements Reconciler<ThirdPartyIntegration>, Cleaner<ThirdPartyIntegration> {

  public static final String NAME = "thirdpartyintegration";
  /** MDC key: one id per pass, so every log line of a pass can be grouped. */
  public static final String RECONCILE_ID = "reconcileId";
  private static final AtomicLong RECONCILES = new AtomicLong();
  private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyIntegrationReconciler.class);
  private static final Duration HANDOVER_DELAY = Duration.ofSeconds(1);
  private static final int STATUS_WRITE_TRIES = 3;
  private static final Duration STATUS_CACHE_WAIT = Duration.ofSeconds(2);

  private final ResourceIndex index;
  private final Set<String> secretNamespaces;
  private final IntegrationSync sync;
  private final IntegrationRemoval removal;
  private final StatusBuilder statuses;
  private final EventRecorder events;
  private final RetryPolicy retryPolicy;
  private final DriftWatch driftWatch;
  private final WakeUpSource wakeUps;
  private final SyncMemory memory;
  private final OperatorMetrics metrics;
  private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
  private volatile ReferencedSecretsStore secretStore;

  /** @param secretNamespaces namespaces whose Secrets are watched; empty means all */
  public ThirdPartyIntegrationReconciler(
      ResourceIndex index,
      Set<String> secretNamespaces,
      IntegrationSync sync,
      IntegrationRemoval removal,
      StatusBuilder statuses,
      EventRecorder events,
      RetryPolicy retryPolicy,
      DriftWatch driftWatch,
      WakeUpSource wakeUps,
      SyncMemory memory,
      OperatorMetrics metrics) {
    this.index = index;
    this.secretNamespaces = Set.copyOf(secretNamespaces);
    this.sync = sync;
    this.removal = removal;
    this.statuses = statuses;
    this.events = events;
    this.retryPolicy = retryPolicy;
    this.driftWatch = driftWatch;
    this.wakeUps = wakeUps;
    this.memory = memory;
    this.metrics = metrics;
  }

  @Override
  public List<EventSource<?, ThirdPartyIntegration>> prepareEventSources(
      EventSourceContext<ThirdPartyIntegration> context) {
    index.attach(context);
    var secrets = InformerEventSourceConfiguration.from(Secret.class, ThirdPartyIntegration.class)
        .withName("secrets")
        .withSecondaryToPrimaryMapper(index::referencing);
    if (secretNamespaces.isEmpty()) {
      secrets.withWatchAllNamespaces();
      // one informer for the whole cluster: keep the data of referenced Secrets only
      ReferencedSecretsStore store = new ReferencedSecretsStore(index::isReferenced);
      secrets.withItemStore(store);
      index.attach(store, context.getClient());
      secretStore = store;
    } else {
      secrets.withNamespaces(secretNamespaces);
    }
    InformerEventSource<Secret, ThirdPartyIntegration> secretSource =
        new InformerEventSource<>(secrets.build(), context);
    index.attach(secretSource);
    return List.of(secretSource, wakeUps);
  }

  /** Starts dropping unreferenced Secrets' data (once the caches are complete), and sweeps again. */
  void sweepUnreferencedSecrets() {
    ReferencedSecretsStore store = secretStore;
    if (store != null) {
      store.startStripping();
    }
  }

  @Override
  public UpdateControl<ThirdPartyIntegration> reconcile(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    try (var id = MDC.putCloseable(RECONCILE_ID, Long.toString(RECONCILES.incrementAndGet(), 36))) {
      return pass(resource, context);
    }
  }

  private UpdateControl<ThirdPartyIntegration> pass(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    SyncOutcome outcome = sync.sync(resource);
    ThirdPartyIntegrationStatus previous = resource.getStatus();
    ThirdPartyIntegrationStatus next = statuses.next(resource, outcome);
    recordEvents(resource, previous, outcome);
    record(resource, outcome);
    Optional<Duration> retry = retryAfter(resource, outcome);
    if (!Objects.equals(previous, next)) {
      writeStatus(resource, context, next);
    }
    UpdateControl<ThirdPartyIntegration> control = UpdateControl.noUpdate();
    retry.ifPresent(control::rescheduleAfter);
    return control;
  }

  /**
   * One JSON patch of the status (no server-side apply: the same in every environment), and the
   * result put into the operator's cache at once. Otherwise an event already queued for this
   * resource would run the next pass on the copy from before the write, see no applied Secrets and
   * write the integration a second time.
   */
  private static void writeStatus(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context, ThirdPartyIntegrationStatus next) {
    PrimaryUpdateAndCacheUtils.updateAndCacheResource(
        resource,
        context,
        r -> r,
        r -> context.getClient().resource(r).editStatus(current -> {
          current.setStatus(next);
          return current;
        }),
        STATUS_WRITE_TRIES,
        STATUS_CACHE_WAIT.toMillis(),
        50);
  }

  private void record(ThirdPartyIntegration resource, SyncOutcome outcome) {
    var type = resource.getSpec() == null ? null : resource.getSpec().getType();
    if (outcome instanceof SyncOutcome.InSync inSync) {
      if (inSync.change() != Change.None) {
        metrics.written(type, inSync.change());
      }
      metrics.standing(ResourceID.fromResource(resource), type, ConditionReason.Synced);
    } else if (outcome instanceof SyncOutcome.Failed failed) {
      metrics.standing(ResourceID.fromResource(resource), type, failed.reason());
    }
  }

  private Optional<Duration> retryAfter(ThirdPartyIntegration resource, SyncOutcome outcome) {
    String uid = resource.getMetadata().getUid();
    if (outcome instanceof SyncOutcome.Deferred deferred) {
      metrics.deferred();
      return Optional.of(deferred.retryAfter());
    }
    if (!(outcome instanceof SyncOutcome.Failed failed)) {
      failuresInARow.remove(uid);
      return Optional.empty();
    }
    int attempt = failuresInARow.merge(uid, 1, Integer::sum);
    Optional<Duration> delay = failed.recheckAfter().isPresent()
        ? failed.recheckAfter()
        : retryPolicy.after(failed.reason(), attempt, failed.cause().flatMap(ApiException::retryAfter));
    delay.ifPresent(d -> metrics.retryScheduled(failed.reason()));
    return delay;
  }

  private void recordEvents(
      ThirdPartyIntegration resource, ThirdPartyIntegrationStatus previous, SyncOutcome outcome) {
    if (outcome instanceof SyncOutcome.InSync inSync && inSync.change() != Change.None) {
      events.normal(resource, inSync.change().name(), describe(resource, inSync));
    } else if (outcome instanceof SyncOutcome.Failed failed) {
      Optional<Condition> before = previous == null ? Optional.empty() : previous.ready();
      boolean same = before.map(c -> c.getReason() == failed.reason()
          && Objects.equals(c.getMessage(), failed.message())).orElse(false);
      if (!same) {
        events.warning(resource, failed.reason().name(), failed.message());
      }
    }
  }

  private static String describe(ThirdPartyIntegration resource, SyncOutcome.InSync inSync) {
    String what = resource.getSpec().getType() + " integration in project " + resource.getSpec().getProjectId();
    return switch (inSync.change()) {
      case Created -> "created the " + what;
      case Adopted -> "took over the existing " + what + " and made it match the spec";
      case Updated -> "updated the " + what + " (" + inSync.differences() + ")";
      case SecretRotated -> "re-sent the rotated Secrets of the " + what;
      case DriftCorrected -> "undid a change made outside Kubernetes to the " + what + " ("
          + inSync.differences() + ")";
      case None -> "the " + what + " matches";
    };
  }

  @Override
  public DeleteControl cleanup(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
    RemovalOutcome outcome = removal.remove(resource);
    if (outcome instanceof RemovalOutcome.Failed failed) {
      writeDeletingStatus(resource, context, failed.message());
      int attempt = failuresInARow.merge(resource.getMetadata().getUid(), 1, Integer::sum);
      Optional<Duration> asked = failed.cause().flatMap(ApiException::retryAfter);
      Duration delay = retryPolicy
          .after(asked.isPresent() ? ConditionReason.RateLimited : ConditionReason.ApiUnavailable, attempt, asked)
          .orElseThrow();
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(delay);
    }
    if (outcome instanceof RemovalOutcome.Removed removed) {
      events.normal(resource, "Deleted", removed.existed()
          ? "removed the " + resource.getSpec().getType() + " integration from project "
              + resource.getSpec().getProjectId()
          : "the " + resource.getSpec().getType() + " integration was already gone from project "
              + resource.getSpec().getProjectId());
    } else if (outcome instanceof RemovalOutcome.Left left) {
      events.normal(resource, "Retained", left.why());
    }
    forget(resource);
    handOver(resource);
    return DeleteControl.defaultDelete();
  }

  private void writeDeletingStatus(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context, String message) {
    ThirdPartyIntegrationStatus next = statuses.deleting(resource, message);
    if (Objects.equals(resource.getStatus(), next)) {
      return;
    }
    events.warning(resource, ConditionReason.Deleting.name(), message);
    writeStatus(resource, context, next);
  }

  private void forget(ThirdPartyIntegration resource) {
    String uid = resource.getMetadata().getUid();
    failuresInARow.remove(uid);
    memory.forget(uid);
    driftWatch.unwatch(ResourceID.fromResource(resource));
    metrics.forget(ResourceID.fromResource(resource));
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

  @Override
  public ErrorStatusUpdateControl<ThirdPartyIntegration> updateErrorStatus(
      ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context, Exception e) {
    // the class and HTTP code only: exception messages may quote request bodies
    LOG.warn("unexpected failure reconciling {}/{}: {}{}", resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(), e.getClass().getName(),
        e instanceof KubernetesClientException k ? " (HTTP " + k.getCode() + ")" : "");
    ThirdPartyIntegrationStatus next = statuses.next(resource, SyncOutcome.Failed.of(
        ConditionReason.Reconciling,
        "internal error (" + e.getClass().getSimpleName() + "); retrying with backoff, details in the operator log"));
    if (Objects.equals(resource.getStatus(), next)) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    resource.setStatus(next);
    return ErrorStatusUpdateControl.patchStatus(resource);
  }
}
