package io.mdbops.integrations.sync;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.connection.ApiClients;
import io.mdbops.integrations.connection.ConnectionMemory;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.connection.SecretReader;
import io.mdbops.integrations.controller.StatusBuilder;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.MapSecrets;
import io.mdbops.integrations.testing.MutableClock;
import io.mdbops.integrations.validation.SpecValidator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The operator's core (resolution, sync, removal, drift watch) wired as production wires it, over
 * an in-memory API and a map of Secrets: a pass takes microseconds and every call is visible.
 */
public final class CoreRig {

  public static final String NS = "team";
  public static final String CONNECTION = "api";
  public static final String BASE_URL = "https://om.example.com";
  public static final String OPERATOR_NS = "ops";
  public static final String DEFAULT_CONNECTION = "default-api";
  public static final Duration RESYNC = Duration.ofMinutes(5);

  public final MapSecrets secrets = new MapSecrets();
  public final FakeIntegrationsApi api = new FakeIntegrationsApi();
  public final MutableClock clock = new MutableClock();
  public final List<ThirdPartyIntegration> resources = new CopyOnWriteArrayList<>();
  public final List<ResourceID> woken = new CopyOnWriteArrayList<>();
  public final Map<String, String> refusedProjects = new HashMap<>();
  public final Set<String> defaultConnectionNamespaces = new java.util.HashSet<>();
  public final ProjectSnapshots snapshots = new ProjectSnapshots(clock);
  public final DriftWatch driftWatch = new DriftWatch(snapshots, RESYNC, woken::add, 2);
  public final StatusBuilder statuses = new StatusBuilder(clock);
  public final ApiClients clients = new ApiClients(connection -> api);
  public final ConnectionResolver connections;
  /** What the resolver keeps of the connections resources wrote through. */
  public final ConnectionMemory connectionMemory = new ConnectionMemory();
  public final TargetResolver targets;
  public final IntegrationSync sync;
  public final IntegrationRemoval removal;

  public CoreRig() {
    SpecValidator validator = new SpecValidator();
    connections = new ConnectionResolver(secrets,
        new EndpointPolicy(List.of(URI.create(BASE_URL))), OPERATOR_NS, DEFAULT_CONNECTION,
        defaultConnectionNamespaces::contains, connectionMemory);
    targets = new TargetResolver(validator::validate,
        (ns, project) -> Optional.ofNullable(refusedProjects.get(ns + "/" + project)),
        connections, new SecretReader(secrets),
        new Ownership(this::targeting, r -> validator.validate(r).isEmpty(), connections), clients);
    sync = new IntegrationSync(targets, snapshots, driftWatch, RESYNC.multipliedBy(2));
    removal = new IntegrationRemoval(targets, snapshots);
    secrets.put(NS, CONNECTION, Map.of("publicKey", "pub", "privateKey", Fixtures.secretValue("priv"), "baseUrl", BASE_URL));
  }

  private List<ThirdPartyIntegration> targeting(String projectId, String type) {
    List<ThirdPartyIntegration> found = new ArrayList<>();
    for (ThirdPartyIntegration r : resources) {
      if (projectId.equals(r.getSpec().getProjectId()) && r.getSpec().getType() != null
          && type.equals(r.getSpec().getType().name())) {
        found.add(r);
      }
    }
    return found;
  }

  /** A new project in the API. */
  public String project() {
    String id = Fixtures.projectId();
    api.project(id);
    return id;
  }

  /** A valid resource of {@code type} with its credentials Secret, known to the resource cache. */
  public ThirdPartyIntegration resource(String name, IntegrationType type, String projectId) {
    ThirdPartyIntegration r = new ThirdPartyIntegration();
    r.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).withUid(UUID.randomUUID().toString())
        .withGeneration(1L).withCreationTimestamp(clock.instant().toString()).build());
    r.setSpec(SampleIntegrations.spec(type, projectId, CONNECTION, Fixtures.credentialsSecretName(name)));
    secrets.put(NS, Fixtures.credentialsSecretName(name), Fixtures.credentials(type));
    resources.add(r);
    clock.advance(Duration.ofSeconds(1));
    return r;
  }

  /** One pass, and its status written back as the controller would write it. */
  public SyncOutcome pass(ThirdPartyIntegration r) {
    SyncOutcome outcome = sync.sync(r);
    if (outcome instanceof SyncOutcome.InSync s) {
      r.setStatus(statuses.synced(r, s.change(), s.appliedSecretVersions(), s.written(), s.apiProfile()));
    } else if (outcome instanceof SyncOutcome.Observed o) {
      r.setStatus(statuses.observed(r, o.observation()));
    } else if (outcome instanceof SyncOutcome.NotHeld n) {
      r.setStatus(statuses.notHeld(r, n));
    } else if (outcome instanceof SyncOutcome.Failed f) {
      r.setStatus(statuses.failed(r, f.reason(), f.message()));
    }
    return outcome;
  }

  /** A pass that must end in sync; returns what it did. */
  public Change synced(ThirdPartyIntegration r) {
    SyncOutcome outcome = pass(r);
    if (!(outcome instanceof SyncOutcome.InSync s)) {
      throw new AssertionError("not in sync: " + outcome);
    }
    return s.change();
  }

  /** A pass over an observed resource, which must compare (and so never fail for its Secrets). */
  public Observation observed(ThirdPartyIntegration r) {
    SyncOutcome outcome = pass(r);
    if (!(outcome instanceof SyncOutcome.Observed o)) {
      throw new AssertionError("not observed: " + outcome);
    }
    return o.observation();
  }

  /** The reason of a pass that must fail. */
  public static ConditionReason reason(SyncOutcome outcome) {
    if (!(outcome instanceof SyncOutcome.Failed f)) {
      throw new AssertionError("did not fail: " + outcome);
    }
    return f.reason();
  }

  /** A spec edit: the generation moves on, as the API server does. */
  public void edit(ThirdPartyIntegration r, java.util.function.Consumer<ThirdPartyIntegration> change) {
    change.accept(r);
    r.getMetadata().setGeneration(r.getMetadata().getGeneration() + 1);
  }

  /** Lets the project snapshots age past what passes reuse. */
  public void later() {
    clock.advance(RESYNC.multipliedBy(3));
  }
}
