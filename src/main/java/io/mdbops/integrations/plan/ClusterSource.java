package io.mdbops.integrations.plan;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import java.util.Optional;

/** What {@code plan} reads from a cluster: Secrets, and the operator's status of a resource. */
public interface ClusterSource {

  /** A read that failed for another reason than the object's absence; its message names the object. */
  final class ReadFailure extends Exception {
    public ReadFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** The Secret, or empty when the cluster has none of that name. */
  Optional<Secret> secret(String namespace, String name) throws ReadFailure;

  /** The resource's status, if it exists there and can be read. */
  Optional<ThirdPartyIntegrationStatus> status(String namespace, String name);
}
