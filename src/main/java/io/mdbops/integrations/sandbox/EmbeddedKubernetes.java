package io.mdbops.integrations.sandbox;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sandbox.admission.CrdSchemaAdmission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Kubernetes API on loopback: fabric8's mock server in CRUD mode, with the CRD
 * installed, a journal of every request (to count writes) and one-shot error injection. It stores
 * and watches objects like a real API server but has no server-side apply. For kubectl it also
 * admits the custom resource as a real server does (schema, CEL rules, unknown fields; see
 * {@link CrdSchemaAdmission}); the end-to-end tests leave that off so they can store objects a real
 * server would refuse and watch the operator's own validation handle them.
 */
public final class EmbeddedKubernetes implements AutoCloseable {

  /** The generated CRD, as packaged by the build. */
  public static final String CRD_RESOURCE =
      "/META-INF/fabric8/thirdpartyintegrations.integrations.mdbops.io-v1.yml";
  private static final int MAX_JOURNAL = 200_000;
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** One request the server received. */
  public record Request(Instant at, String method, String path) {
    public boolean isWrite() {
      return WRITES.contains(method);
    }
  }

  private record Injected(String method, String pathContains, int status, AtomicInteger remaining) {}

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Queue<Request> journal = new ConcurrentLinkedQueue<>();
  private final Queue<Injected> injected = new ConcurrentLinkedQueue<>();
  private final CustomResourceDefinition crd = loadCrd();
  private final KubectlSupport kubectl;

  private EmbeddedKubernetes(int port, boolean forKubectl) {
    kubectl = forKubectl ? new KubectlSupport(crd) : null;
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    MockWebServer http = new MockWebServer();
    Dispatcher store = new KubernetesMixedDispatcher(responses);
    CrdSchemaAdmission admission = forKubectl ? new CrdSchemaAdmission(crd) : null;
    Dispatcher crud = admission == null ? store : new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return admission.dispatch(request, store);
      }
    };
    Dispatcher recording = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        // the mock web server queues every request for takeRequest(); drain it so memory stays flat
        drain(http);
        journal.add(new Request(Instant.now(), request.getMethod(), request.getPath()));
        if (journal.size() > MAX_JOURNAL) {
          journal.poll();
        }
        for (Injected i : injected) {
          if (i.method().equals(request.getMethod()) && request.getPath().contains(i.pathContains())
              && i.remaining().getAndDecrement() > 0) {
            return new MockResponse().setResponseCode(i.status())
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + i.status()
                    + ",\"reason\":\"Conflict\",\"message\":\"injected by the test\"}");
          }
        }
        return kubectl == null ? crud.dispatch(request) : kubectl.dispatch(request, crud);
      }
    };
    server = new KubernetesMockServer(
        new Context(Serialization.jsonMapper()), http, responses, recording, false);
    server.init(InetAddress.getLoopbackAddress(), port);
    allowLeaderElection();
    if (kubectl != null) {
      kubectl.serveDiscovery(server.getPort());
    }
    client = server.createClient();
  }

  /**
   * JOSDK checks Lease access with a SelfSubjectRulesReview before electing a leader; the mock
   * server cannot answer one, so this grants what leader election needs.
   */
  private void allowLeaderElection() {
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder()
            .withNewStatus().withIncomplete(false)
            .addNewResourceRule()
            .withApiGroups("coordination.k8s.io")
            .withResources("leases")
            .withVerbs("get", "list", "watch", "create", "update", "patch")
            .endResourceRule()
            .endStatus()
            .build())
        .always();
  }

  /** Starts on 127.0.0.1 ({@code port} 0 picks a free one) and installs the CRD. */
  public static EmbeddedKubernetes start(int port) {
    EmbeddedKubernetes k = new EmbeddedKubernetes(port, false);
    k.installCrd();
    return k;
  }

  /**
   * As {@link #start(int)}, and also serves what {@code kubectl} needs: discovery, Table printing
   * of the custom resource and strategic merge patches (see {@link KubectlSupport}), and admits the
   * custom resource against the CRD as a real API server does.
   */
  public static EmbeddedKubernetes startForKubectl(int port) {
    EmbeddedKubernetes k = new EmbeddedKubernetes(port, true);
    k.installCrd();
    return k;
  }

  private static CustomResourceDefinition loadCrd() {
    try (InputStream in = EmbeddedKubernetes.class.getResourceAsStream(CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("CRD " + CRD_RESOURCE + " is not on the classpath; build first");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void installCrd() {
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    client.resources(ThirdPartyIntegration.class).inAnyNamespace().list();
  }

  private static void drain(MockWebServer http) {
    try {
      while (http.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
        // discard
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public KubernetesClient client() {
    return client;
  }

  public int port() {
    return server.getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return new ArrayList<>(journal);
  }

  /** Writes (POST, PUT, PATCH, DELETE) so far. */
  public List<Request> writes() {
    return journal.stream().filter(Request::isWrite).toList();
  }

  public void clearJournal() {
    journal.clear();
  }

  /** The next {@code times} requests with this method and a path containing the text fail. */
  public void failNext(String method, String pathContains, int status, int times) {
    injected.add(new Injected(method, pathContains, status, new AtomicInteger(times)));
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
