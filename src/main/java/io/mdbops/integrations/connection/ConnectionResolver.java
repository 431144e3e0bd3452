package io.mdbops.integrations.connection;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ConnectionSecretReference;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.doctor.ApiProfile;
import io.mdbops.integrations.doctor.ProfileJson;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.Predicate;

/**
 * Finds the connection a resource uses: its own {@code connectionSecretRef} (same namespace) or the
 * operator's default connection, if this namespace may use it. Reads only the Secret cache.
 */
public final class ConnectionResolver {

  public static final String PUBLIC_KEY = "publicKey";
  public static final String PRIVATE_KEY = "privateKey";
  /** A service account (OAuth 2 client credentials), the alternative to publicKey + privateKey. */
  public static final String CLIENT_ID = "clientId";
  public static final String CLIENT_SECRET = "clientSecret";
  /** Optional: public-v1 (default) or atlas-v2, the API generation. */
  public static final String API = "api";
  public static final String BASE_URL = "baseUrl";
  public static final String CA_CERT = "ca.crt";
  /** Optional: cloud-manager, ops-manager or atlas; by default derived from api and baseUrl. */
  public static final String PRODUCT = "product";
  /** Optional: the output of {@code doctor --json} for this connection's server. */
  public static final String PROFILE = "profile";

  private final SecretSource secrets;
  private final EndpointPolicy endpoints;
  private final String operatorNamespace;
  private final String defaultSecretName;
  private final Predicate<String> mayUseDefault;
  /** The last valid profile read from each connection Secret, by {@code Secret NS/NAME}. */
  private final Map<String, ParsedProfile> profiles = new ConcurrentHashMap<>();

  private record ParsedProfile(String version, Product product, ConnectionProfile profile) {}

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
            where + " does not exist; create it with the keys publicKey and privateKey (an API key) or"
                + " clientId and clientSecret (a service account)"));
    Credentials credentials = credentials(secret, where);
    String baseUrl = optional(secret, BASE_URL, false, where);
    String caPem = optional(secret, CA_CERT, true, where);
    String profileText = optional(secret, PROFILE, true, where);
    URI url = endpoints.check(baseUrl == null ? ApiConnection.CLOUD_MANAGER.toString() : baseUrl);
    Product product = product(optional(secret, PRODUCT, false, where), optional(secret, API, false, where), url, where);
    Optional<ConnectionProfile> profile = profileText == null ? Optional.empty()
        : Optional.of(profile(profileText, product, where, "Secret " + at.secretId(),
            secret.getMetadata().getResourceVersion()));
    return new ResolvedConnection(
        credentials.serviceAccount()
            ? ApiConnection.serviceAccount(url, credentials.id(), credentials.secret(), caPem, product.generation())
            : ApiConnection.apiKey(url, credentials.id(), credentials.secret(), caPem, product.generation()),
        product,
        at.namespace(),
        at.name(),
        secret.getMetadata().getResourceVersion(),
        at.isDefault(),
        profile);
  }

  /**
   * The profile a connection Secret holds, checked: it must be doctor's, and of this product. Read
   * once per Secret version: every pass of every resource of the connection asks.
   */
  private ConnectionProfile profile(String text, Product product, String where, String secret, String version)
      throws ConnectionUnavailableException {
    ParsedProfile cached = profiles.get(secret);
    if (cached != null && version != null && version.equals(cached.version()) && cached.product() == product) {
      return cached.profile();
    }
    ConnectionProfile parsed = parse(text, product, where, secret);
    if (version != null) {
      profiles.put(secret, new ParsedProfile(version, product, parsed));
    }
    return parsed;
  }

  private static ConnectionProfile parse(String text, Product product, String where, String secret)
      throws ConnectionUnavailableException {
    ApiProfile parsed;
    try {
      parsed = ProfileJson.read(text);
    } catch (ProfileJson.InvalidProfileException e) {
      throw new ConnectionUnavailableException(ConditionReason.ConnectionInvalid, where + " key " + PROFILE + " "
          + e.getMessage() + "; put the output of doctor --json there, or remove the key");
    }
    if (parsed.product() != null && !parsed.product().equals(product.key())) {
      throw new ConnectionUnavailableException(ConditionReason.ConnectionInvalid, where + " key " + PROFILE
          + " was measured on " + parsed.product() + ", but this connection is " + product.key()
          + " (its product key, or its baseUrl); run doctor against this server, or fix the product key");
    }
    return new ConnectionProfile(parsed.behaviour(), ProfileJson.digest(text), parsed.measuredAt(),
        secret + " key " + PROFILE);
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
              + " spec.connectionSecretRef to a Secret in this namespace with publicKey and privateKey (an API key)"
              + " or clientId and clientSecret (a service account)");
    } else if (!mayUseDefault.test(namespace)) {
      throw new ConnectionUnavailableException(
          ConditionReason.ConnectionNotAllowed,
          "namespace " + namespace + " may not use the operator's default connection; set"
              + " spec.connectionSecretRef to a Secret in this namespace, or ask the operator's"
              + " administrator to allow this namespace");
    }
    return new Location(operatorNamespace, defaultSecretName, true);
  }

  /** The id and secret of an API key pair or of a service account. */
  private record Credentials(boolean serviceAccount, String id, String secret) {
    @Override
    public String toString() {
      return "Credentials[" + id + ", <redacted>]";
    }
  }

  /** An API key pair or a service account, never both (which one to use would be a guess). */
  private static Credentials credentials(Secret secret, String where) throws ConnectionUnavailableException {
    boolean apiKey = present(secret, PUBLIC_KEY) || present(secret, PRIVATE_KEY);
    boolean serviceAccount = present(secret, CLIENT_ID) || present(secret, CLIENT_SECRET);
    if (apiKey && serviceAccount) {
      throw new ConnectionUnavailableException(ConditionReason.ConnectionInvalid, where
          + " holds both an API key (publicKey, privateKey) and a service account (clientId, clientSecret);"
          + " keep one of the two");
    }
    if (serviceAccount) {
      return new Credentials(true, required(secret, CLIENT_ID, where), required(secret, CLIENT_SECRET, where));
    }
    if (!apiKey) {
      throw new ConnectionUnavailableException(ConditionReason.ConnectionInvalid, where
          + " has neither publicKey and privateKey (an API key) nor clientId and clientSecret (a service account)");
    }
    return new Credentials(false, required(secret, PUBLIC_KEY, where), required(secret, PRIVATE_KEY, where));
  }

  /**
   * The product: named by the Secret, or Atlas for {@code api: atlas-v2}, else derived from the base
   * URL. Atlas is reached only through the Administration API v2, Cloud/Ops Manager only through the
   * public API v1.0: a Secret that pairs them otherwise is refused rather than guessed at.
   */
  private static Product product(String productValue, String apiValue, URI url, String where)
      throws ConnectionUnavailableException {
    ApiGeneration api = null;
    if (apiValue != null) {
      api = ApiGeneration.ofKey(apiValue).orElseThrow(() -> new ConnectionUnavailableException(
          ConditionReason.ConnectionInvalid, where + " key " + API + " must be "
              + Arrays.stream(ApiGeneration.values()).map(ApiGeneration::key).collect(Collectors.joining(" or "))
              + " (or left out: public-v1, the Cloud/Ops Manager public API v1.0)"));
    }
    Product product;
    if (productValue != null) {
      product = Product.ofKey(productValue).orElseThrow(() -> new ConnectionUnavailableException(
          ConditionReason.ConnectionInvalid, where + " key " + PRODUCT + " must be "
              + Arrays.stream(Product.values()).map(Product::key).collect(Collectors.joining(" or "))
              + " (or left out: Atlas with api atlas-v2, else Cloud Manager for https://cloud.mongodb.com and"
              + " Ops Manager elsewhere)"));
    } else {
      product = Product.derivedFrom(api, url);
    }
    if (api != null && api != product.generation()) {
      throw new ConnectionUnavailableException(ConditionReason.ConnectionInvalid, where + " says " + PRODUCT
          + " " + product.key() + " and " + API + " " + api.key() + ", but " + product + " is reached through "
          + product.generation().key() + ": remove one of the two keys");
    }
    return product;
  }

  private static boolean present(Secret secret, String key) {
    return !(SecretData.read(secret, key) instanceof SecretData.Missing);
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
