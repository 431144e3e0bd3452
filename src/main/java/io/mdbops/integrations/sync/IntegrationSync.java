package io.mdbops.integrations.sync;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mdbops.integrations.api.v1alpha1.ApiProfileStatus;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.connection.ConnectionProfile;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.MeasuredBehaviour;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one resource: resolve (validation, connection, Secrets, ownership) → observe the
 * project → compare → write only when something differs → verify the API's answer holds what was
 * written. An observed resource (management policy Observe) stops after the comparison. Makes no
 * Kubernetes writes: the caller turns the outcome into status and Events. Owns what it remembers
 * about each resource between passes and the drift watch registrations, and tells the connection
 * resolver which connection a resource wrote through (for its removal); {@link #forget} drops all
 * three.
 */
public final class IntegrationSync {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationSync.class);
  /** How soon to look again when the API accepted a write but its answer does not list it yet. */
  private static final Duration NOT_LISTED_RECHECK = Duration.ofSeconds(5);

  private final TargetResolver targets;
  private final ProjectSnapshots snapshots;
  private final SyncMemory memory = new SyncMemory();
  private final DriftWatch driftWatch;
  private final Duration snapshotMaxAge;

  /**
   * @param snapshotMaxAge how old a project snapshot may be before a pass reads the project again;
   *     the drift watch refreshes snapshots every resync interval, so passes rarely need to
   */
  public IntegrationSync(
      TargetResolver targets, ProjectSnapshots snapshots, DriftWatch driftWatch, Duration snapshotMaxAge) {
    this.targets = targets;
    this.snapshots = snapshots;
    this.driftWatch = driftWatch;
    this.snapshotMaxAge = snapshotMaxAge;
  }

  public SyncOutcome sync(ThirdPartyIntegration resource) {
    return sync(resource, BeforeWrite.NOTHING);
  }

  /** @param beforeWrite runs just before this pass writes to the project, if it does */
  public SyncOutcome sync(ThirdPartyIntegration resource, BeforeWrite beforeWrite) {
    TargetResolver.Resolution resolution = targets.resolve(resource);
    if (resolution instanceof TargetResolver.Refused refused) {
      return refused.failure();
    }
    Target target = ((TargetResolver.Resolved) resolution).target();
    if (resource.getStatus() != null && resource.getStatus().getLastAppliedTime() != null) {
      targets.wrote(resource, target.connection()); // also after a restart: removal may need it
    }
    ProjectSnapshot snapshot;
    try {
      snapshot = snapshots.get(target.key(), target.connection().clientKey(),
          () -> target.api().list(target.projectId()), snapshotMaxAge);
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.THROTTLED) {
        driftWatch.watchFailing(resource, target); // the next good read of the project wakes it
      }
      return failed(e, target, false);
    }
    Optional<IntegrationView> live = snapshot.ofType(target.type());
    if (resource.getSpec().effectiveManagementPolicy() == ManagementPolicy.Observe) {
      return observe(resource, target, live);
    }
    return compareAndWrite(resource, target, live, beforeWrite);
  }

  /**
   * Observe only: compares and reports, never writes. The drift watch wakes the resource whenever the
   * project's integration changes, so what the status says stays current.
   */
  private SyncOutcome observe(ThirdPartyIntegration resource, Target target, Optional<IntegrationView> live) {
    Observation observation = Observation.of(target.desired(), live, target.unreadSecrets(),
        LiveComparison.Applied.of(resource.getStatus()));
    driftWatch.watch(resource, target, live);
    return new SyncOutcome.Observed(observation);
  }

  /** Drops what this pass layer keeps about a resource that is gone, the connection it wrote through included. */
  public void forget(ThirdPartyIntegration resource) {
    memory.forget(resource.getMetadata().getUid());
    targets.forget(resource);
    driftWatch.unwatch(ResourceID.fromResource(resource));
  }

  private SyncOutcome compareAndWrite(ThirdPartyIntegration resource, Target target, Optional<IntegrationView> live,
      BeforeWrite beforeWrite) {
    DesiredIntegration desired = target.desired();
    String uid = resource.getMetadata().getUid();
    long generation = generation(resource);
    LiveComparison.Applied applied = LiveComparison.Applied.of(resource.getStatus());
    MeasuredBehaviour measured = target.connection().behaviour();
    LiveComparison.Differences differences = LiveComparison.compare(desired, live, applied, measured);
    if (!differences.any()) {
      memory.synced(uid, generation);
      driftWatch.watch(resource, target, live);
      return new SyncOutcome.InSync(Change.None, differences, desired.secretVersions(), Optional.empty(),
          profileOf(target));
    }
    Optional<String> stillNotHeld = stillNotHeld(resource, uid, generation, desired, live);
    if (stillNotHeld.isPresent()) {
      driftWatch.watch(resource, target, live);
      return SyncOutcome.Failed.of(ConditionReason.FieldNotApplied, stillNotHeld.get());
    }
    Change change = classify(resource, live.isPresent(), desired, memory.get(uid));
    Set<String> clearing = LiveComparison.toClear(desired, live, applied);
    IntegrationPayload payload = desired.payloadClearing(clearing, measured);
    beforeWrite.prepare();
    long started = System.nanoTime();
    Optional<IntegrationView> echoed;
    try {
      // Atlas v2 creates with POST and only updates with PUT; v1.0's PUT does either
      ProjectSnapshot written = snapshots.replace(target.key(), live.isEmpty()
          ? target.api().create(target.projectId(), payload) : target.api().put(target.projectId(), payload));
      echoed = written.ofType(target.type());
      if (echoed.isEmpty()) {
        // some servers leave a just-written integration out of the list they answer with
        echoed = target.api().get(target.projectId(), target.type());
      }
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.THROTTLED) {
        snapshots.invalidate(target.key());
        LOG.info("PUT {} in project {}: failed in {} ms: {}", target.type(), target.projectId(),
            millisSince(started), e.getMessage());
      }
      // a refused write left the project as it was: wake this resource if that changes
      driftWatch.watch(resource, target, live);
      return failed(e, target, live.isEmpty());
    }
    LOG.info("PUT {} in project {}: {} in {} ms ({}{})", target.type(), target.projectId(), change,
        millisSince(started), differences, clearing.isEmpty() ? "" : "; cleared " + String.join(", ", clearing));
    targets.wrote(resource, target.connection());
    if (echoed.isEmpty()) {
      snapshots.invalidate(target.key());
      driftWatch.watchFailing(resource, target);
      return SyncOutcome.Failed.of(ConditionReason.Reconciling, "the API accepted the " + target.type()
          + " integration but does not list it yet; looking again shortly").recheckAfter(NOT_LISTED_RECHECK);
    }
    return verified(resource, target, change, differences, payload, echoed.get());
  }

  /** Judges the API's answer to a write: the resource is in sync only if the answer holds what was sent. */
  private SyncOutcome verified(ThirdPartyIntegration resource, Target target, Change change,
      LiveComparison.Differences differences, IntegrationPayload payload, IntegrationView echoed) {
    DesiredIntegration desired = target.desired();
    String uid = resource.getMetadata().getUid();
    SyncOutcome.Written written = new SyncOutcome.Written(
        payload.fields().entrySet().stream().filter(e -> !"".equals(e.getValue())).map(Map.Entry::getKey).toList(),
        LiveComparison.masksShown(desired, echoed));
    driftWatch.watch(resource, target, Optional.of(echoed));
    List<LiveComparison.Mismatch> mismatches = LiveComparison.verify(desired, echoed);
    if (mismatches.isEmpty()) {
      memory.synced(uid, generation(resource));
      return new SyncOutcome.InSync(change, differences, desired.secretVersions(), Optional.of(written),
          profileOf(target));
    }
    String message = NotHeldMessage.of(target, mismatches);
    LOG.info("PUT {} in project {}: the answer does not hold what was sent: {}", target.type(), target.projectId(),
        message);
    memory.notHeld(uid, new SyncMemory.NotHeld(generation(resource), desired.secretVersions(), Optional.of(echoed),
        message));
    return new SyncOutcome.NotHeld(change, desired.secretVersions(), written, message, profileOf(target));
  }

  /**
   * When the last write was not held and nothing has changed since (spec, Secrets, project), the
   * reason it stands, so the pass reports it again instead of writing again. After a restart the
   * status says so, for the spec generation and Secrets it was written with.
   */
  private Optional<String> stillNotHeld(ThirdPartyIntegration resource, String uid, long generation,
      DesiredIntegration desired, Optional<IntegrationView> live) {
    SyncMemory.Remembered remembered = memory.get(uid);
    if (remembered != null && remembered.notHeld() != null) {
      SyncMemory.NotHeld last = remembered.notHeld();
      return last.sameSituation(generation, desired.secretVersions(), live) ? Optional.of(last.message())
          : Optional.empty();
    }
    ThirdPartyIntegrationStatus status = resource.getStatus();
    Optional<Condition> ready = status == null ? Optional.empty() : status.ready();
    if (remembered == null && ready.isPresent() && ready.get().getReason() == ConditionReason.FieldNotApplied
        && Long.valueOf(generation).equals(ready.get().getObservedGeneration())
        && desired.secretVersions().equals(LiveComparison.Applied.of(status).secretVersions())) {
      memory.notHeld(uid, new SyncMemory.NotHeld(generation, desired.secretVersions(), live, ready.get().getMessage()));
      return Optional.of(ready.get().getMessage());
    }
    return Optional.empty();
  }

  /** The doctor profile the pass compared and wrote by, for the status. */
  private static Optional<ApiProfileStatus> profileOf(Target target) {
    return target.connection().profile().map(ConnectionProfile::status);
  }

  private static SyncOutcome failed(ApiException e, Target target, boolean creating) {
    if (e.kind() == ApiException.Kind.THROTTLED) {
      return new SyncOutcome.Deferred(e.retryAfter().orElse(Duration.ofSeconds(1)));
    }
    return ApiFailures.of(e, target.connection().product(), target.desired().type(), creating);
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /**
   * Why this write is needed. Drift is a difference our side did not cause: the spec generation and
   * the Secrets are the ones last brought in sync.
   */
  static Change classify(
      ThirdPartyIntegration resource, boolean liveExists, DesiredIntegration desired, SyncMemory.Remembered remembered) {
    ThirdPartyIntegrationStatus status = resource.getStatus();
    if (status == null || status.getLastAppliedTime() == null) {
      return liveExists ? Change.Adopted : Change.Created;
    }
    Long synced = remembered != null && remembered.syncedGeneration() >= 0
        ? Long.valueOf(remembered.syncedGeneration()) : syncedGeneration(status);
    if (synced == null || synced != generation(resource)) {
      return Change.Updated;
    }
    if (!desired.secretVersions().equals(LiveComparison.Applied.of(status).secretVersions())) {
      return Change.SecretRotated;
    }
    return Change.DriftCorrected;
  }

  private static Long syncedGeneration(ThirdPartyIntegrationStatus status) {
    return status.ready()
        .filter(c -> Condition.TRUE.equals(c.getStatus()) && c.getReason() == ConditionReason.Synced)
        .map(Condition::getObservedGeneration)
        .orElse(null);
  }

  private static long generation(ThirdPartyIntegration resource) {
    Long g = resource.getMetadata().getGeneration();
    return g == null ? 0L : g;
  }
}
