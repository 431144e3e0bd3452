package io.mdbops.integrations.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mdbops.integrations.config.LogSetup;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.controller.ManagedOperator;
import io.mdbops.integrations.controller.OperatorAssembly;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code run}: the operator against the current cluster (in-cluster config or KUBECONFIG). */
@Command(name = "run", mixinStandardHelpOptions = true, defaultValueProvider = OperatorDefaults.class,
    description = "Run the operator against the current cluster (in-cluster service account or KUBECONFIG).")
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Spec
  CommandSpec spec;

  @Mixin
  OperatorOptions options = new OperatorOptions();

  @Override
  public Integer call() throws Exception {
    OperatorConfig config;
    try {
      config = options.toConfig();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LogSetup.apply(config.logFormat(), config.logLevel());
    KubernetesClient client = new KubernetesClientBuilder().build();
    checkDefaultConnection(client, config);
    ManagedOperator operator =
        OperatorAssembly.build(client, config, OperatorAssembly.extras().identity(Identity.current()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down");
      operator.close();
      client.close();
      stopped.countDown();
    }, "shutdown"));
    operator.start();
    LOG.info("integrations-operator {} running; namespaces: {}", io.mdbops.integrations.BuildInfo.version(),
        config.watchesAllNamespaces() ? "all" : config.watchNamespaces());
    stopped.await();
    return 0;
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
