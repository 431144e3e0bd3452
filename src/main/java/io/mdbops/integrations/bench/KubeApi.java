package io.mdbops.integrations.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import java.util.List;

/**
 * The in-process Kubernetes API a run uses: the sandbox's {@link EmbeddedKubernetes} (fabric8's mock
 * server, what the tests and the sandbox run on) or {@link IndexedKubernetes}, the same server with
 * its name lookups indexed, to show how much of a result is the mock server's own cost.
 */
public interface KubeApi extends AutoCloseable {

  /** Which one. */
  enum Kind {
    /** {@link EmbeddedKubernetes}: fabric8's CRUD mock server, every lookup a scan of every object. */
    mock,
    /** {@link IndexedKubernetes}: the same server, name lookups through an index. */
    indexed
  }

  KubernetesClient client();

  String url();

  /** Every request since the last {@link #clearJournal()}, oldest first. */
  List<EmbeddedKubernetes.Request> requests();

  void clearJournal();

  @Override
  void close();

  static KubeApi start(Kind kind) {
    if (kind == Kind.indexed) {
      return IndexedKubernetes.start();
    }
    EmbeddedKubernetes k = EmbeddedKubernetes.start(0);
    return new KubeApi() {
      @Override
      public KubernetesClient client() {
        return k.client();
      }

      @Override
      public String url() {
        return k.url();
      }

      @Override
      public List<EmbeddedKubernetes.Request> requests() {
        return k.requests();
      }

      @Override
      public void clearJournal() {
        k.clearJournal();
      }

      @Override
      public void close() {
        k.close();
      }
    };
  }
}
