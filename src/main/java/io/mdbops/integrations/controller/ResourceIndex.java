package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lookups over the operator's caches: resources by the Secrets they reference (to wake them when a
 * Secret changes) and by target (project and type, for ownership), and Secrets by name. The caches
 * exist once JOSDK has prepared the event sources; until then lookups find nothing.
 */
public final class ResourceIndex {

  static final String BY_SECRET = "bySecret";
  static final String BY_TARGET = "byTarget";

  private final String operatorNamespace;
  private final String defaultConnectionSecret;
  private final Set<String> secretNamespaces;
  private volatile IndexerResourceCache<ThirdPartyIntegration> primary;
  private volatile InformerEventSource<Secret, ThirdPartyIntegration> secrets;
  private volatile ReferencedSecretsStore secretStore;
  private volatile KubernetesClient client;

  /**
   * @param defaultConnectionSecret the default connection Secret's name, or null
   * @param secretNamespaces namespaces whose Secrets are watched; empty means all
   */
  public ResourceIndex(String operatorNamespace, String defaultConnectionSecret, Set<String> secretNamespaces) {
    this.operatorNamespace = operatorNamespace;
    this.defaultConnectionSecret = defaultConnectionSecret;
    this.secretNamespaces = Set.copyOf(secretNamespaces);
  }

  /**
   * Indexes the resource cache and makes the Secret informer whose changes wake the resources
   * referencing the Secret. Watching every namespace, one informer keeps the data of referenced
   * Secrets only.
   */
  InformerEventSource<Secret, ThirdPartyIntegration> secretEventSource(EventSourceContext<ThirdPartyIntegration> context) {
    attach(context);
    var config = InformerEventSourceConfiguration.from(Secret.class, ThirdPartyIntegration.class)
        .withName("secrets")
        .withSecondaryToPrimaryMapper(this::referencing);
    if (secretNamespaces.isEmpty()) {
      config.withWatchAllNamespaces();
      ReferencedSecretsStore store = new ReferencedSecretsStore(this::isReferenced);
      config.withItemStore(store);
      this.secretStore = store;
      this.client = context.getClient();
    } else {
      config.withNamespaces(secretNamespaces);
    }
    InformerEventSource<Secret, ThirdPartyIntegration> source = new InformerEventSource<>(config.build(), context);
    this.secrets = source;
    return source;
  }

  /** Starts dropping unreferenced Secrets' data (once the caches are complete), and sweeps again. */
  void sweepUnreferencedSecrets() {
    ReferencedSecretsStore store = secretStore;
    if (store != null) {
      store.startStripping();
    }
  }

  private void attach(EventSourceContext<ThirdPartyIntegration> context) {
    context.getPrimaryCache().addIndexer(BY_SECRET, this::secretKeys);
    context.getPrimaryCache().addIndexer(BY_TARGET, r -> r.getSpec() == null
        || r.getSpec().getProjectId() == null || r.getSpec().getType() == null
        ? List.of()
        : List.of(targetKey(r.getSpec().getProjectId(), r.getSpec().getType().name())));
    this.primary = context.getPrimaryCache();
  }

  /** Whether any resource references this Secret (by namespace and name). */
  boolean isReferenced(Secret secret) {
    return !referencing(secret).isEmpty();
  }

  /** Every Secret a resource reads: its block's Secrets and its connection Secret. */
  List<String> secretKeys(ThirdPartyIntegration r) {
    ThirdPartyIntegrationSpec spec = r.getSpec();
    if (spec == null) {
      return List.of();
    }
    String ns = r.getMetadata().getNamespace();
    List<String> keys = new ArrayList<>();
    DesiredIntegrations.referencedSecretNames(spec).forEach(name -> keys.add(secretKey(ns, name)));
    if (spec.getConnectionSecretRef() != null && spec.getConnectionSecretRef().getName() != null) {
      keys.add(secretKey(ns, spec.getConnectionSecretRef().getName()));
    } else if (defaultConnectionSecret != null) {
      keys.add(secretKey(operatorNamespace, defaultConnectionSecret));
    }
    return keys;
  }

  /** The resources to wake when this Secret changes. */
  Set<ResourceID> referencing(Secret secret) {
    IndexerResourceCache<ThirdPartyIntegration> cache = primary;
    if (cache == null) {
      return Set.of();
    }
    return cache.byIndex(BY_SECRET, secretKey(secret.getMetadata().getNamespace(), secret.getMetadata().getName()))
        .stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  /** Resources of every namespace targeting this project and type. */
  public List<ThirdPartyIntegration> targeting(String projectId, String type) {
    IndexerResourceCache<ThirdPartyIntegration> cache = primary;
    return cache == null ? List.of() : cache.byIndex(BY_TARGET, targetKey(projectId, type));
  }

  /** The resources of one namespace. */
  public List<ResourceID> inNamespace(String namespace) {
    IndexerResourceCache<ThirdPartyIntegration> cache = primary;
    return cache == null ? List.of() : cache.list(namespace).map(ResourceID::fromResource).toList();
  }

  public Optional<Secret> secret(String namespace, String name) {
    InformerEventSource<Secret, ThirdPartyIntegration> source = secrets;
    if (source == null) {
      return Optional.empty();
    }
    Optional<Secret> cached = source.get(new ResourceID(name, namespace));
    if (cached.isPresent() && ReferencedSecretsStore.isStripped(cached.get())) {
      // only its metadata was kept while nothing referenced it: read it once, keep it from now on
      Secret live = client.secrets().inNamespace(namespace).withName(name).get();
      if (live != null) {
        secretStore.restore(live);
      }
      return Optional.ofNullable(live);
    }
    return cached;
  }

  private static String secretKey(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static String targetKey(String projectId, String type) {
    return projectId + "/" + type;
  }
}
