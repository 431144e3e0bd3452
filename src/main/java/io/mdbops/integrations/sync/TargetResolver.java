package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.connection.ApiClients;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.connection.SecretReader;
import io.mdbops.integrations.connection.SecretUnavailableException;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The steps of a pass before any API call: validate the spec, check the namespace may target the
 * project, resolve the connection, check its product has the type and fields, read the referenced
 * Secrets, make sure no older resource owns the integration, and get the connection's client. Either all of it succeeds or the pass ends with the
 * first reason it cannot go on. An observed resource skips ownership (it never writes) and reads its
 * Secrets as far as they can be read.
 */
public final class TargetResolver {

  private static final Duration OWNER_LEAVING_RECHECK = Duration.ofSeconds(2);

  /** A target, or why the pass stops before the API. */
  sealed interface Resolution {}

  record Resolved(Target target) implements Resolution {}

  record Refused(SyncOutcome.Failed failure) implements Resolution {}

  private final Function<ThirdPartyIntegration, List<String>> validator;
  private final BiFunction<String, String, Optional<String>> projectRefusal;
  private final ConnectionResolver connections;
  private final SecretReader secrets;
  private final Ownership ownership;
  private final ApiClients clients;

  /**
   * @param validator the spec's problems, one message each; empty when valid
   * @param projectRefusal (namespace, project id) → why the namespace may not target it, if so
   */
  public TargetResolver(
      Function<ThirdPartyIntegration, List<String>> validator,
      BiFunction<String, String, Optional<String>> projectRefusal,
      ConnectionResolver connections,
      SecretReader secrets,
      Ownership ownership,
      ApiClients clients) {
    this.validator = validator;
    this.projectRefusal = projectRefusal;
    this.connections = connections;
    this.secrets = secrets;
    this.ownership = ownership;
    this.clients = clients;
  }

  Resolution resolve(ThirdPartyIntegration resource) {
    List<String> problems = validator.apply(resource);
    if (!problems.isEmpty()) {
      return refused(ConditionReason.InvalidSpec, String.join("; ", problems));
    }
    String namespace = resource.getMetadata().getNamespace();
    Optional<String> refusal = projectRefusal.apply(namespace, resource.getSpec().getProjectId());
    if (refusal.isPresent()) {
      return refused(ConditionReason.ProjectNotAllowed, refusal.get());
    }
    try {
      ResolvedConnection connection = connections.resolve(resource);
      List<String> unsupported = ProductSupport.problems(resource.getSpec(), connection.product());
      if (!unsupported.isEmpty()) {
        return refused(ConditionReason.InvalidSpec, String.join("; ", unsupported));
      }
      ProjectKey key = ProjectKey.of(connection, resource.getSpec().getProjectId());
      if (resource.getSpec().effectiveManagementPolicy() == ManagementPolicy.Observe) {
        // an observer owns nothing and needs no Secret to read: it compares what it can
        return new Resolved(observing(resource, connection, key));
      }
      SecretValues values = secrets.read(namespace, DesiredIntegrations.referencedSecrets(resource.getSpec()));
      DesiredIntegration desired =
          DesiredIntegrations.build(resource.getSpec(), values, connection.product().generation());
      Optional<ThirdPartyIntegration> owner = ownership.otherOwner(resource, connection.baseUrl());
      if (owner.isPresent()) {
        SyncOutcome.Failed conflict = SyncOutcome.Failed.of(ConditionReason.Conflict, conflictMessage(resource, owner.get()));
        // an owner on its way out hands over within seconds: look again soon rather than at the next resync
        return new Refused(owner.get().isMarkedForDeletion() ? conflict.recheckAfter(OWNER_LEAVING_RECHECK) : conflict);
      }
      IntegrationsApi api = clients.clientFor(connection);
      return new Resolved(new Target(connection, key, api, desired, Map.of()));
    } catch (ConnectionUnavailableException e) {
      return refused(e.reason(), e.getMessage());
    } catch (SecretUnavailableException e) {
      return refused(e.reason(), e.getMessage());
    }
  }

  /** The target of an observed resource: the Secrets that cannot be read are noted, not refused. */
  private Target observing(ThirdPartyIntegration resource, ResolvedConnection connection, ProjectKey key)
      throws ConnectionUnavailableException {
    ThirdPartyIntegrationSpec spec = resource.getSpec();
    SecretReader.Available read = secrets.readAvailable(resource.getMetadata().getNamespace(),
        DesiredIntegrations.referencedSecrets(spec));
    Map<String, String> unread = new LinkedHashMap<>();
    DesiredIntegrations.secretFieldRefs(spec).forEach((field, ref) -> {
      if (read.problems().containsKey(ref)) {
        unread.put(field, read.problems().get(ref));
      }
    });
    DesiredIntegration desired =
        DesiredIntegrations.buildAvailable(spec, read.values(), connection.product().generation());
    return new Target(connection, key, clients.clientFor(connection), desired, unread);
  }

  /** Why a deleted resource may not remove its integration through the API, if it may not. */
  Optional<String> projectRefusal(ThirdPartyIntegration resource) {
    return projectRefusal.apply(resource.getMetadata().getNamespace(), resource.getSpec().getProjectId());
  }

  /** The connection and client a deleted resource removes its integration with. */
  ResolvedConnection connection(ThirdPartyIntegration resource) throws ConnectionUnavailableException {
    return connections.resolve(resource);
  }

  /** For a deleted resource whose connection Secret is gone: the connection it last wrote through, if kept. */
  Optional<ResolvedConnection> remembered(ThirdPartyIntegration resource) {
    return connections.remembered(resource);
  }

  /** The resource wrote through this connection: keep it for the resource's removal. */
  void wrote(ThirdPartyIntegration resource, ResolvedConnection connection) {
    connections.wrote(resource, connection);
  }

  /** The resource is gone. */
  void forget(ThirdPartyIntegration resource) {
    connections.forget(resource);
  }

  IntegrationsApi client(ResolvedConnection connection) throws ConnectionUnavailableException {
    return clients.clientFor(connection);
  }

  Optional<ThirdPartyIntegration> otherOwner(ThirdPartyIntegration resource, ResolvedConnection connection) {
    return ownership.otherOwner(resource, connection.baseUrl());
  }

  private static Refused refused(ConditionReason reason, String message) {
    return new Refused(SyncOutcome.Failed.of(reason, message));
  }

  private static String conflictMessage(ThirdPartyIntegration me, ThirdPartyIntegration owner) {
    return "the " + me.getSpec().getType() + " integration of project " + me.getSpec().getProjectId()
        + " is managed by the older resource " + Ownership.describe(owner)
        + "; this resource makes no API calls until that one is deleted";
  }
}
