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
import io.mdbops.integrations.connection.ConnectionMemory;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
  private final ConnectionMemory connections;
  private volatile IndexerResourceCache<ThirdPartyIntegration> primary;
  /** The Secret caches by namespace, or under {@link #ALL_NAMESPACES} when every namespace is watched. */
  private volatile Map<String, SecretCache> secretCaches = Map.of();
  private volatile KubernetesClient client;

  private static final String ALL_NAMESPACES = "*";

  /** One Secret informer, its store and what it listed at start. */
  private record SecretCache(InformerEventSource<Secret, ThirdPartyIntegration> source, ReferencedSecretsStore store,
      SecretsAtStart atStart) {}

  /** A Secret informer that remembers what it listed once started, see {@link SecretsAtStart}. */
  private static final class SecretSource extends InformerEventSource<Secret, ThirdPartyIntegration> {
    private final SecretsAtStart atStart;

    SecretSource(InformerEventSourceConfiguration<Secret> config, EventSourceContext<ThirdPartyIntegration> context,
        SecretsAtStart atStart) {
      super(config, context);
      this.atStart = atStart;
    }

    @Override
    public synchronized void start() {
      super.start();
      atStart.remember(list(s -> true));
    }
  }

  /**
   * @param defaultConnectionSecret the default connection Secret's name, or null
   * @param secretNamespaces namespaces whose Secrets are watched; empty means all
   */
  public ResourceIndex(String operatorNamespace, String defaultConnectionSecret, Set<String> secretNamespaces) {
    this(operatorNamespace, defaultConnectionSecret, secretNamespaces, new ConnectionMemory());
  }

  /** As above; each sweep also drops the {@code connections} kept for resources no longer in the cache. */
  public ResourceIndex(String operatorNamespace, String defaultConnectionSecret, Set<String> secretNamespaces,
      ConnectionMemory connections) {
    this.operatorNamespace = operatorNamespace;
    this.defaultConnectionSecret = defaultConnectionSecret;
    this.secretNamespaces = Set.copyOf(secretNamespaces);
    this.connections = connections;
  }

  /**
   * Indexes the resource cache and makes the Secret informers whose changes wake the resources
   * referencing the Secret: one for every namespace, or one per watched namespace. Each keeps the
   * data of referenced Secrets only, in a store of its own: informers of several namespaces
   * sharing one store would each prune the others' entries on a relist.
   */
  List<InformerEventSource<Secret, ThirdPartyIntegration>> secretEventSources(
      EventSourceContext<ThirdPartyIntegration> context) {
    attach(context);
    this.client = context.getClient();
    Map<String, SecretCache> caches = new LinkedHashMap<>();
    if (secretNamespaces.isEmpty()) {
      caches.put(ALL_NAMESPACES, secretCache(context, "secrets", c -> c.withWatchAllNamespaces()));
    } else {
      for (String namespace : secretNamespaces) {
        caches.put(namespace, secretCache(context, "secrets-" + namespace, c -> c.withNamespaces(Set.of(namespace))));
      }
    }
    this.secretCaches = Map.copyOf(caches);
    return caches.values().stream().map(SecretCache::source).toList();
  }

  private SecretCache secretCache(EventSourceContext<ThirdPartyIntegration> context, String name,
      Consumer<InformerEventSourceConfiguration.Builder<Secret>> where) {
    ReferencedSecretsStore store = new ReferencedSecretsStore(this::isReferenced);
    SecretsAtStart atStart = new SecretsAtStart();
    var config = InformerEventSourceConfiguration.from(Secret.class, ThirdPartyIntegration.class)
        .withName(name)
        .withSecondaryToPrimaryMapper(this::referencing)
        .withOnAddFilter(atStart);
    where.accept(config);
    config.withItemStore(store);
    return new SecretCache(new SecretSource(config.build(), context, atStart), store, atStart);
  }

  /**
   * Starts dropping unreferenced Secrets' data (once the caches are complete), and sweeps again;
   * drops the connections kept for resources that left without their deletion being seen (a
   * finalizer removed by hand).
   */
  void sweepUnreferencedSecrets() {
    secretCaches.values().forEach(c -> c.store().startStripping());
    IndexerResourceCache<ThirdPartyIntegration> cache = primary;
    if (cache != null) {
      Set<String> live = cache.list().map(r -> r.getMetadata().getUid()).collect(Collectors.toSet());
      connections.retainOnly(live::contains);
    }
  }

  /** Long after start: the initial lists' add events have all gone by. */
  void forgetSecretsAtStart() {
    secretCaches.values().forEach(c -> c.atStart().forget());
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
    Map<String, SecretCache> caches = secretCaches;
    SecretCache cache = caches.getOrDefault(namespace, caches.get(ALL_NAMESPACES));
    if (cache == null) {
      return Optional.empty();
    }
    Optional<Secret> cached = cache.source().get(new ResourceID(name, namespace));
    if (cached.isPresent() && ReferencedSecretsStore.isStripped(cached.get())) {
      // only its metadata was kept while nothing referenced it: read it once, keep it from now on
      Secret live = client.secrets().inNamespace(namespace).withName(name).get();
      if (live != null) {
        cache.store().restore(live);
      }
      return Optional.ofNullable(live);
    }
    return cached;
  }

  /** What the cache holds of a Secret, without reading it. */
  public enum CachedSecret { ABSENT, METADATA_ONLY, COMPLETE }

  CachedSecret cachedSecret(String namespace, String name) {
    Map<String, SecretCache> caches = secretCaches;
    SecretCache cache = caches.getOrDefault(namespace, caches.get(ALL_NAMESPACES));
    Optional<Secret> held = cache == null ? Optional.empty() : cache.source().get(new ResourceID(name, namespace));
    return held.map(s -> ReferencedSecretsStore.isStripped(s) ? CachedSecret.METADATA_ONLY : CachedSecret.COMPLETE)
        .orElse(CachedSecret.ABSENT);
  }

  private static String secretKey(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static String targetKey(String projectId, String type) {
    return projectId + "/" + type;
  }
}
