package io.mdbops.integrations.plan;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import java.util.Optional;

/**
 * Where {@code plan} finds a Secret: in the manifests first (they are what would be applied), then,
 * with a kubeconfig, in the cluster.
 */
public final class PlanSecrets {

  /** Where a Secret was found. */
  public enum Origin {
    MANIFESTS("from the manifests"),
    CLUSTER("read from the cluster");

    private final String words;

    Origin(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** The outcome of looking a Secret up. */
  public sealed interface Lookup {}

  /** Found; {@code clusterCopy} is the cluster's Secret of that name when it was read too. */
  public record Found(Secret secret, Origin origin, Optional<Secret> clusterCopy) implements Lookup {}

  /**
   * Not available.
   *
   * @param missing true when it is known not to exist (a pass would stop with SecretNotFound); false
   *     when plan could not look (no kubeconfig, or the read failed)
   */
  public record Absent(boolean missing, String why) implements Lookup {}

  private final Manifests manifests;
  private final ClusterSource cluster;

  /** @param cluster null without a kubeconfig */
  public PlanSecrets(Manifests manifests, ClusterSource cluster) {
    this.manifests = manifests;
    this.cluster = cluster;
  }

  public Lookup find(String namespace, String name) {
    String id = namespace + "/" + name;
    Optional<Secret> inManifests = manifests.secret(namespace, name);
    if (cluster == null) {
      return inManifests.<Lookup>map(s -> new Found(s, Origin.MANIFESTS, Optional.empty()))
          .orElseGet(() -> new Absent(false, "Secret " + id + " is not in the manifests (with --kubeconfig, plan"
              + " reads it from the cluster)"));
    }
    Optional<Secret> inCluster;
    try {
      inCluster = cluster.secret(namespace, name);
    } catch (ClusterSource.ReadFailure e) {
      return inManifests.<Lookup>map(s -> new Found(s, Origin.MANIFESTS, Optional.empty()))
          .orElseGet(() -> new Absent(false, e.getMessage()));
    }
    if (inManifests.isPresent()) {
      return new Found(inManifests.get(), Origin.MANIFESTS, inCluster);
    }
    return inCluster.<Lookup>map(s -> new Found(s, Origin.CLUSTER, inCluster))
        .orElseGet(() -> new Absent(true, "Secret " + id + " is neither in the manifests nor in the cluster"));
  }

  /** The cluster's status of a resource, when a kubeconfig was given and the resource exists there. */
  public Optional<ThirdPartyIntegrationStatus> clusterStatus(String namespace, String name) {
    return cluster == null || name == null ? Optional.empty() : cluster.status(namespace, name);
  }
}
