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
 * (then no API call at all).
 */
public final class IntegrationRemoval {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationRemoval.class);
  private static final String RETAIN_HINT =
      "set spec.deletionPolicy to Retain to delete this resource without removing the integration";

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
    ResolvedConnection connection;
    IntegrationsApi api;
    try {
      connection = targets.connection(resource);
      Optional<ThirdPartyIntegration> owner = targets.otherOwner(resource, connection);
      if (owner.isPresent()) {
        return new RemovalOutcome.Left(what + " is managed by " + Ownership.describe(owner.get())
            + ", so it was left in place");
      }
      api = targets.client(connection);
    } catch (ConnectionUnavailableException e) {
      return new RemovalOutcome.Failed(e.reason(),
          "cannot remove " + what + ": " + e.getMessage() + " (or " + RETAIN_HINT + ")", Optional.empty());
    }
    ProjectKey key = ProjectKey.of(connection, spec.getProjectId());
    try {
      long started = System.nanoTime();
      boolean existed = api.delete(spec.getProjectId(), spec.getType().name());
      LOG.info("DELETE {} in project {}: {} in {} ms", spec.getType(), spec.getProjectId(),
          existed ? "Deleted" : "was not configured", (System.nanoTime() - started) / 1_000_000);
      return new RemovalOutcome.Removed(existed);
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.THROTTLED) {
        return new RemovalOutcome.Failed(ConditionReason.RateLimited,
            "waiting for the operator's per-project request budget to remove " + what, Optional.of(e));
      }
      return new RemovalOutcome.Failed(ApiFailures.of(e).reason(),
          "removing " + what + " failed: " + e.getMessage() + "; retrying (" + RETAIN_HINT + ")", Optional.of(e));
    } finally {
      snapshots.invalidate(key);
    }
  }
}
