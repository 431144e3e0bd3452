package io.mdbops.integrations.connection;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ConnectionSecretReference;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.Product;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Predicate;

/**
 * Finds the connection a resource uses: its own {@code connectionSecretRef} (same namespace) or the
 * operator's default connection, if this namespace may use it. Reads only the Secret cache.
 */
public final class ConnectionResolver {

  public static final String PUBLIC_KEY = "publicKey";
  public static final String PRIVATE_KEY = "privateKey";
  public static final String BASE_URL = "baseUrl";
  public static final String CA_CERT = "ca.crt";
  /** Optional: cloud-manager or ops-manager; by default derived from baseUrl. */
  public static final String PRODUCT = "product";

  private final SecretSource secrets;
  private final EndpointPolicy endpoints;
  private final String operatorNamespace;
  private final String defaultSecretName;
  private final Predicate<String> mayUseDefault;
  private final ConnectionMemory memory;

  /** Where a resource's connection Secret is. */
  private record Location(String namespace, String name, boolean isDefault) {
    String secretId() {
      return namespace + "/" + name;
    }

    String describe() {
      return (isDefault ? "default connection Secret " : "connection Secret ") + secretId();
    }
  }

  /**
   * @param defaultSecretName the default connection Secret in {@code operatorNamespace}, or null
   * @param mayUseDefault which namespaces may use the default connection
   */
  public ConnectionResolver(
      SecretSource secrets,
      EndpointPolicy endpoints,
      String operatorNamespace,
      String defaultSecretName,
      Predicate<String> mayUseDefault) {
    this(secrets, endpoints, operatorNamespace, defaultSecretName, mayUseDefault, new ConnectionMemory());
  }

  /** As above; {@code memory} keeps the connections resources wrote through (see {@link #wrote}). */
  public ConnectionResolver(
      SecretSource secrets,
      EndpointPolicy endpoints,
      String operatorNamespace,
      String defaultSecretName,
      Predicate<String> mayUseDefault,
      ConnectionMemory memory) {
    this.secrets = secrets;
    this.endpoints = endpoints;
    this.operatorNamespace = operatorNamespace;
    this.defaultSecretName = defaultSecretName;
    this.mayUseDefault = mayUseDefault;
    this.memory = memory;
  }

  public ResolvedConnection resolve(ThirdPartyIntegration resource) throws ConnectionUnavailableException {
    Location at = locate(resource);
    String where = at.describe();
    Secret secret = secrets.get(at.namespace(), at.name())
        .orElseThrow(() -> new ConnectionUnavailableException(
            ConditionReason.SecretNotFound,
            where + " does not exist; create it with the keys publicKey and privateKey"));
    String publicKey = required(secret, PUBLIC_KEY, where);
    String privateKey = required(secret, PRIVATE_KEY, where);
    String baseUrl = optional(secret, BASE_URL, false, where);
    String caPem = optional(secret, CA_CERT, true, where);
    URI url = endpoints.check(baseUrl == null ? ApiConnection.CLOUD_MANAGER.toString() : baseUrl);
    return new ResolvedConnection(
        new ApiConnection(url, publicKey, privateKey, caPem),
        product(optional(secret, PRODUCT, false, where), url, where),
        at.namespace(),
        at.name(),
        secret.getMetadata().getResourceVersion(),
        at.isDefault());
  }

  /** The resource wrote through {@code connection}: it is kept while the resource lives. */
  public void wrote(ThirdPartyIntegration resource, ResolvedConnection connection) {
    memory.wrote(resource.getMetadata().getUid(), connection);
  }

  /** The resource is gone: so is what was kept for it. */
  public void forget(ThirdPartyIntegration resource) {
    memory.forget(resource.getMetadata().getUid());
  }

  /**
   * The connection this resource last wrote through, as the operator kept it, when its Secret no
   * longer exists: only the Secret the spec names today, and only where that Secret may still be used.
   */
  public Optional<ResolvedConnection> remembered(ThirdPartyIntegration resource) {
    try {
      Location at = locate(resource);
      return secrets.get(at.namespace(), at.name()).isPresent() ? Optional.empty()
          : memory.recall(resource.getMetadata().getUid(), at.secretId());
    } catch (ConnectionUnavailableException e) {
      return Optional.empty();
    }
  }

  private Location locate(ThirdPartyIntegration resource) throws ConnectionUnavailableException {
    String namespace = resource.getMetadata().getNamespace();
    ConnectionSecretReference ref = resource.getSpec().getConnectionSecretRef();
    if (ref != null) {
      return new Location(namespace, ref.getName(), false);
    } else if (defaultSecretName == null) {
      throw new ConnectionUnavailableException(
          ConditionReason.ConnectionInvalid,
          "spec.connectionSecretRef is not set and the operator has no default connection; set"
              + " spec.connectionSecretRef to a Secret in this namespace with publicKey and privateKey");
    } else if (!mayUseDefault.test(namespace)) {
      throw new ConnectionUnavailableException(
          ConditionReason.ConnectionNotAllowed,
          "namespace " + namespace + " may not use the operator's default connection; set"
              + " spec.connectionSecretRef to a Secret in this namespace, or ask the operator's"
              + " administrator to allow this namespace");
    }
    return new Location(operatorNamespace, defaultSecretName, true);
  }

  private static Product product(String value, URI url, String where) throws ConnectionUnavailableException {
    if (value == null) {
      return Product.derivedFrom(url);
    }
    return Product.ofKey(value).orElseThrow(() -> new ConnectionUnavailableException(
        ConditionReason.ConnectionInvalid, where + " key " + PRODUCT + " must be "
            + Arrays.stream(Product.values()).map(Product::key).collect(Collectors.joining(" or "))
            + " (or left out: Cloud Manager for https://cloud.mongodb.com, Ops Manager elsewhere)"));
  }

  private static String required(Secret secret, String key, String where)
      throws ConnectionUnavailableException {
    SecretData.Read read = SecretData.read(secret, key);
    if (read instanceof SecretData.Value v) {
      return v.value();
    }
    throw new ConnectionUnavailableException(
        ConditionReason.ConnectionInvalid, where + " " + SecretData.problem(read, key));
  }

  private static String optional(Secret secret, String key, boolean multiline, String where)
      throws ConnectionUnavailableException {
    SecretData.Read read = SecretData.read(secret, key, multiline);
    if (read instanceof SecretData.Value v) {
      return v.value();
    }
    if (read instanceof SecretData.Missing) {
      return null;
    }
    throw new ConnectionUnavailableException(
        ConditionReason.ConnectionInvalid, where + " " + SecretData.problem(read, key));
  }
}
