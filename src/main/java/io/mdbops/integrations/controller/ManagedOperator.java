package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.mdbops.integrations.connection.ApiClients;
import io.mdbops.integrations.metrics.HealthAndMetricsServer;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.sync.DriftWatch;
import io.mdbops.integrations.tenancy.NamespacePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built operator ({@link OperatorAssembly}) and its lifecycle: start (probes first, then caches,
 * drift watch and Secret sweeps), health and readiness, and a close that hands the Lease back.
 */
public final class ManagedOperator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedOperator.class);

  /** What {@link OperatorAssembly} made, handed over in one piece. */
  record Parts(
      KubernetesClient client,
      Operator operator,
      ResourceIndex index,
      NamespacePolicy namespaces,
      WakeUpSource wakeUps,
      DriftWatch driftWatch,
      ApiClients clients,
      OkHttpIntegrationsApiFactory apiFactory,
      EventRecorder events,
      OperatorMetrics metrics,
      LeadershipGuard leadership,
      InetSocketAddress http,
      Duration resyncInterval) {}

  private final Parts parts;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "secret-sweep");
    t.setDaemon(true);
    return t;
  });
  private HealthAndMetricsServer http;

  ManagedOperator(Parts parts) {
    this.parts = parts;
  }

  /** Serves the probes and metrics first (so liveness answers while caches sync), then the operator. */
  public void start() {
    startHttp();
    // a Namespace's labels or annotation decide what its resources may do: look again when they change
    parts.namespaces().start(parts.client(), ns -> parts.index().inNamespace(ns).forEach(parts.wakeUps()::wake));
    parts.operator().start();
    parts.driftWatch().start();
    parts.index().sweepUnreferencedSecrets();
    long every = parts.resyncInterval().toMillis();
    sweeper.scheduleWithFixedDelay(() -> {
      parts.index().forgetSecretsAtStart();
      parts.index().sweepUnreferencedSecrets();
    }, every, every, TimeUnit.MILLISECONDS);
  }

  /** Serves /metrics, /healthz and /readyz (idempotent); {@link #start()} does it first anyway. */
  public synchronized void startHttp() {
    if (parts.http().getPort() > 0 && http == null) {
      try {
        http = new HealthAndMetricsServer(parts.http(), parts.metrics()::scrape, this::healthy, this::ready);
        LOG.info("metrics and health on port {}", http.port());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot serve metrics and health on port " + parts.http().getPort(), e);
      }
    }
  }

  /** Alive: not started yet, or every event source (informer) is healthy. */
  public boolean healthy() {
    var info = parts.operator().getRuntimeInfo();
    return !info.isStarted() || info.allEventSourcesAreHealthy();
  }

  /** Ready: started, caches synced and healthy (a standby replica is ready too). */
  public boolean ready() {
    var info = parts.operator().getRuntimeInfo();
    return info.isStarted() && info.allEventSourcesAreHealthy() && parts.namespaces().synced();
  }

  public OperatorMetrics metrics() {
    return parts.metrics();
  }

  public Operator operator() {
    return parts.operator();
  }

  public DriftWatch driftWatch() {
    return parts.driftWatch();
  }

  public ApiClients clients() {
    return parts.clients();
  }

  /** The operator's cached copy of a Secret (what a pass would read right now). */
  public Optional<Secret> cachedSecret(String namespace, String name) {
    return parts.index().secret(namespace, name);
  }

  /** Reconciler passes started since this operator was built, by JOSDK's count. */
  public long passes() {
    return (long) parts.metrics().registry().getMeters().stream()
        .filter(m -> m instanceof io.micrometer.core.instrument.Counter
            && m.getId().getName().startsWith("operator.sdk.reconciliations.started"))
        .mapToDouble(m -> ((io.micrometer.core.instrument.Counter) m).count()).sum();
  }

  /**
   * What the operator holds of this Secret in memory, without reading it: it keeps only the
   * metadata of Secrets no resource references.
   */
  public ResourceIndex.CachedSecret secretCacheState(String namespace, String name) {
    return parts.index().cachedSecret(namespace, name);
  }

  /** Waits until the Events recorded so far are written (they are written in the background). */
  public void flushEvents() {
    parts.events().flush(Duration.ofSeconds(5));
  }

  /** Stops everything; a leader hands its Lease back so a standby takes over at once. Idempotent. */
  @Override
  public synchronized void close() {
    if (!parts.leadership().closing()) {
      return;
    }
    parts.driftWatch().close();
    sweeper.shutdownNow();
    parts.operator().stop();
    parts.events().close();
    parts.namespaces().close();
    parts.leadership().release();
    parts.apiFactory().close();
    if (http != null) {
      http.close();
    }
  }
}
