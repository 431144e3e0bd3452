package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.PrometheusStatus;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.controller.PassVerdict.EventNote;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.prometheus.PrometheusDiscovery;
import io.mdbops.integrations.sync.Change;
import io.mdbops.integrations.sync.RemovalOutcome;
import io.mdbops.integrations.sync.SyncOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that reads a pass's outcome: decides status, Events, metrics and the next pass
 * together, so they cannot disagree.
 */
final class Verdicts {

  /** The Event of a deletion that let its resource go with the integration still in the project. */
  static final String LEFT_BEHIND = "LeftBehind";
  /** The least wait before looking again at a deletion whose bound is about to pass. */
  private static final Duration TEARDOWN_RECHECK = Duration.ofMillis(100);

  private final StatusBuilder statuses;
  private final RetryPolicy retries;

  Verdicts(StatusBuilder statuses, RetryPolicy retries) {
    this.statuses = statuses;
    this.retries = retries;
  }

  /** As {@link #of(ThirdPartyIntegration, SyncOutcome)}, with what the pass did for Prometheus discovery. */
  PassVerdict of(ThirdPartyIntegration resource, SyncOutcome outcome, Optional<PrometheusDiscovery.Result> discovery) {
    PassVerdict verdict = of(resource, outcome);
    if (discovery.isEmpty()) {
      return verdict;
    }
    PrometheusDiscovery.Result result = discovery.get();
    List<EventNote> events = new ArrayList<>(verdict.events());
    result.action().ifPresent(action -> events.add(EventNote.normal("ScrapeConfig" + action.name(),
        EventTexts.scrapeConfig(resource, action))));
    String problem = result.status().getScrapeConfigProblem();
    PrometheusStatus previous = resource.getStatus() == null ? null : resource.getStatus().getPrometheus();
    if (problem != null && (previous == null || !problem.equals(previous.getScrapeConfigProblem()))) {
      events.add(EventNote.warning("ScrapeConfigUnavailable", problem));
    }
    Optional<Duration> requeue = verdict.requeue();
    if (result.retryAfter().isPresent()
        && (requeue.isEmpty() || result.retryAfter().get().compareTo(requeue.get()) < 0)) {
      requeue = result.retryAfter();
    }
    return new PassVerdict(statuses.withPrometheus(verdict.status(), result.status()), events, requeue,
        verdict.written(), verdict.standing(), verdict.deferred(), verdict.retried(), verdict.release());
  }

  PassVerdict of(ThirdPartyIntegration resource, SyncOutcome outcome) {
    String uid = resource.getMetadata().getUid();
    if (outcome instanceof SyncOutcome.InSync inSync) {
      retries.reset(uid);
      Change change = inSync.change();
      List<EventNote> events = change == Change.None ? List.of()
          : List.of(EventNote.normal(change.name(), EventTexts.written(resource, change, inSync.differences())));
      return new PassVerdict(statuses.synced(resource, change, inSync.appliedSecretVersions(), inSync.written(),
          inSync.apiProfile()), events,
          Optional.empty(), change == Change.None ? Optional.empty() : Optional.of(change),
          Optional.of(ConditionReason.Synced), false, Optional.empty(), false);
    }
    if (outcome instanceof SyncOutcome.NotHeld notHeld) {
      // a write happened and is counted; nothing is retried until the spec, a Secret or the project changes
      retries.reset(uid);
      ThirdPartyIntegrationStatus status = statuses.notHeld(resource, notHeld);
      List<EventNote> events = repeated(resource.getStatus(), ConditionReason.FieldNotApplied, notHeld.message())
          ? List.of() : List.of(EventNote.warning(ConditionReason.FieldNotApplied.name(), notHeld.message()));
      return new PassVerdict(status, events, Optional.empty(),
          notHeld.change() == Change.None ? Optional.empty() : Optional.of(notHeld.change()),
          Optional.of(ConditionReason.FieldNotApplied), false, Optional.empty(), false);
    }
    if (outcome instanceof SyncOutcome.Observed observed) {
      retries.reset(uid);
      ThirdPartyIntegrationStatus status = statuses.observed(resource, observed.observation());
      Condition ready = status.ready().orElseThrow();
      // one Event each time what is observed changes: in sync, out of sync, other fields
      List<EventNote> events = repeated(resource.getStatus(), ready.getReason(), ready.getMessage()) ? List.of()
          : List.of(observed.observation().inSync() ? EventNote.normal(ready.getReason().name(), ready.getMessage())
              : EventNote.warning(ready.getReason().name(), ready.getMessage()));
      return new PassVerdict(status, events, Optional.empty(), Optional.empty(), Optional.of(ready.getReason()), false,
          Optional.empty(), false);
    }
    if (outcome instanceof SyncOutcome.Deferred deferred) {
      // nothing was learnt and nothing is wrong: the status stays as it is
      return new PassVerdict(resource.getStatus(), List.of(), Optional.of(deferred.retryAfter()),
          Optional.empty(), Optional.empty(), true, Optional.empty(), false);
    }
    SyncOutcome.Failed failed = (SyncOutcome.Failed) outcome;
    return failure(resource, failed.reason(), failed.message(),
        retries.afterFailure(uid, failed.reason(), failed.cause().flatMap(ApiException::retryAfter),
            failed.recheckAfter()));
  }

  /**
   * A pass that threw: only the status says so (Reconciling); JOSDK's own backoff retries it, and
   * the log has the details.
   */
  PassVerdict ofError(ThirdPartyIntegration resource, Exception e) {
    ThirdPartyIntegrationStatus status = statuses.failed(resource, ConditionReason.Reconciling,
        "internal error (" + e.getClass().getSimpleName() + "); retrying with backoff, details in the operator log");
    return new PassVerdict(status, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false,
        Optional.empty(), false);
  }

  /**
   * A deletion's pass: release the finalizer once the integration is handled, else say why not and
   * retry.
   *
   * @param teardown for a failed removal: the deletion of the resource's namespace it is caught in,
   *     if any; once its bound has passed the finalizer goes and the integration is left behind
   */
  PassVerdict ofRemoval(ThirdPartyIntegration resource, RemovalOutcome outcome,
      Optional<NamespaceTeardown.Teardown> teardown) {
    String uid = resource.getMetadata().getUid();
    if (outcome instanceof RemovalOutcome.Failed failed) {
      if (teardown.isPresent() && teardown.get().due()) {
        retries.reset(uid);
        EventNote event = EventNote.warning(LEFT_BEHIND, EventTexts.leftBehind(resource, teardown.get(), failed.message()));
        return new PassVerdict(resource.getStatus(), List.of(event), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty(), true, teardown);
      }
      String message = EventTexts.removalHeldUp(failed.message(), failed.reason(), teardown);
      ThirdPartyIntegrationStatus status = statuses.deleting(resource, message);
      List<EventNote> events = Objects.equals(resource.getStatus(), status) ? List.of()
          : List.of(EventNote.warning(ConditionReason.Deleting.name(), message));
      Duration delay = retries.afterFailedRemoval(uid, failed.reason(), failed.cause().flatMap(ApiException::retryAfter));
      if (teardown.isPresent() && teardown.get().remaining().compareTo(delay) < 0) {
        delay = max(teardown.get().remaining(), TEARDOWN_RECHECK); // look again when the bound is reached
      }
      return new PassVerdict(status, events, Optional.of(delay), Optional.empty(), Optional.empty(), false,
          Optional.of(failed.reason()), false);
    }
    retries.reset(uid);
    EventNote event = outcome instanceof RemovalOutcome.Removed removed
        ? EventNote.normal("Deleted", EventTexts.removed(resource, removed.existed(), removed.note()))
        : EventNote.normal("Retained", ((RemovalOutcome.Left) outcome).why());
    return new PassVerdict(resource.getStatus(), List.of(event), Optional.empty(), Optional.empty(),
        Optional.empty(), false, Optional.empty(), true);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Whether Ready already says this: then an Event would only repeat it. */
  private static boolean repeated(ThirdPartyIntegrationStatus previous, ConditionReason reason, String message) {
    return previous != null && previous.ready()
        .map(c -> c.getReason() == reason && Objects.equals(c.getMessage(), message))
        .orElse(false);
  }

  private PassVerdict failure(
      ThirdPartyIntegration resource, ConditionReason reason, String message, Optional<Duration> requeue) {
    List<EventNote> events = repeated(resource.getStatus(), reason, message) ? List.of()
        : List.of(EventNote.warning(reason.name(), message));
    return new PassVerdict(statuses.failed(resource, reason, message), events, requeue, Optional.empty(),
        Optional.of(reason), false, requeue.map(d -> reason), false);
  }
}
