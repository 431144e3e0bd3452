package io.mdbops.integrations.plan;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mdbops.integrations.api.v1alpha1.ConnectionSecretReference;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.Product;
import java.util.Optional;

/**
 * The connection each resource's project is read through: the connection Secret it names, taken from
 * the manifests when they hold it, else the connection of the command line's flags (which stand for
 * every connection Secret the manifests reference but do not contain), else the cluster's Secret. A
 * Secret's keys are read exactly as the operator reads them.
 */
public final class PlanConnections {

  /** A connection, or why there is none. */
  public sealed interface Result {}

  /** @param origin where it came from, for messages: "from the manifests", "--api-url", ... */
  public record Resolved(ResolvedConnection connection, String origin) implements Result {}

  public record Unavailable(String message) implements Result {}

  private final PlanSecrets secrets;
  private final ApiConnection flags;
  private final String defaultNamespace;
  private final String defaultName;

  /**
   * @param flags the connection of the command line's flags, or null
   * @param defaultNamespace namespace of the operator's default connection Secret, or null
   * @param defaultName name of the operator's default connection Secret, or null
   */
  public PlanConnections(PlanSecrets secrets, ApiConnection flags, String defaultNamespace, String defaultName) {
    this.secrets = secrets;
    this.flags = flags;
    this.defaultNamespace = defaultNamespace;
    this.defaultName = defaultName;
  }

  public Result resolve(ThirdPartyIntegration resource) {
    ConnectionSecretReference ref = resource.getSpec().getConnectionSecretRef();
    String namespace = ref == null ? defaultNamespace : resource.getMetadata().getNamespace();
    String name = ref == null ? defaultName : ref.getName();
    if (name == null) {
      return flags != null ? fromFlags() : new Unavailable("the resource has no spec.connectionSecretRef, so the"
          + " operator would use its default connection: give it with --api-url (and its key flags), or name its"
          + " Secret with --default-connection-secret NAMESPACE/NAME and --kubeconfig");
    }
    PlanSecrets.Lookup found = secrets.find(namespace, name);
    if (found instanceof PlanSecrets.Found f && (f.origin() == PlanSecrets.Origin.MANIFESTS || flags == null)) {
      return fromSecret(f, namespace, name, ref == null);
    }
    if (flags != null) {
      return fromFlags();
    }
    PlanSecrets.Absent absent = (PlanSecrets.Absent) found;
    return new Unavailable("no connection: " + absent.why() + "; give the connection with --api-url (and its key"
        + " flags)" + (absent.missing() ? "" : " or --kubeconfig"));
  }

  private Result fromFlags() {
    ResolvedConnection connection = new ResolvedConnection(flags, Product.derivedFrom(flags.generation(), flags.baseUrl()),
        "(command line)", "--api-url", "flags", false);
    return new Resolved(connection, "--api-url");
  }

  private static Result fromSecret(PlanSecrets.Found found, String namespace, String name, boolean isDefault) {
    ConnectionResolver resolver = new ConnectionResolver((ns, n) -> Optional.of(found.secret()),
        EndpointPolicy.anyWellFormed(), namespace, isDefault ? name : null, ns -> true);
    ThirdPartyIntegration probe = new ThirdPartyIntegration();
    probe.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).build());
    probe.setSpec(new ThirdPartyIntegrationSpec());
    if (!isDefault) {
      probe.getSpec().setConnectionSecretRef(new ConnectionSecretReference(name));
    }
    try {
      return new Resolved(resolver.resolve(probe), found.origin().words());
    } catch (ConnectionUnavailableException e) {
      return new Unavailable(e.getMessage() + " (" + found.origin().words() + ")");
    }
  }
}
