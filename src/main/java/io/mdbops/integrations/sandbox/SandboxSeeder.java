package io.mdbops.integrations.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Puts what the examples need into the sandbox's Kubernetes API: namespaces, connection Secrets, the examples. */
final class SandboxSeeder {

  /**
   * The credentials the sandbox's connection Secrets carry: an API key pair or a service account.
   *
   * @param product the product to name in the Secret, or null to let the operator derive it from baseUrl
   * @param api the API generation to name in the Secret, or null for the default (public-v1)
   */
  record Credentials(String baseUrl, String publicKey, String privateKey, String clientId, String clientSecret,
      String caPem, Product product, ApiGeneration api) {
    @Override
    public String toString() {
      return "Credentials[" + baseUrl + ", " + (clientId != null ? "clientId=" + clientId : "publicKey=" + publicKey)
          + ", secret=<redacted>]";
    }
  }

  private final KubernetesClient client;
  private final Set<String> namespaces = new LinkedHashSet<>();

  SandboxSeeder(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The sandbox's own connection Secret ({@value Examples#DEMO_CONNECTION}) in every namespace whose
   * examples reference it and do not define it; returns their {@code namespace/name}. A connection
   * under any other name is not invented: the resource says SecretNotFound, as a cluster would.
   */
  Set<String> createConnectionSecrets(Examples examples, Credentials credentials) {
    Set<String> defined = new LinkedHashSet<>();
    examples.all().forEach(e -> e.secrets().forEach(s -> defined.add(
        s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())));
    Set<String> wanted = new LinkedHashSet<>();
    for (ThirdPartyIntegration r : examples.resources()) {
      if (r.getSpec() != null && r.getSpec().getConnectionSecretRef() != null
          && Examples.DEMO_CONNECTION.equals(r.getSpec().getConnectionSecretRef().getName())) {
        wanted.add(namespaceOf(r) + "/" + Examples.DEMO_CONNECTION);
      }
    }
    wanted.removeAll(defined);
    for (String id : wanted) {
      String[] parts = id.split("/", 2);
      ensureNamespace(parts[0]);
      client.secrets().resource(connectionSecret(parts[0], parts[1], credentials)).create();
    }
    return wanted;
  }

  /**
   * Applies every document of the examples as kubectl apply does (strict field validation), so the
   * sandbox's API judges them exactly as it judges kubectl; returns, per file, what it refused, in
   * the API server's words. Namespaces come first.
   */
  List<String> apply(Examples examples) {
    List<String> refused = new ArrayList<>();
    for (Examples.Example example : examples.all()) {
      for (GenericKubernetesResource document : example.documents()) {
        boolean isNamespace = "Namespace".equals(document.getKind());
        if (!isNamespace && document.getMetadata().getNamespace() == null) {
          document.getMetadata().setNamespace("default");
        }
        if (!isNamespace) {
          ensureNamespace(document.getMetadata().getNamespace());
        }
        try {
          client.genericKubernetesResources(document.getApiVersion(), document.getKind())
              .resource(document).fieldValidation(FieldValidateable.Validation.STRICT)
              .createOr(NonDeletingOperation::update);
        } catch (KubernetesClientException e) {
          String message = e.getStatus() != null && e.getStatus().getMessage() != null
              ? e.getStatus().getMessage() : "HTTP " + e.getCode();
          refused.add(example.fileName() + ": " + message);
        }
      }
    }
    return refused;
  }

  private static String namespaceOf(HasMetadata object) {
    return object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
  }

  private void ensureNamespace(String ns) {
    if (namespaces.add(ns) && client.namespaces().withName(ns).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  private static Secret connectionSecret(String namespace, String name, Credentials credentials) {
    Map<String, String> data = new LinkedHashMap<>();
    if (credentials.clientId() != null) {
      data.put(ConnectionResolver.CLIENT_ID, base64(credentials.clientId()));
      data.put(ConnectionResolver.CLIENT_SECRET, base64(credentials.clientSecret()));
    } else {
      data.put(ConnectionResolver.PUBLIC_KEY, base64(credentials.publicKey()));
      data.put(ConnectionResolver.PRIVATE_KEY, base64(credentials.privateKey()));
    }
    data.put(ConnectionResolver.BASE_URL, base64(credentials.baseUrl()));
    if (credentials.caPem() != null) {
      data.put(ConnectionResolver.CA_CERT, base64(credentials.caPem()));
    }
    if (credentials.product() != null) {
      data.put(ConnectionResolver.PRODUCT, base64(credentials.product().key()));
    }
    if (credentials.api() != null && credentials.api() != ApiGeneration.PUBLIC_V1) {
      data.put(ConnectionResolver.API, base64(credentials.api().key()));
    }
    return new SecretBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name)
        .addToLabels("app.kubernetes.io/part-of", "integrations-sandbox").endMetadata()
        .withType("Opaque").withData(data).build();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
