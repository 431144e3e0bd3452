package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.Cloner;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;

/**
 * JOSDK's cloner (a JSON round trip) with one addition: a spec that could not be read keeps its
 * explanation and original content, which JSON does not carry, so the pass can report it.
 */
final class UnreadableSpecPreservingCloner implements Cloner {

  private final KubernetesClient client;

  UnreadableSpecPreservingCloner(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public <R extends HasMetadata> R clone(R object) {
    R copy = client.getKubernetesSerialization().clone(object);
    if (object instanceof ThirdPartyIntegration original && copy instanceof ThirdPartyIntegration cloned
        && original.getSpec() != null && original.getSpec().unreadableReason() != null) {
      cloned.setSpec(original.getSpec()); // carries no state a pass changes
    }
    return copy;
  }
}
