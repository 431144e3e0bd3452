package io.mdbops.integrations.prometheus;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** ScrapeConfigs in a map, with every write recorded and failures on demand (an HTTP code per call). */
public final class FakeScrapeConfigs implements ScrapeConfigStore {

  private final Map<String, GenericKubernetesResource> objects = new ConcurrentHashMap<>();
  public final List<String> writes = new ArrayList<>();
  /** Answered to every call while set: 404 as when the CRD is not installed, 403 as without RBAC. */
  public volatile int failWith;
  private long versions = 1;

  @Override
  public Optional<GenericKubernetesResource> get(String namespace, String name) {
    fail();
    return Optional.ofNullable(objects.get(namespace + "/" + name)).map(FakeScrapeConfigs::copy);
  }

  @Override
  public synchronized void create(GenericKubernetesResource scrapeConfig) {
    fail();
    writes.add("create " + key(scrapeConfig));
    store(scrapeConfig);
  }

  @Override
  public synchronized void update(GenericKubernetesResource scrapeConfig) {
    fail();
    writes.add("update " + key(scrapeConfig));
    store(scrapeConfig);
  }

  @Override
  public synchronized void delete(String namespace, String name) {
    fail();
    writes.add("delete " + namespace + "/" + name);
    objects.remove(namespace + "/" + name);
  }

  /** What is stored, as a user would edit it. */
  public Optional<GenericKubernetesResource> stored(String namespace, String name) {
    return Optional.ofNullable(objects.get(namespace + "/" + name)).map(FakeScrapeConfigs::copy);
  }

  public void put(GenericKubernetesResource scrapeConfig) {
    store(scrapeConfig);
  }

  private void store(GenericKubernetesResource scrapeConfig) {
    GenericKubernetesResource stored = copy(scrapeConfig);
    stored.getMetadata().setResourceVersion(Long.toString(++versions));
    objects.put(key(stored), stored);
  }

  private void fail() {
    if (failWith != 0) {
      throw new KubernetesClientException("fake: HTTP " + failWith, failWith, null);
    }
  }

  private static String key(GenericKubernetesResource r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  private static GenericKubernetesResource copy(GenericKubernetesResource r) {
    return Serialization.unmarshal(Serialization.asJson(r), GenericKubernetesResource.class);
  }
}
