package io.mdbops.integrations.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.controller.ManagedOperator;
import io.mdbops.integrations.controller.OperatorAssembly;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The real operator, wired exactly as {@code run} wires it, against the embedded Kubernetes API
 * (fabric8's mock server, CRUD mode) and the API simulator over real HTTP with Digest. One per test
 * class; each test works in its own namespace and project.
 */
public final class OperatorHarness implements AutoCloseable {

  public static final String OPERATOR_NAMESPACE = "integrations-operator";
  public static final String CONNECTION = "api";
  public static final String PUBLIC_KEY = "e2e-public-key";
  public static final String CLIENT_ID = "mdb_sa_id_e2e";
  public static final Duration WAIT = Duration.ofSeconds(20);
  /** How long nothing may happen before the operator counts as quiet. */
  public static final Duration QUIET = Duration.ofMillis(250);
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  /** prometheus-operator's ScrapeConfigs, which the operator writes for PROMETHEUS resources that ask. */
  public static final ResourceDefinitionContext SCRAPE_CONFIGS = new ResourceDefinitionContext.Builder()
      .withGroup("monitoring.coreos.com").withVersion("v1alpha1").withKind("ScrapeConfig")
      .withPlural("scrapeconfigs").withNamespaced(true).build();

  public final String privateKey = Fixtures.secretValue("priv");
  public final String clientSecret = Fixtures.secretValue("mdb_sa_sk_");
  /** Whether new namespaces' connection Secrets hold the service account instead of the API key. */
  private volatile boolean serviceAccount;
  public final EmbeddedKubernetes kube;
  public final KubernetesClient client;
  public final ApiSimulator sim;
  public final OperatorConfig config;
  /** The running operator's metrics; a restart starts new ones, as a new process would. */
  public volatile OperatorMetrics metrics;
  private volatile ManagedOperator operator;

  private OperatorHarness(
      UnaryOperator<OperatorConfig.Builder> configure, UnaryOperator<SimulatorOptions.Builder> simulator) {
    kube = EmbeddedKubernetes.start(0);
    client = kube.client();
    sim = ApiSimulator.start(simulator.apply(SimulatorOptions.builder()).build());
    sim.addApiKey(PUBLIC_KEY, privateKey);
    sim.addServiceAccount(CLIENT_ID, clientSecret);
    config = configure.apply(OperatorConfig.builder()
            .operatorNamespace(OPERATOR_NAMESPACE)
            .allowedBaseUrls(List.of(URI.create(sim.baseUrl())))
            // drift checks are forced by the tests (pollNow), never by the clock
            .resyncInterval(Duration.ofHours(1))
            .maxConcurrentReconciles(8)
            .httpPort(freePort()))
        .build();
    startOperator();
  }

  /** The running operator. */
  public ManagedOperator operator() {
    return operator;
  }

  /** Stops the operator, as a pod being killed mid-work (in-flight calls are cut off). */
  public void stopOperator() {
    LeakWitness.record("metrics", metrics.scrape());
    operator.close();
  }

  /** A new operator process: empty memory, fresh caches, as after a restart. */
  public void startOperator() {
    metrics = new OperatorMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC())
        .withJvmMetrics();
    operator = OperatorAssembly.build(client, config, OperatorAssembly.extras().identity("e2e-operator").metrics(metrics));
    operator.start();
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** GET on the operator's own HTTP endpoint: {@code /metrics}, {@code /healthz}, {@code /readyz}. */
  public HttpResponse<String> http(String path) {
    try {
      return HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.httpPort() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of one sample in a {@code /metrics} scrape (0 when absent). */
  public double metric(String name, String... labels) {
    return MetricsText.value(http("/metrics").body(), name, labels);
  }

  public static OperatorHarness start() {
    return start(c -> c, s -> s);
  }

  public static OperatorHarness start(
      UnaryOperator<OperatorConfig.Builder> configure, UnaryOperator<SimulatorOptions.Builder> simulator) {
    return new OperatorHarness(configure, simulator);
  }

  /** From now on, new namespaces' connection Secrets hold the service account (OAuth 2), not the API key. */
  public OperatorHarness useServiceAccount() {
    serviceAccount = true;
    return this;
  }

  /**
   * A fresh namespace with a connection Secret {@value #CONNECTION} for the simulator: the API key
   * pair, or the service account after {@link #useServiceAccount()}; {@code api: atlas-v2} when the
   * simulator plays Atlas.
   */
  public String namespace(String prefix) {
    String ns = prefix + "-" + NAMESPACES.incrementAndGet();
    create(Fixtures.connectionSecret(ns, CONNECTION, sim.baseUrl(), serviceAccount ? CLIENT_ID : PUBLIC_KEY,
        serviceAccount ? clientSecret : privateKey, serviceAccount, sim.options().api()));
    return ns;
  }

  public String project() {
    return sim.addProject();
  }

  /** Creates the Secret and waits until the operator's cache has it, as a user would not notice. */
  public Secret create(Secret secret) {
    return awaitCached(client.secrets().resource(secret).create());
  }

  public Secret update(Secret secret) {
    secret.getMetadata().setResourceVersion(null);
    return awaitCached(client.secrets().resource(secret).update());
  }

  /**
   * Resources created right after their Secret could otherwise be reconciled before the Secret
   * informer has seen it (a real cache lag, reported as SecretNotFound and healed a moment later),
   * which would make exact assertions on Events flaky.
   */
  private Secret awaitCached(Secret written) {
    String ns = written.getMetadata().getNamespace();
    String name = written.getMetadata().getName();
    String version = written.getMetadata().getResourceVersion();
    await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> operator.cachedSecret(ns, name)
        .map(s -> version.equals(s.getMetadata().getResourceVersion())).orElse(false));
    return written;
  }

  /** Creates the resource and, first, its credentials Secret with fresh values. */
  public Map<String, String> createWithCredentials(ThirdPartyIntegration r) {
    Map<String, String> creds = Fixtures.credentials(r.getSpec().getType());
    create(Fixtures.secret(r.getMetadata().getNamespace(), Fixtures.credentialsSecretName(r.getMetadata().getName()), creds));
    create(r);
    return creds;
  }

  public ThirdPartyIntegration create(ThirdPartyIntegration r) {
    return client.resources(ThirdPartyIntegration.class).resource(r).create();
  }

  public ThirdPartyIntegration get(String ns, String name) {
    return client.resources(ThirdPartyIntegration.class).inNamespace(ns).withName(name).get();
  }

  public ThirdPartyIntegration edit(String ns, String name, UnaryOperator<ThirdPartyIntegration> change) {
    return client.resources(ThirdPartyIntegration.class).inNamespace(ns).withName(name).edit(change);
  }

  public void delete(String ns, String name) {
    client.resources(ThirdPartyIntegration.class).inNamespace(ns).withName(name).delete();
  }

  public static Condition ready(ThirdPartyIntegration r) {
    return r == null || r.getStatus() == null ? null : r.getStatus().ready().orElse(null);
  }

  /** Waits until Ready has this reason for the resource's current generation. */
  public ThirdPartyIntegration awaitReason(String ns, String name, ConditionReason reason) {
    return awaitResource(ns, name, r -> {
      Condition c = ready(r);
      return c != null && c.getReason() == reason
          && Objects.equals(c.getObservedGeneration(), r.getMetadata().getGeneration());
    });
  }

  public ThirdPartyIntegration awaitResource(String ns, String name, Predicate<ThirdPartyIntegration> test) {
    return awaitResource(ns, name, WAIT, test);
  }

  public ThirdPartyIntegration awaitResource(
      String ns, String name, Duration atMost, Predicate<ThirdPartyIntegration> test) {
    ThirdPartyIntegration[] seen = new ThirdPartyIntegration[1];
    await().atMost(atMost).pollInterval(Duration.ofMillis(50)).alias(ns + "/" + name)
        .until(() -> {
          seen[0] = get(ns, name);
          return seen[0] != null && test.test(seen[0]);
        });
    return seen[0];
  }

  public void awaitGone(String ns, String name) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> get(ns, name) == null);
  }

  public List<Event> events(String ns, String name) {
    operator.flushEvents();
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .sorted(Comparator.comparingLong(e -> Long.parseLong(e.getMetadata().getResourceVersion())))
        .toList();
  }

  public List<String> eventReasons(String ns, String name) {
    return events(ns, name).stream().map(Event::getReason).toList();
  }

  /** Requests to the simulator for this project with this method. */
  public long calls(String projectId, String method) {
    return sim.journal().count(e -> projectId.equals(e.projectId()) && method.equals(e.method()));
  }

  public List<JournalEntry> calls(String projectId) {
    return sim.journal().entries(e -> projectId.equals(e.projectId()));
  }

  /** Kubernetes writes under this namespace so far. */
  public List<EmbeddedKubernetes.Request> kubeWrites(String ns) {
    return kube.writes().stream().filter(r -> r.path().contains("/namespaces/" + ns + "/")).toList();
  }

  /**
   * Waits until the operator is quiet: no pass running or queued, every Event written, and neither
   * the API journal nor the Kubernetes request log grew for {@link #QUIET}. A check that something
   * did <em>not</em> happen comes after this, never after a fixed sleep, so a slow operator fails it
   * instead of passing it.
   */
  public void awaitQuiet() {
    long[] seen = {-1, -1};
    long[] since = {System.nanoTime()};
    await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
      operator.flushEvents();
      long api = sim.journal().recorded();
      long kubeRequests = kube.writes().size();
      boolean idle = josdkGauge("executions") == 0 && josdkGauge("queue.size") == 0;
      if (!idle || api != seen[0] || kubeRequests != seen[1]) {
        seen[0] = api;
        seen[1] = kubeRequests;
        since[0] = System.nanoTime();
        return false;
      }
      return Duration.ofNanos(System.nanoTime() - since[0]).compareTo(QUIET) >= 0;
    });
  }

  private double josdkGauge(String what) {
    var gauge = metrics.registry().find("operator.sdk.reconciliations." + what + "."
        + io.mdbops.integrations.controller.ThirdPartyIntegrationReconciler.NAME).gauge();
    if (gauge == null) {
      throw new IllegalStateException("JOSDK's " + what + " gauge is missing: quiet cannot be told");
    }
    return gauge.value();
  }

  /** One drift check now, as the resync timer would make it. */
  public int driftCheck() {
    return operator.driftWatch().pollNow();
  }

  @Override
  public void close() {
    try {
      operator.flushEvents();
      client.v1().events().inAnyNamespace().list().getItems()
          .forEach(e -> LeakWitness.record("event", e.getReason() + " " + e.getMessage()));
      client.resources(ThirdPartyIntegration.class).inAnyNamespace().list().getItems()
          .forEach(r -> LeakWitness.record("resource", Serialization.asJson(r)));
      client.genericKubernetesResources(SCRAPE_CONFIGS).inAnyNamespace().list()
          .getItems().forEach(r -> LeakWitness.record("scrapeconfig", Serialization.asJson(r)));
      LeakWitness.record("metrics", metrics.scrape());
    } finally {
      operator.close();
      // every access token the simulator handed out must not leak either
      Fixtures.SECRET_VALUES.addAll(sim.issuedAccessTokens());
      sim.close();
      kube.close();
    }
  }
}
