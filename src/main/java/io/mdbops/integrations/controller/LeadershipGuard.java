package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mdbops.integrations.config.OperatorConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when this replica stops leading. Asked to stop (SIGTERM, a rollout): nothing more,
 * and the Lease is handed back so a standby takes over at once instead of after it expires. Lost
 * without being asked (renewal failed): the replica must not write beside the new leader, so it
 * exits (or, in tests, stops) — from a thread of its own, never from inside a shutdown hook.
 */
final class LeadershipGuard {

  private static final Logger LOG = LoggerFactory.getLogger(LeadershipGuard.class);

  private final KubernetesClient client;
  private final OperatorConfig config;
  private final String identity;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Runnable stop = () -> { };

  LeadershipGuard(KubernetesClient client, OperatorConfig config, String identity) {
    this.client = client;
    this.config = config;
    this.identity = identity;
  }

  void onLost(Runnable stop) {
    this.stop = stop;
  }

  /** Marks the replica as shutting down; false when it already was. */
  boolean closing() {
    return closing.compareAndSet(false, true);
  }

  void stoppedLeading() {
    if (closing.get()) {
      return;
    }
    LOG.error("lost the leader Lease {} without being stopped; {}", config.leaseName(),
        config.exitOnLostLeadership() ? "exiting" : "stopping");
    Thread t = new Thread(() -> {
      if (config.exitOnLostLeadership()) {
        System.exit(1);
      } else {
        stop.run();
      }
    }, "leadership-lost");
    t.start();
  }

  /** Hands the Lease back if this replica holds it, as client-go's ReleaseOnCancel does. */
  void release() {
    if (!config.leaderElection()) {
      return;
    }
    try {
      Lease current = client.resources(Lease.class).inNamespace(config.operatorNamespace())
          .withName(config.leaseName()).get();
      if (current == null || current.getSpec() == null || !identity.equals(current.getSpec().getHolderIdentity())) {
        return;
      }
      current.getSpec().setHolderIdentity(null);
      current.getSpec().setLeaseDurationSeconds(1);
      client.resource(current).update(); // optimistic: fails if someone else changed it meanwhile
      LOG.info("released the leader Lease {}", config.leaseName());
    } catch (KubernetesClientException e) {
      LOG.warn("could not release the leader Lease {} (HTTP {}); a standby takes over when it expires",
          config.leaseName(), e.getCode());
    }
  }
}
