package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.metrics.OperatorMetrics;
import java.time.Duration;

/** How the operator configures java-operator-sdk: the operator-wide settings and the controller's. */
final class JosdkSettings {

  private JosdkSettings() {}

  static Operator operator(
      KubernetesClient client, OperatorConfig config, String identity, OperatorMetrics metrics,
      LeadershipGuard leadership) {
    return new Operator(o -> configure(o, client, config, identity, metrics, leadership));
  }

  private static void configure(
      ConfigurationServiceOverrider o, KubernetesClient client, OperatorConfig config, String identity,
      OperatorMetrics metrics, LeadershipGuard leadership) {
    o.withKubernetesClient(client)
        .withCloseClientOnStop(false)
        // status and finalizer writes use JSON patch everywhere, so tests run what production runs
        .withUseSSAToPatchPrimaryResource(false)
        .withConcurrentReconciliationThreads(config.maxConcurrentReconciles())
        .withResourceCloner(new UnreadableSpecPreservingCloner(client))
        .withMetrics(config.perResourceMetrics()
            ? MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(metrics.registry()).build()
            : MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()));
    if (!config.leaderElection()) {
      metrics.leading(true);
      return;
    }
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
  }

  /** Which resources the controller sees, and JOSDK's backoff for passes that throw. */
  static void controller(ControllerConfigurationOverrider<ThirdPartyIntegration> o, OperatorConfig config) {
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
  }
}
