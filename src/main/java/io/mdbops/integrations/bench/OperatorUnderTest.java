package io.mdbops.integrations.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.controller.ManagedOperator;
import io.mdbops.integrations.controller.OperatorAssembly;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import java.time.Duration;

/**
 * The operator as {@code run} builds it ({@link OperatorAssembly}), on its own Kubernetes client
 * and API client factory, so that closing it releases everything it holds.
 */
final class OperatorUnderTest implements AutoCloseable {

  final OperatorConfig config;
  final ApiClientSettings apiSettings;
  final CallCounter calls = new CallCounter();
  private final KubernetesClient client;
  private final AsyncEvents asyncEvents;
  private final ManagedOperator assembly;
  private boolean closed;

  /** @param asyncEvents the experiment of {@link AsyncEvents}: Event writes off the reconcile threads */
  OperatorUnderTest(String kubeUrl, OperatorConfig config, ApiClientSettings apiSettings, boolean asyncEvents) {
    this.config = config;
    this.apiSettings = apiSettings;
    client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
        .withMasterUrl(kubeUrl)
        .withNamespace(config.operatorNamespace())
        .withHttp2Disable(true)
        .build()).build();
    this.asyncEvents = asyncEvents ? new AsyncEvents(client) : null;
    assembly = OperatorAssembly.build(asyncEvents ? this.asyncEvents.client() : client, config,
        OperatorAssembly.extras().identity("bench-operator").apiListener(calls).apiSettings(s -> apiSettings));
  }

  /** Starts the operator; returns when its caches are filled (what JOSDK's start waits for). */
  Duration start() {
    long t = System.nanoTime();
    assembly.start();
    return Duration.ofNanos(System.nanoTime() - t);
  }

  /** One drift check of every watched project, as the resync timer makes it; resources woken. */
  int pollDrift() {
    return assembly.driftWatch().pollNow();
  }

  int watchedProjects() {
    return assembly.driftWatch().watchedProjects();
  }

  /** Resources whose last pass in this operator compared them with the live project and found them Synced. */
  int verified() {
    return assembly.metrics().resourcesAt(ConditionReason.Synced);
  }

  /** Reconciler passes that ended (JOSDK's count, successes and failures). */
  long passes() {
    return assembly.passes();
  }

  int apiClients() {
    return assembly.clients().size();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    assembly.close();
    if (asyncEvents != null) {
      asyncEvents.close();
    }
    client.close();
  }
}
