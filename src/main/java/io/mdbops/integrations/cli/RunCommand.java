package io.mdbops.integrations.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mdbops.integrations.config.LogSetup;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.controller.OperatorAssembly;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.validation.SpecValidator;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: the operator against the current cluster (in-cluster config or KUBECONFIG). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the operator against the current cluster (in-cluster service account or KUBECONFIG).")
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin
  OperatorOptions options = new OperatorOptions();

  @Override
  public Integer call() throws Exception {
    OperatorConfig config = options.toConfig();
    LogSetup.apply(config.logFormat());
    KubernetesClient client = new KubernetesClientBuilder().build();
    checkDefaultConnection(client, config);
    Clock clock = Clock.systemUTC();
    OperatorMetrics metrics = new OperatorMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock)
        .withJvmMetrics();
    OkHttpIntegrationsApiFactory apiFactory = new OkHttpIntegrationsApiFactory(apiSettings(config), metrics);
    OperatorAssembly assembly = OperatorAssembly.create(
        client, config, apiFactory, new SpecValidator()::validate, clock, Identity.current(), metrics);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down");
      assembly.close();
      apiFactory.close();
      client.close();
      stopped.countDown();
    }, "shutdown"));
    assembly.start();
    LOG.info("integrations-operator {} running; namespaces: {}", io.mdbops.integrations.BuildInfo.version(),
        config.watchesAllNamespaces() ? "all" : config.watchNamespaces());
    stopped.await();
    return 0;
  }

  /** The API client settings the configuration asks for; tests build their clients with it too. */
  public static ApiClientSettings apiSettings(OperatorConfig config) {
    return ApiClientSettings.defaults()
        .withCallTimeout(config.apiTimeout())
        .withRequestsPerMinute(config.apiRequestsPerMinute())
        .withMaxIdleConnections(Math.max(5, config.maxConcurrentReconciles()));
  }

  /** A default connection that cannot be read is a deployment mistake: say so before starting. */
  private static void checkDefaultConnection(KubernetesClient client, OperatorConfig config) {
    if (config.defaultConnectionSecret() == null) {
      return;
    }
    String where = config.operatorNamespace() + "/" + config.defaultConnectionSecret();
    try {
      if (client.secrets().inNamespace(config.operatorNamespace()).withName(config.defaultConnectionSecret()).get() == null) {
        LOG.warn("default connection Secret {} does not exist yet; resources using it will report"
            + " SecretNotFound until it is created", where);
      }
    } catch (KubernetesClientException e) {
      throw new IllegalStateException("cannot read the default connection Secret " + where + " (HTTP "
          + e.getCode() + "); the operator's service account needs get/list/watch on Secrets there", e);
    }
  }
}
