package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import io.mdbops.integrations.sync.ApiClients;
import io.mdbops.integrations.sync.ConnectionResolver;
import io.mdbops.integrations.sync.DriftWatch;
import io.mdbops.integrations.sync.EndpointPolicy;
import io.mdbops.integrations.sync.IntegrationRemoval;
import io.mdbops.integrations.sync.IntegrationSync;
import io.mdbops.integrations.sync.Ownership;
import io.mdbops.integrations.sync.ProjectSnapshots;
import io.mdbops.integrations.sync.SyncMemory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The composition root: builds every collaborator from the configuration and registers the
 * reconciler with a JOSDK {@link Operator}. Used by the {@code run} and {@code sandbox} commands and
 * by the end-to-end tests, so that what the tests run is what production runs.
 */
public final class OperatorAssembly implements AutoCloseable {

  private final Operator operator;
  private final DriftWatch driftWatch;
  private final ApiClients clients;

  private OperatorAssembly(Operator operator, DriftWatch driftWatch, ApiClients clients) {
    this.operator = operator;
    this.driftWatch = driftWatch;
    this.clients = clients;
  }

  /**
   * @param validator the spec's problems, one message each
   * @param identity this replica's name (Lease holder, Event reporting instance)
   */
  public static OperatorAssembly create(
      KubernetesClient client,
      OperatorConfig config,
      IntegrationsApiFactory apiFactory,
      Function<ThirdPartyIntegration, List<String>> validator,
      Clock clock,
      String identity) {
    ResourceIndex index = new ResourceIndex(config.operatorNamespace(), config.defaultConnectionSecret());
    EndpointPolicy endpoints = new EndpointPolicy(config.allowedBaseUrls());
    Set<String> defaultUsers = config.defaultConnectionNamespaces();
    ConnectionResolver connections = new ConnectionResolver(
        index::secret,
        endpoints,
        config.operatorNamespace(),
        config.defaultConnectionSecret(),
        ns -> defaultUsers.contains("*") || defaultUsers.contains(ns));
    ApiClients clients = new ApiClients(apiFactory);
    ProjectSnapshots snapshots = new ProjectSnapshots(clock);
    SyncMemory memory = new SyncMemory();
    WakeUpSource wakeUps = new WakeUpSource();
    DriftWatch driftWatch = new DriftWatch(
        snapshots, config.resyncInterval(), wakeUps::wake, Math.max(2, config.maxConcurrentReconciles() / 2));
    Ownership ownership = new Ownership(index::targeting, r -> baseUrlOf(r, validator, connections));
    IntegrationSync sync = new IntegrationSync(
        validator, connections, index::secret, ownership, clients, snapshots, memory, driftWatch,
        config.resyncInterval().multipliedBy(2));
    IntegrationRemoval removal = new IntegrationRemoval(connections, ownership, clients, snapshots);
    ThirdPartyIntegrationReconciler reconciler = new ThirdPartyIntegrationReconciler(
        index,
        secretNamespaces(config),
        sync,
        removal,
        new StatusBuilder(clock),
        new EventRecorder(client, clock, identity),
        new RetryPolicy(config.resyncInterval()),
        driftWatch,
        wakeUps,
        memory);

    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          // status and finalizer writes use JSON patch everywhere, so tests run what production runs
          .withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(config.maxConcurrentReconciles());
      if (config.leaderElection()) {
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder
            .aLeaderElectionConfiguration(config.leaseName())
            .withLeaseNamespace(config.operatorNamespace())
            .withIdentity(identity)
            .build());
      }
    });
    operator.register(reconciler, o -> {
      if (config.watchesAllNamespaces()) {
        o.watchingAllNamespaces();
      } else {
        o.settingNamespaces(config.watchNamespaces());
      }
      if (!config.labelSelector().isEmpty()) {
        o.withLabelSelector(config.labelSelector());
      }
      o.withRetry(new GenericRetry()
          .setInitialInterval(Duration.ofSeconds(2).toMillis())
          .setIntervalMultiplier(2)
          .setMaxInterval(Duration.ofMinutes(5).toMillis())
          .withoutMaxAttempts());
    });
    return new OperatorAssembly(operator, driftWatch, clients);
  }

  /** The endpoint a resource writes to, or empty when it cannot write (so it owns nothing). */
  private static Optional<String> baseUrlOf(
      ThirdPartyIntegration r,
      Function<ThirdPartyIntegration, List<String>> validator,
      ConnectionResolver connections) {
    if (r.getSpec() == null || !validator.apply(r).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(connections.resolve(r).baseUrl());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Set<String> secretNamespaces(OperatorConfig config) {
    if (config.watchesAllNamespaces()) {
      return Set.of();
    }
    Set<String> namespaces = new HashSet<>(config.watchNamespaces());
    namespaces.add(config.operatorNamespace());
    return namespaces;
  }

  public void start() {
    operator.start();
    driftWatch.start();
  }

  public Operator operator() {
    return operator;
  }

  public DriftWatch driftWatch() {
    return driftWatch;
  }

  public ApiClients clients() {
    return clients;
  }

  @Override
  public void close() {
    driftWatch.close();
    operator.stop();
  }
}
