package io.mdbops.integrations.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.opsmanager.Product;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Puts what the examples need into the sandbox's Kubernetes API: namespaces, connection Secrets, the examples. */
final class SandboxSeeder {

  /** The credentials the sandbox's connection Secrets carry. */
  /** @param product the product to name in the Secret, or null to let the operator derive it from baseUrl */
  record Credentials(String baseUrl, String publicKey, String privateKey, String caPem, Product product) {
    @Override
    public String toString() {
      return "Credentials[" + baseUrl + ", publicKey=" + publicKey + ", privateKey=<redacted>]";
    }
  }

  private final KubernetesClient client;
  private final Set<String> namespaces = new LinkedHashSet<>();

  SandboxSeeder(KubernetesClient client) {
    this.client = client;
  }

  /**
   * One connection Secret per (namespace, name) the examples reference and do not define
   * themselves; returns their {@code namespace/name}.
   */
  Set<String> createConnectionSecrets(Examples examples, Credentials credentials) {
    Set<String> defined = new LinkedHashSet<>();
    examples.all().forEach(e -> e.secrets().forEach(s -> defined.add(
        s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())));
    Set<String> wanted = new LinkedHashSet<>();
    for (ThirdPartyIntegration r : examples.resources()) {
      if (r.getSpec() != null && r.getSpec().getConnectionSecretRef() != null
          && r.getSpec().getConnectionSecretRef().getName() != null) {
        wanted.add(r.getMetadata().getNamespace() + "/" + r.getSpec().getConnectionSecretRef().getName());
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

  /** Creates (or updates) every object of the examples, namespaces first. */
  void apply(Examples examples) {
    for (Examples.Example example : examples.all()) {
      for (HasMetadata object : example.objects()) {
        String ns = object.getMetadata().getNamespace();
        if (ns == null && !(object instanceof Namespace)) {
          ns = "default";
          object.getMetadata().setNamespace(ns);
        }
        if (ns != null) {
          ensureNamespace(ns);
        }
        client.resource(object).createOr(NonDeletingOperation::update);
      }
    }
  }

  private void ensureNamespace(String ns) {
    if (namespaces.add(ns) && client.namespaces().withName(ns).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  private static Secret connectionSecret(String namespace, String name, Credentials credentials) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(ConnectionResolver.PUBLIC_KEY, base64(credentials.publicKey()));
    data.put(ConnectionResolver.PRIVATE_KEY, base64(credentials.privateKey()));
    data.put(ConnectionResolver.BASE_URL, base64(credentials.baseUrl()));
    if (credentials.caPem() != null) {
      data.put(ConnectionResolver.CA_CERT, base64(credentials.caPem()));
    }
    if (credentials.product() != null) {
      data.put(ConnectionResolver.PRODUCT, base64(credentials.product().key()));
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
