package io.mdbops.integrations.prometheus;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Optional;

/**
 * ScrapeConfigs in the cluster, read and written as generic objects. A failure is a fabric8
 * {@code KubernetesClientException}: 404 on a create means the kind is not installed, 403 that the
 * operator may not write it.
 */
public interface ScrapeConfigStore {

  Optional<GenericKubernetesResource> get(String namespace, String name);

  void create(GenericKubernetesResource scrapeConfig);

  /** Replaces the object; {@code scrapeConfig} carries the resourceVersion it was read with. */
  void update(GenericKubernetesResource scrapeConfig);

  void delete(String namespace, String name);

  /** The store over a Kubernetes client. */
  static ScrapeConfigStore of(KubernetesClient client) {
    ResourceDefinitionContext kind = new ResourceDefinitionContext.Builder()
        .withGroup("monitoring.coreos.com")
        .withVersion("v1alpha1")
        .withKind(ScrapeConfigManifest.KIND)
        .withPlural("scrapeconfigs")
        .withNamespaced(true)
        .build();
    return new ScrapeConfigStore() {
      @Override
      public Optional<GenericKubernetesResource> get(String namespace, String name) {
        return Optional.ofNullable(client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).get());
      }

      @Override
      public void create(GenericKubernetesResource scrapeConfig) {
        client.genericKubernetesResources(kind).inNamespace(scrapeConfig.getMetadata().getNamespace())
            .resource(scrapeConfig).create();
      }

      @Override
      public void update(GenericKubernetesResource scrapeConfig) {
        client.genericKubernetesResources(kind).inNamespace(scrapeConfig.getMetadata().getNamespace())
            .resource(scrapeConfig).update();
      }

      @Override
      public void delete(String namespace, String name) {
        client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).delete();
      }
    };
  }
}
