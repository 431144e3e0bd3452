package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The Secret informer's store, keeping the data only of Secrets some resource references. The
 * informer has to watch every Secret (any may become referenced), but clusters hold many large
 * ones the operator never reads (Helm release history, service account tokens, TLS certificates):
 * their metadata is kept, their data dropped. A Secret that becomes referenced is read once from
 * the Kubernetes API when a pass needs it. Stripping starts once the resource cache is complete,
 * since before that every Secret would look unreferenced.
 *
 * <p>One store per informer: informers of several namespaces sharing one store would each prune
 * the others' keys on a relist.
 */
final class ReferencedSecretsStore implements ItemStore<Secret> {

  /** Marks a copy whose data was dropped; in memory only, never written anywhere. */
  static final String DATA_NOT_CACHED = "integrations.mdbops.io/data-not-cached";

  private final BasicItemStore<Secret> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final Predicate<Secret> referenced;
  private volatile boolean stripping;

  ReferencedSecretsStore(Predicate<Secret> referenced) {
    this.referenced = referenced;
  }

  static boolean isStripped(Secret secret) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(DATA_NOT_CACHED);
  }

  /** From now on, and for what is already stored: keep data only for referenced Secrets. */
  void startStripping() {
    stripping = true;
    sweep();
  }

  /** Drops the data of Secrets no resource references any more. */
  void sweep() {
    if (!stripping) {
      return;
    }
    store.keySet().toList().forEach(key -> {
      Secret s = store.get(key);
      if (s != null && !isStripped(s) && !referenced.test(s)) {
        store.put(key, stripped(s));
      }
    });
  }

  /** Stores a complete copy read from the API, unless the informer has meanwhile stored a newer one. */
  void restore(Secret live) {
    String key = getKey(live);
    Secret current = store.get(key);
    if (current == null || Objects.equals(current.getMetadata().getResourceVersion(),
        live.getMetadata().getResourceVersion())) {
      store.put(key, live);
    }
  }

  @Override
  public String getKey(Secret obj) {
    return store.getKey(obj);
  }

  @Override
  public Secret put(String key, Secret obj) {
    return store.put(key, stripping && !referenced.test(obj) ? stripped(obj) : obj);
  }

  @Override
  public Secret remove(String key) {
    return store.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet();
  }

  @Override
  public Stream<Secret> values() {
    return store.values();
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public Secret get(String key) {
    return store.get(key);
  }

  private static Secret stripped(Secret s) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(s.getMetadata().getName())
        .withNamespace(s.getMetadata().getNamespace())
        .withUid(s.getMetadata().getUid())
        .withResourceVersion(s.getMetadata().getResourceVersion())
        .withGeneration(s.getMetadata().getGeneration())
        .addToAnnotations(DATA_NOT_CACHED, "true")
        .endMetadata()
        .withType(s.getType())
        .build();
  }
}
