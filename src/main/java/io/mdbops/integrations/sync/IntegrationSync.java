package io.mdbops.integrations.sync;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one resource: resolve (validation, connection, Secrets, ownership) → observe the
 * project → compare → write only when something differs. Makes no Kubernetes writes: the caller
 * turns the outcome into status and Events. Owns what it remembers about each resource between
 * passes and the drift watch registrations; {@link #forget} drops both.
 */
public final class IntegrationSync {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationSync.class);

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
    TargetResolver.Resolution resolution = targets.resolve(resource);
    if (resolution instanceof TargetResolver.Refused refused) {
      return refused.failure();
    }
    Target target = ((TargetResolver.Resolved) resolution).target();
    ProjectSnapshot snapshot;
    try {
      snapshot = snapshots.get(target.key(), () -> target.api().list(target.projectId()), snapshotMaxAge);
    } catch (ApiException e) {
      return failed(e);
    }
    return compareAndWrite(resource, target, snapshot.ofType(target.type()));
  }

  /** Drops what this pass layer keeps about a resource that is gone. */
  public void forget(ThirdPartyIntegration resource) {
    memory.forget(resource.getMetadata().getUid());
    driftWatch.unwatch(ResourceID.fromResource(resource));
  }

  private SyncOutcome compareAndWrite(ThirdPartyIntegration resource, Target target, Optional<IntegrationView> live) {
    DesiredIntegration desired = target.desired();
    String uid = resource.getMetadata().getUid();
    SyncMemory.Remembered remembered = memory.get(uid);
    LiveComparison.Echo echo = remembered == null ? null : remembered.echo();
    LiveComparison.Differences differences =
        LiveComparison.compare(desired, live, appliedVersions(resource.getStatus()), echo);
    long generation = generation(resource);
    if (!differences.any()) {
      memory.put(uid, new SyncMemory.Remembered(echo, generation));
      driftWatch.watch(resource, target.key(), target.api(), live.orElse(null));
      return new SyncOutcome.InSync(Change.None, differences, desired.secretVersions());
    }
    Change change = classify(resource, live.isPresent(), desired, remembered);
    long started = System.nanoTime();
    try {
      ProjectSnapshot written = snapshots.replace(target.key(), target.api().put(target.projectId(), desired.payload()));
      Optional<IntegrationView> echoed = written.ofType(target.type());
      memory.put(uid, new SyncMemory.Remembered(new LiveComparison.Echo(
          echoed.map(IntegrationView::fields).orElse(Map.of()), desired.secretVersions()), generation));
      driftWatch.watch(resource, target.key(), target.api(), echoed.orElse(null));
      LOG.info("PUT {} in project {}: {} in {} ms ({})", target.type(), target.projectId(), change,
          millisSince(started), differences);
      return new SyncOutcome.InSync(change, differences, desired.secretVersions());
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.THROTTLED) {
        snapshots.invalidate(target.key());
        LOG.info("PUT {} in project {}: failed in {} ms: {}", target.type(), target.projectId(),
            millisSince(started), e.getMessage());
      }
      // a refused write left the project as it was: wake this resource if that changes
      driftWatch.watch(resource, target.key(), target.api(), live.orElse(null));
      return failed(e);
    }
  }

  private static SyncOutcome failed(ApiException e) {
    if (e.kind() == ApiException.Kind.THROTTLED) {
      return new SyncOutcome.Deferred(e.retryAfter().orElse(Duration.ofSeconds(1)));
    }
    return ApiFailures.of(e);
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
    Long synced = remembered != null ? Long.valueOf(remembered.syncedGeneration()) : syncedGeneration(status);
    if (synced == null || synced != generation(resource)) {
      return Change.Updated;
    }
    if (!desired.secretVersions().equals(appliedVersions(status))) {
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

  static Map<String, String> appliedVersions(ThirdPartyIntegrationStatus status) {
    if (status == null || status.getAppliedSecrets() == null) {
      return Map.of();
    }
    return status.getAppliedSecrets().stream()
        .collect(Collectors.toMap(AppliedSecret::getName, AppliedSecret::getResourceVersion, (a, b) -> b));
  }

  private static long generation(ThirdPartyIntegration resource) {
    Long g = resource.getMetadata().getGeneration();
    return g == null ? 0L : g;
  }
}
