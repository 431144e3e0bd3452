package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.connection.ApiClients;
import io.mdbops.integrations.connection.ConnectionMemory;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.connection.SecretReader;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.opsmanager.ApiCallListener;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.prometheus.PrometheusDiscovery;
import io.mdbops.integrations.prometheus.ScrapeConfigStore;
import io.mdbops.integrations.sync.DriftWatch;
import io.mdbops.integrations.sync.IntegrationRemoval;
import io.mdbops.integrations.sync.IntegrationSync;
import io.mdbops.integrations.sync.Ownership;
import io.mdbops.integrations.sync.ProjectSnapshots;
import io.mdbops.integrations.sync.TargetResolver;
import io.mdbops.integrations.tenancy.NamespacePolicy;
import io.mdbops.integrations.validation.SpecValidator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The composition root: the one path from an {@link OperatorConfig} to a running operator, used by
 * {@code run}, the sandbox, the benchmark and the end-to-end tests alike, so that what they run is
 * what production runs. {@link Extras} holds the little they may vary.
 */
public final class OperatorAssembly {

  /**
   * What a caller may add to the configuration: identity and clock, metrics it wants to read, an API
   * listener or a wrapper around the API clients (the sandbox's write log), and adjusted client settings.
   */
  public static final class Extras {
    private Clock clock = Clock.systemUTC();
    private String identity = "integrations-operator";
    private OperatorMetrics metrics;
    private ApiCallListener apiListener = ApiCallListener.NOOP;
    private UnaryOperator<IntegrationsApiFactory> apiDecorator = UnaryOperator.identity();
    private UnaryOperator<ApiClientSettings> apiSettings = UnaryOperator.identity();
    private InetAddress httpAddress;

    /** This replica's name: Lease holder, Event reporting instance. */
    public Extras identity(String value) {
      identity = value;
      return this;
    }

    public Extras clock(Clock value) {
      clock = value;
      return this;
    }

    /** Metrics to count into (e.g. kept across restarts in a test); default: new ones with JVM metrics. */
    public Extras metrics(OperatorMetrics value) {
      metrics = value;
      return this;
    }

    /** Also told about every API exchange. */
    public Extras apiListener(ApiCallListener value) {
      apiListener = value;
      return this;
    }

    /** Wraps the clients the operator makes (observes calls, never changes them). */
    public Extras apiDecorator(UnaryOperator<IntegrationsApiFactory> value) {
      apiDecorator = value;
      return this;
    }

    /** The address /metrics, /healthz and /readyz listen on; default: every interface. */
    public Extras httpAddress(InetAddress value) {
      httpAddress = value;
      return this;
    }

    /** Adjusts the client settings derived from the configuration. */
    public Extras apiSettings(UnaryOperator<ApiClientSettings> value) {
      apiSettings = value;
      return this;
    }
  }

  /** The longest a refused read of a project is answered again without asking the API. */
  static final Duration FAILURE_REUSE = Duration.ofMinutes(1);

  private OperatorAssembly() {}

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static Extras extras() {
    return new Extras();
  }

  /** The API client settings a configuration asks for. */
  public static ApiClientSettings apiSettings(OperatorConfig config) {
    return ApiClientSettings.defaults()
        .withCallTimeout(config.apiTimeout())
        .withRequestsPerMinute(config.apiRequestsPerMinute())
        .withMaxIdleConnections(Math.max(5, config.maxConcurrentReconciles()));
  }

  public static ManagedOperator build(KubernetesClient client, OperatorConfig config) {
    return build(client, config, extras());
  }

  public static ManagedOperator build(KubernetesClient client, OperatorConfig config, Extras extras) {
    Clock clock = extras.clock;
    OperatorMetrics metrics = extras.metrics != null ? extras.metrics
        : new OperatorMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock).withJvmMetrics();
    OkHttpIntegrationsApiFactory apiFactory = new OkHttpIntegrationsApiFactory(
        extras.apiSettings.apply(apiSettings(config)), metrics.and(extras.apiListener));
    SpecValidator validator = new SpecValidator();

    // what a resource needs to remove its integration after its connection Secret is gone (memory only)
    ConnectionMemory connectionMemory = new ConnectionMemory();
    ResourceIndex index = new ResourceIndex(
        config.operatorNamespace(), config.defaultConnectionSecret(), secretNamespaces(config), connectionMemory);
    NamespacePolicy namespaces = new NamespacePolicy(
        config.defaultConnectionNamespaces(),
        config.defaultConnectionNamespaceSelector(),
        config.namespaceProjects(),
        config.projectsFromNamespaceAnnotation());
    ConnectionResolver connections = new ConnectionResolver(
        index::secret,
        new EndpointPolicy(config.allowedBaseUrls()),
        config.operatorNamespace(),
        config.defaultConnectionSecret(),
        namespaces::mayUseDefaultConnection,
        connectionMemory);
    ApiClients clients = new ApiClients(extras.apiDecorator.apply(apiFactory));
    // a read refused for a person to fix answers again for a minute (at most): one list per project
    // and minute while a key is refused, whatever the number of resources and retries
    ProjectSnapshots snapshots = new ProjectSnapshots(clock, min(config.resyncInterval(), FAILURE_REUSE));
    WakeUpSource wakeUps = new WakeUpSource();
    DriftWatch driftWatch = new DriftWatch(
        snapshots, config.resyncInterval(), wakeUps::wake, Math.max(2, config.maxConcurrentReconciles() / 2));
    TargetResolver targets = new TargetResolver(
        validator::validate, namespaces::projectRefusal, connections, new SecretReader(index::secret),
        new Ownership(index::targeting, r -> validator.validate(r).isEmpty(), connections), clients);
    EventRecorder events = new EventRecorder(client, clock, extras.identity);
    Verdicts verdicts = new Verdicts(new StatusBuilder(clock), new RetryPolicy(config.resyncInterval()));
    PassEffects effects = new PassEffects(events, metrics, StatusWriter.patchingAndCaching());
    ThirdPartyIntegrationReconciler reconciler = new ThirdPartyIntegrationReconciler(
        index,
        new IntegrationSync(targets, snapshots, driftWatch, config.resyncInterval().multipliedBy(2)),
        new PrometheusDiscovery(connections, index::secret, ScrapeConfigStore.of(client)),
        verdicts,
        effects,
        new ResourceDeletion(new IntegrationRemoval(targets, snapshots),
            new NamespaceTeardown(name -> client.namespaces().withName(name).get(),
                config.terminatingNamespaceGracePeriod(), clock),
            verdicts, effects, FinalizerWriter.patching(ThirdPartyIntegrationReconciler.FINALIZER)),
        wakeUps,
        metrics);

    LeadershipGuard leadership = new LeadershipGuard(client, config, extras.identity);
    Operator operator = JosdkSettings.operator(client, config, extras.identity, metrics, leadership);
    operator.register(reconciler, o -> JosdkSettings.controller(o, config));
    ManagedOperator managed = new ManagedOperator(new ManagedOperator.Parts(client, operator, index, namespaces,
        wakeUps, driftWatch, clients, apiFactory, events, metrics, leadership,
        extras.httpAddress == null ? new InetSocketAddress(config.httpPort())
            : new InetSocketAddress(extras.httpAddress, config.httpPort()),
        config.resyncInterval()));
    leadership.onLost(managed::close);
    return managed;
  }

  private static Set<String> secretNamespaces(OperatorConfig config) {
    if (config.watchesAllNamespaces()) {
      return Set.of();
    }
    Set<String> namespaces = new HashSet<>(config.watchNamespaces());
    namespaces.add(config.operatorNamespace());
    return namespaces;
  }
}
