package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.sync.Change;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a pass's outcome means, decided in one place ({@link Verdicts}): the status to write,
 * the Events to record, what the metrics count, and when to look again.
 *
 * @param status the next status; equal to the current one when nothing changed (then nothing is written)
 * @param events the Events to record, in order
 * @param requeue when to run the next pass; empty to wait for a change (or the next drift check)
 * @param written the cause of a write the pass made, if it made one
 * @param standing the Ready reason the resource now stands at; empty when the pass learnt nothing
 * @param deferred the pass was handed back because its project's request budget was spent
 * @param retried the reason a failed pass is scheduled again, if it is
 * @param release for a deletion: whether the finalizer may go
 * @param leftBehind for a deletion: the teardown of the namespace in which the finalizer goes although
 *     the integration could not be removed (the bound has passed); counted, logged, and its Events
 *     are on the Namespace, since a namespace being deleted takes no new Event
 */
record PassVerdict(
    ThirdPartyIntegrationStatus status,
    List<EventNote> events,
    Optional<Duration> requeue,
    Optional<Change> written,
    Optional<ConditionReason> standing,
    boolean deferred,
    Optional<ConditionReason> retried,
    boolean release,
    Optional<NamespaceTeardown.Teardown> leftBehind) {

  /** Every verdict but a deletion that leaves its integration behind. */
  PassVerdict(ThirdPartyIntegrationStatus status, List<EventNote> events, Optional<Duration> requeue,
      Optional<Change> written, Optional<ConditionReason> standing, boolean deferred,
      Optional<ConditionReason> retried, boolean release) {
    this(status, events, requeue, written, standing, deferred, retried, release, Optional.empty());
  }

  /** One Event: {@code Normal} or {@code Warning}, a CamelCase reason and a message. */
  record EventNote(String type, String reason, String message) {
    static EventNote normal(String reason, String message) {
      return new EventNote("Normal", reason, message);
    }

    static EventNote warning(String reason, String message) {
      return new EventNote("Warning", reason, message);
    }
  }
}
