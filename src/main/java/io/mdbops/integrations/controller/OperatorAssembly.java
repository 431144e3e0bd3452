package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.metrics.HealthAndMetricsServer;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import io.mdbops.integrations.connection.ApiClients;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.sync.DriftWatch;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.sync.IntegrationRemoval;
import io.mdbops.integrations.sync.IntegrationSync;
import io.mdbops.integrations.sync.Ownership;
import io.mdbops.integrations.sync.ProjectSnapshots;
import io.mdbops.integrations.sync.SyncMemory;
import io.mdbops.integrations.tenancy.NamespacePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every collaborator from the configuration and registers the
 * reconciler with a JOSDK {@link Operator}. Used by the {@code run} and {@code sandbox} commands and
 * by the end-to-end tests, so that what the tests run is what production runs.
 */
public final class OperatorAssembly implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorAssembly.class);

  private final Operator operator;
  private final DriftWatch driftWatch;
  private final ApiClients clients;
  private final OperatorMetrics metrics;
  private final int httpPort;
  private final LeadershipGuard leadership;
  private final ResourceIndex index;
  private final NamespacePolicy namespaces;
  private final KubernetesClient client;
  private final WakeUpSource wakeUps;
  private final EventRecorder events;
  private final ThirdPartyIntegrationReconciler reconciler;
  private final Duration resyncInterval;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "secret-sweep");
    t.setDaemon(true);
    return t;
  });
  private HealthAndMetricsServer http;

  private OperatorAssembly(
      Operator operator,
      DriftWatch driftWatch,
      ApiClients clients,
      OperatorMetrics metrics,
      int httpPort,
      LeadershipGuard leadership,
      ResourceIndex index,
      NamespacePolicy namespaces,
      KubernetesClient client,
      WakeUpSource wakeUps,
      EventRecorder events,
      ThirdPartyIntegrationReconciler reconciler,
      Duration resyncInterval) {
    this.operator = operator;
    this.driftWatch = driftWatch;
    this.clients = clients;
    this.metrics = metrics;
    this.httpPort = httpPort;
    this.leadership = leadership;
    this.index = index;
    this.namespaces = namespaces;
    this.client = client;
    this.wakeUps = wakeUps;
    this.events = events;
    this.reconciler = reconciler;
    this.resyncInterval = resyncInterval;
  }

  /** Waits until the Events recorded so far are written (they are written in the background). */
  public void flushEvents() {
    events.flush(Duration.ofSeconds(5));
  }

  /** As the full form, with metrics of its own (the API client factory then reports to nobody). */
  public static OperatorAssembly create(
      KubernetesClient client,
      OperatorConfig config,
      IntegrationsApiFactory apiFactory,
      Function<ThirdPartyIntegration, List<String>> validator,
      Clock clock,
      String identity) {
    return create(client, config, apiFactory, validator, clock, identity,
        new OperatorMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock));
  }

  /**
   * @param validator the spec's problems, one message each
   * @param identity this replica's name (Lease holder, Event reporting instance)
   * @param metrics where everything is counted; also the API client factory's call listener
   */
  public static OperatorAssembly create(
      KubernetesClient client,
      OperatorConfig config,
      IntegrationsApiFactory apiFactory,
      Function<ThirdPartyIntegration, List<String>> validator,
      Clock clock,
      String identity,
      OperatorMetrics metrics) {
    ResourceIndex index = new ResourceIndex(config.operatorNamespace(), config.defaultConnectionSecret());
    EndpointPolicy endpoints = new EndpointPolicy(config.allowedBaseUrls());
    NamespacePolicy namespaces = new NamespacePolicy(
        config.defaultConnectionNamespaces(),
        config.defaultConnectionNamespaceSelector(),
        config.namespaceProjects(),
        config.projectsFromNamespaceAnnotation());
    ConnectionResolver connections = new ConnectionResolver(
        index::secret,
        endpoints,
        config.operatorNamespace(),
        config.defaultConnectionSecret(),
        namespaces::mayUseDefaultConnection);
    ApiClients clients = new ApiClients(apiFactory);
    ProjectSnapshots snapshots = new ProjectSnapshots(clock);
    SyncMemory memory = new SyncMemory();
    WakeUpSource wakeUps = new WakeUpSource();
    DriftWatch driftWatch = new DriftWatch(
        snapshots, config.resyncInterval(), wakeUps::wake, Math.max(2, config.maxConcurrentReconciles() / 2));
    Ownership ownership = new Ownership(index::targeting, r -> baseUrlOf(r, validator, connections));
    IntegrationSync sync = new IntegrationSync(
        validator, namespaces::projectRefusal, connections, index::secret, ownership, clients, snapshots, memory,
        driftWatch, config.resyncInterval().multipliedBy(2));
    IntegrationRemoval removal = new IntegrationRemoval(
        namespaces::projectRefusal, connections, ownership, clients, snapshots);
    EventRecorder events = new EventRecorder(client, clock, identity);
    ThirdPartyIntegrationReconciler reconciler = new ThirdPartyIntegrationReconciler(
        index,
        secretNamespaces(config),
        sync,
        removal,
        new StatusBuilder(clock),
        events,
        new RetryPolicy(config.resyncInterval()),
        driftWatch,
        wakeUps,
        memory,
        metrics);

    LeadershipGuard leadership = new LeadershipGuard(client, config, identity);
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          // status and finalizer writes use JSON patch everywhere, so tests run what production runs
          .withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(config.maxConcurrentReconciles())
          .withResourceCloner(new UnreadableSpecPreservingCloner(client))
          .withMetrics(config.perResourceMetrics()
              ? MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(metrics.registry()).build()
              : MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()));
      if (config.leaderElection()) {
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder
            .aLeaderElectionConfiguration(config.leaseName())
            .withLeaseNamespace(config.operatorNamespace())
            .withIdentity(identity)
            .withLeaseDuration(config.leaseDuration())
            .withRenewDeadline(config.leaseRenewDeadline())
            .withRetryPeriod(config.leaseRetryPeriod())
            // JOSDK's own exit would run inside our shutdown hook and block it; LeadershipGuard decides
            .withExitOnStopLeading(false)
            .withLeaderCallbacks(new LeaderCallbacks(
                () -> metrics.leading(true), () -> {
                  metrics.leading(false);
                  leadership.stoppedLeading();
                }, leader -> { }))
            .build());
      } else {
        metrics.leading(true);
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
    OperatorAssembly assembly = new OperatorAssembly(operator, driftWatch, clients, metrics, config.httpPort(),
        leadership, index, namespaces, client, wakeUps, events, reconciler, config.resyncInterval());
    leadership.onLost(assembly::close);
    return assembly;
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

  /** Serves the probes and metrics first (so liveness answers while caches sync), then the operator. */
  public void start() {
    startHttp();
    // a Namespace's labels or annotation decide what its resources may do: look again when they change
    namespaces.start(client, ns -> index.inNamespace(ns).forEach(wakeUps::wake));
    operator.start();
    driftWatch.start();
    reconciler.sweepUnreferencedSecrets();
    sweeper.scheduleWithFixedDelay(reconciler::sweepUnreferencedSecrets,
        resyncInterval.toMillis(), resyncInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Serves /metrics, /healthz and /readyz (idempotent); {@link #start()} does it first anyway. */
  public synchronized void startHttp() {
    if (httpPort > 0 && http == null) {
      try {
        http = new HealthAndMetricsServer(
            new InetSocketAddress(httpPort), metrics::scrape, this::healthy, this::ready);
        LOG.info("metrics and health on port {}", http.port());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot serve metrics and health on port " + httpPort, e);
      }
    }
  }

  /** Alive: not started yet, or every event source (informer) is healthy. */
  public boolean healthy() {
    var info = operator.getRuntimeInfo();
    return !info.isStarted() || info.allEventSourcesAreHealthy();
  }

  /** Ready: started, caches synced and healthy (a standby replica is ready too). */
  public boolean ready() {
    var info = operator.getRuntimeInfo();
    return info.isStarted() && info.allEventSourcesAreHealthy() && namespaces.synced();
  }

  public OperatorMetrics metrics() {
    return metrics;
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

  /** The operator's cached copy of a Secret (what a pass would read right now). */
  public Optional<io.fabric8.kubernetes.api.model.Secret> cachedSecret(String namespace, String name) {
    return index.secret(namespace, name);
  }

  /** Stops everything; a leader hands its Lease back so a standby takes over at once. Idempotent. */
  @Override
  public synchronized void close() {
    if (!leadership.closing()) {
      return;
    }
    driftWatch.close();
    sweeper.shutdownNow();
    operator.stop();
    events.close();
    namespaces.close();
    leadership.release();
    if (http != null) {
      http.close();
    }
  }
}
