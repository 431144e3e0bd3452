package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a resource does to its integration: with {@code Delete}, remove it from the
 * project, unless this resource never wrote it, another resource manages it, or it only observes it
 * (then no API call at all). A connection Secret deleted before the resource (as a namespace's
 * deletion does) is stood in for by the connection the resource last wrote through, while this
 * process kept it; a project that no longer exists holds no integration, so it counts as removed.
 */
public final class IntegrationRemoval {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationRemoval.class);
  /**
   * The one answer that says the project itself is gone. NOT_IN_GROUP ("not in the group, or the
   * group does not exist") cannot tell a deleted project from a key that lost it, ATLAS_GROUP names
   * a project that exists, and INVALID_GROUP_ID a malformed id: none of them counts.
   */
  private static final String PROJECT_GONE = "GROUP_NOT_FOUND";

  private final TargetResolver targets;
  private final ProjectSnapshots snapshots;

  public IntegrationRemoval(TargetResolver targets, ProjectSnapshots snapshots) {
    this.targets = targets;
    this.snapshots = snapshots;
  }

  public RemovalOutcome remove(ThirdPartyIntegration resource) {
    var spec = resource.getSpec();
    if (spec == null || spec.getProjectId() == null || spec.getType() == null) {
      return new RemovalOutcome.Left("the spec names no project and type, so nothing was removed");
    }
    String what = "the " + spec.getType() + " integration of project " + spec.getProjectId();
    if (spec.effectiveManagementPolicy() == ManagementPolicy.Observe) {
      return new RemovalOutcome.Left("managementPolicy is Observe: " + what + " was left in place, untouched");
    }
    if (spec.effectiveDeletionPolicy() == DeletionPolicy.Retain) {
      return new RemovalOutcome.Left("deletionPolicy is Retain: " + what + " was left in place");
    }
    if (resource.getStatus() == null || resource.getStatus().getLastAppliedTime() == null) {
      return new RemovalOutcome.Left("this resource never wrote " + what + ", so it removed nothing");
    }
    Optional<String> refused = targets.projectRefusal(resource);
    if (refused.isPresent()) {
      return new RemovalOutcome.Left(refused.get() + "; " + what + " was left in place");
    }
    Optional<ResolvedConnection> kept = targets.remembered(resource);
    ResolvedConnection connection;
    IntegrationsApi api;
    try {
      connection = kept.isPresent() ? kept.get() : targets.connection(resource);
      Optional<ThirdPartyIntegration> owner = targets.otherOwner(resource, connection);
      if (owner.isPresent()) {
        return new RemovalOutcome.Left(what + " is managed by " + Ownership.describe(owner.get())
            + ", so it was left in place");
      }
      api = targets.client(connection);
    } catch (ConnectionUnavailableException e) {
      return new RemovalOutcome.Failed(e.reason(), "cannot remove " + what + ": " + e.getMessage(), Optional.empty());
    }
    Optional<String> through = kept.map(c -> "through connection Secret " + c.secretId()
        + " as the operator kept it from this resource's last write (the Secret was deleted first)");
    ProjectKey key = ProjectKey.of(connection, spec.getProjectId());
    try {
      long started = System.nanoTime();
      boolean existed = api.delete(spec.getProjectId(), spec.getType().name());
      LOG.info("DELETE {} in project {}: {} in {} ms{}", spec.getType(), spec.getProjectId(),
          existed ? "Deleted" : "was not configured", (System.nanoTime() - started) / 1_000_000,
          through.map(t -> ", " + t).orElse(""));
      return new RemovalOutcome.Removed(existed, through);
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.THROTTLED) {
        return new RemovalOutcome.Failed(ConditionReason.RateLimited,
            "waiting for the operator's per-project request budget to remove " + what, Optional.of(e));
      }
      if (e.httpStatus() == 404 && PROJECT_GONE.equals(e.errorCode())) {
        LOG.info("DELETE {} in project {}: the project no longer exists ({}), so neither does the integration",
            spec.getType(), spec.getProjectId(), PROJECT_GONE);
        return new RemovalOutcome.Removed(false, Optional.of("project " + spec.getProjectId()
            + " no longer exists at " + connection.baseUrl() + " (the API answered " + PROJECT_GONE
            + "), and its integrations went with it"));
      }
      SyncOutcome.Failed failure = ApiFailures.of(e);
      return new RemovalOutcome.Failed(failure.reason(), "removing " + what + " failed: " + failure.message(),
          Optional.of(e));
    } finally {
      snapshots.invalidate(key);
    }
  }
}
