package io.mdbops.integrations.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.util.List;
import java.util.Optional;

/**
 * What a set of manifest files holds, as {@code plan} needs it: the resources (each read by the
 * operator's own parser, with its problems), the Secrets, and what was left aside.
 *
 * @param resources every ThirdPartyIntegration document, readable or not, in file order
 * @param secrets every Secret document
 * @param unreadable documents that are not YAML, or not an object with a kind
 * @param ignoredKinds the kinds of the documents plan has no use for (Deployment, ConfigMap, ...)
 */
public record Manifests(
    List<Resource> resources, List<SecretDocument> secrets, List<Unreadable> unreadable, List<String> ignoredKinds) {

  public Manifests {
    resources = List.copyOf(resources);
    secrets = List.copyOf(secrets);
    unreadable = List.copyOf(unreadable);
    ignoredKinds = List.copyOf(ignoredKinds);
  }

  /**
   * One ThirdPartyIntegration document.
   *
   * @param where the file and document number, e.g. {@code slack.yaml#2}
   * @param namespace metadata.namespace, or the default namespace when the document has none
   * @param name metadata.name as written (may be null when the document lacks it)
   * @param tree the document as read
   * @param resource the resource as the operator reads it; null when it cannot be read at all
   * @param problems why the API server would refuse it, else why the operator would: one message each
   */
  public record Resource(String where, String namespace, String name, JsonNode tree, ThirdPartyIntegration resource,
      List<String> problems) {

    public Resource {
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return resource != null && problems.isEmpty();
    }
  }

  /** A document that could not be read, and why (never its content). */
  public record Unreadable(String where, String problem) {}

  /** One Secret document, with its namespace resolved as for the resources. */
  public record SecretDocument(String where, Secret secret) {}

  /** The Secret of this namespace and name, if the manifests hold one. */
  public Optional<Secret> secret(String namespace, String name) {
    return secrets.stream().map(SecretDocument::secret)
        .filter(s -> name.equals(s.getMetadata().getName()) && namespace.equals(s.getMetadata().getNamespace()))
        .findFirst();
  }
}
