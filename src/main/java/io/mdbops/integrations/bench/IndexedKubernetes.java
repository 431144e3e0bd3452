package io.mdbops.integrations.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's CRUD mock server with one change: looking an object up by namespace and name goes
 * through an index instead of testing every stored object (which fabric8 does for every GET, PUT,
 * PATCH and create, on its single event-loop thread). Lists and watches are fabric8's own. An
 * experiment of the benchmark, not a Kubernetes API to test against: it shows which part of a
 * result the mock server's scans account for.
 */
final class IndexedKubernetes implements KubeApi {

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Queue<EmbeddedKubernetes.Request> journal = new ConcurrentLinkedQueue<>();

  private IndexedKubernetes() {
    MockWebServer http = new MockWebServer();
    IndexedCrudDispatcher crud = new IndexedCrudDispatcher();
    Dispatcher recording = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        drain(http);
        journal.add(new EmbeddedKubernetes.Request(Instant.now(), request.getMethod(), request.getPath()));
        return crud.dispatch(request);
      }
    };
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), http, new HashMap<>(), recording, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    installCrd();
  }

  static IndexedKubernetes start() {
    return new IndexedKubernetes();
  }

  private void installCrd() {
    try (InputStream in = EmbeddedKubernetes.class.getResourceAsStream(EmbeddedKubernetes.CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("CRD " + EmbeddedKubernetes.CRD_RESOURCE + " is not on the classpath");
      }
      CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client.resources(ThirdPartyIntegration.class).inAnyNamespace().list();
  }

  private static void drain(MockWebServer http) {
    try {
      while (http.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // discard: the mock web server keeps every request for takeRequest()
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Override
  public List<EmbeddedKubernetes.Request> requests() {
    return new ArrayList<>(journal);
  }

  @Override
  public void clearJournal() {
    journal.clear();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  /**
   * Keeps namespace/name → stored keys next to fabric8's map. Entries of the index may be stale (an
   * object's key changes on every write); a candidate counts only while the map still holds it and it
   * matches the query, which is exactly the test the scan applies.
   */
  static final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private final Map<String, Set<AttributeSet>> byName = new ConcurrentHashMap<>();

    private KubernetesAttributesExtractor extractor() {
      return (KubernetesAttributesExtractor) attributeExtractor;
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
      if (hasNullName(query)) {
        return null; // a create with generateName: every stored object has a name, so none matches
      }
      String key = nameKey(query);
      if (key == null) {
        return super.findResource(query);
      }
      Set<AttributeSet> candidates = byName.get(key);
      if (candidates == null) {
        return null;
      }
      for (AttributeSet candidate : candidates) {
        String value = map.get(candidate);
        if (value == null) {
          candidates.remove(candidate);
        } else if (candidate.matches(query)) {
          return new AbstractMap.SimpleImmutableEntry<>(candidate, value);
        }
      }
      return null;
    }

    @Override
    public MockResponse handleGet(String path) {
      if (!path.contains("watch=true")) {
        AttributeSet query = extractor().fromPath(path);
        if (nameKey(query) != null) {
          Map.Entry<AttributeSet, String> found = findResource(query);
          if (found != null) {
            return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(found.getValue());
          }
        }
      }
      return super.handleGet(path);
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
        GenericKubernetesResource resource, String newState) {
      super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
      if (newState != null) {
        // the key fabric8 just stored the object under, computed as it does
        AttributeSet stored = resource != null ? extractor().extract(resource) : extractor().fromResource(newState);
        if (!stored.containsKey(KubernetesAttributesExtractor.PLURAL)) {
          stored = AttributeSet.merge(pathAttributes, stored);
        }
        String key = nameKey(stored);
        if (key != null) {
          byName.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(stored);
        }
      }
    }

    private static boolean hasNullName(AttributeSet set) {
      Attribute name = set.getAttribute(KubernetesAttributesExtractor.NAME);
      return name != null && name.getValues().size() == 1 && name.getValues().get(0).toString() == null;
    }

    /** namespace/name when the set names exactly one namespaced object, else null. */
    private static String nameKey(AttributeSet set) {
      Attribute name = set.getAttribute(KubernetesAttributesExtractor.NAME);
      Attribute namespace = set.getAttribute(KubernetesAttributesExtractor.NAMESPACE);
      if (name == null || namespace == null || name.getValues().size() != 1 || namespace.getValues().size() != 1) {
        return null;
      }
      String n = name.getValues().get(0).toString();
      String ns = namespace.getValues().get(0).toString();
      return n == null || ns == null || n.equals("*") || ns.equals("*") ? null : ns + "/" + n;
    }
  }
}
