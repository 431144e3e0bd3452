package io.mdbops.integrations.plan;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.connection.SecretData;
import java.util.Optional;

/**
 * What plan knows of one Secret key a resource references: its value (compared through the API's
 * mask, never shown), or why it has none. The {@code toString} of every outcome is value-free.
 */
public final class SecretKnowledge {

  /** The outcome for one key. */
  public sealed interface Value {}

  /**
   * @param clusterVersion the cluster Secret's resourceVersion when the value is the cluster's (read
   *     from it, or the same in the manifests and the cluster): what the operator's status compares
   * @param replacesCluster the manifests hold another value than the cluster's Secret: applying them
   *     changes the Secret, and the operator sends it again
   */
  public record Known(String value, String clusterVersion, boolean replacesCluster) implements Value {
    @Override
    public String toString() {
      return "Known[<redacted>, clusterVersion=" + clusterVersion + ", replacesCluster=" + replacesCluster + "]";
    }
  }

  /**
   * @param blocking a pass of the operator would stop here (SecretNotFound, SecretKeyMissing)
   * @param why the reason, naming the Secret and key
   */
  public record Unknown(boolean blocking, String why) implements Value {}

  private final PlanSecrets secrets;

  public SecretKnowledge(PlanSecrets secrets) {
    this.secrets = secrets;
  }

  public Value of(String namespace, SecretKeySelector ref) {
    String id = "Secret " + namespace + "/" + ref.getName();
    PlanSecrets.Lookup lookup = secrets.find(namespace, ref.getName());
    if (lookup instanceof PlanSecrets.Absent absent) {
      return new Unknown(absent.missing(), absent.why());
    }
    PlanSecrets.Found found = (PlanSecrets.Found) lookup;
    SecretData.Read read = SecretData.read(found.secret(), ref.getKey());
    if (read instanceof SecretData.Value v) {
      Optional<Secret> cluster = found.clusterCopy();
      boolean same = cluster.isPresent()
          && SecretData.read(cluster.get(), ref.getKey()) instanceof SecretData.Value c && c.value().equals(v.value());
      return new Known(v.value(), same ? cluster.get().getMetadata().getResourceVersion() : null,
          cluster.isPresent() && !same);
    }
    String problem = id + " (" + found.origin().words() + ") " + SecretData.problem(read, ref.getKey());
    return new Unknown(true, read instanceof SecretData.Empty ? problem + ": fill it in" : problem);
  }
}
