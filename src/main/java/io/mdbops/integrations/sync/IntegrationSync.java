package io.mdbops.integrations.sync;

import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.SecretSource;
import io.mdbops.integrations.connection.ApiClients;
import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.SecretUnavailableException;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one resource: validate → resolve (connection, Secrets, ownership) → observe the
 * project → compare → write only when something differs. Makes no Kubernetes writes: the caller
 * turns the outcome into status and Events.
 */
public final class IntegrationSync {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationSync.class);
  private static final Duration OWNER_LEAVING_RECHECK = Duration.ofSeconds(2);

  private final Function<ThirdPartyIntegration, List<String>> validator;
  private final BiFunction<String, String, Optional<String>> projectRefusal;
  private final ConnectionResolver connections;
  private final SecretSource secrets;
  private final Ownership ownership;
  private final ApiClients clients;
  private final ProjectSnapshots snapshots;
  private final SyncMemory memory;
  private final DriftWatch driftWatch;
  private final Duration snapshotMaxAge;

  /**
   * @param validator the spec's problems, one message each; empty when valid
   * @param projectRefusal (namespace, project id) → why the namespace may not target it, if so
   * @param snapshotMaxAge how old a project snapshot may be before a pass reads the project again;
   *     the drift watch refreshes snapshots every resync interval, so passes rarely need to
   */
  public IntegrationSync(
      Function<ThirdPartyIntegration, List<String>> validator,
      BiFunction<String, String, Optional<String>> projectRefusal,
      ConnectionResolver connections,
      SecretSource secrets,
      Ownership ownership,
      ApiClients clients,
      ProjectSnapshots snapshots,
      SyncMemory memory,
      DriftWatch driftWatch,
      Duration snapshotMaxAge) {
    this.validator = validator;
    this.projectRefusal = projectRefusal;
    this.connections = connections;
    this.secrets = secrets;
    this.ownership = ownership;
    this.clients = clients;
    this.snapshots = snapshots;
    this.memory = memory;
    this.driftWatch = driftWatch;
    this.snapshotMaxAge = snapshotMaxAge;
  }

  public SyncOutcome sync(ThirdPartyIntegration resource) {
    List<String> problems = validator.apply(resource);
    if (!problems.isEmpty()) {
      return SyncOutcome.Failed.of(ConditionReason.InvalidSpec, String.join("; ", problems));
    }
    Optional<String> refused =
        projectRefusal.apply(resource.getMetadata().getNamespace(), resource.getSpec().getProjectId());
    if (refused.isPresent()) {
      return SyncOutcome.Failed.of(ConditionReason.ProjectNotAllowed, refused.get());
    }
    ResolvedConnection connection;
    DesiredIntegration desired;
    IntegrationsApi api;
    try {
      connection = connections.resolve(resource);
      desired = DesiredIntegrations.build(
          resource.getSpec(), new SecretResolver(secrets, resource.getMetadata().getNamespace()));
      Optional<ThirdPartyIntegration> owner = ownership.otherOwner(resource, connection.baseUrl());
      if (owner.isPresent()) {
        SyncOutcome.Failed conflict = SyncOutcome.Failed.of(ConditionReason.Conflict, conflictMessage(resource, owner.get()));
        // an owner on its way out hands over within seconds: look again soon rather than at the next resync
        return owner.get().isMarkedForDeletion() ? conflict.recheckAfter(OWNER_LEAVING_RECHECK) : conflict;
      }
      api = clients.clientFor(connection);
    } catch (ConnectionUnavailableException e) {
      return SyncOutcome.Failed.of(e.reason(), e.getMessage());
    } catch (SecretUnavailableException e) {
      return SyncOutcome.Failed.of(e.reason(), e.getMessage());
    }
    return observeCompareWrite(resource, connection, api, desired);
  }

  private SyncOutcome observeCompareWrite(
      ThirdPartyIntegration resource,
      ResolvedConnection connection,
      IntegrationsApi api,
      DesiredIntegration desired) {
    String projectId = resource.getSpec().getProjectId();
    String type = desired.type().name();
    String uid = resource.getMetadata().getUid();
    ProjectKey key = ProjectKey.of(connection, projectId);
    ProjectSnapshot snapshot;
    try {
      snapshot = snapshots.get(key, () -> api.list(projectId), snapshotMaxAge);
    } catch (ApiException e) {
      return failed(e);
    }
    Optional<IntegrationView> live = snapshot.ofType(type);
    SyncMemory.Remembered remembered = memory.get(uid);
    LiveComparison.Differences differences = LiveComparison.compare(
        desired, live, appliedVersions(resource.getStatus()), remembered == null ? null : remembered.echo());
    long generation = generation(resource);
    if (!differences.any()) {
      remember(uid, remembered == null ? null : remembered.echo(), generation);
      driftWatch.watch(resource, key, api, live.orElse(null));
      return new SyncOutcome.InSync(Change.None, differences, desired.secretVersions());
    }
    Change change = classify(resource, live.isPresent(), desired, remembered);
    long started = System.nanoTime();
    try {
      ProjectSnapshot written = snapshots.replace(key, api.put(projectId, desired.payload()));
      Optional<IntegrationView> echoed = written.ofType(type);
      remember(uid, new LiveComparison.Echo(
          echoed.map(IntegrationView::fields).orElse(Map.of()), desired.secretVersions()), generation);
      driftWatch.watch(resource, key, api, echoed.orElse(null));
      LOG.info("PUT {} in project {}: {} in {} ms ({})", type, projectId, change, millisSince(started), differences);
      return new SyncOutcome.InSync(change, differences, desired.secretVersions());
    } catch (ApiException e) {
      if (e.kind() != ApiException.Kind.THROTTLED) {
        snapshots.invalidate(key);
        LOG.info("PUT {} in project {}: failed in {} ms: {}", type, projectId, millisSince(started), e.getMessage());
      }
      // a refused write left the project as it was: wake this resource if that changes
      driftWatch.watch(resource, key, api, live.orElse(null));
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

  private void remember(String uid, LiveComparison.Echo echo, long generation) {
    memory.put(uid, new SyncMemory.Remembered(echo, generation));
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

  private static String conflictMessage(ThirdPartyIntegration me, ThirdPartyIntegration owner) {
    return "the " + me.getSpec().getType() + " integration of project " + me.getSpec().getProjectId()
        + " is managed by the older resource " + Ownership.describe(owner)
        + "; this resource makes no API calls until that one is deleted";
  }
}
