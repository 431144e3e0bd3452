package io.mdbops.integrations.connection;

import io.mdbops.integrations.mapping.MeasuredBehaviour;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.NoncePolicy;
import io.mdbops.integrations.opsmanager.Product;
import java.util.Optional;

/**
 * A usable connection and the Secret it came from.
 *
 * @param product which product answers there: decides which types and fields exist
 * @param secretVersion the Secret's resourceVersion: a new version means new credentials
 * @param isDefault whether this is the operator's default connection
 * @param profile the {@code doctor} profile of its server, when the Secret holds one
 */
public record ResolvedConnection(
    ApiConnection api, Product product, String secretNamespace, String secretName, String secretVersion,
    boolean isDefault, Optional<ConnectionProfile> profile) {

  public ResolvedConnection(ApiConnection api, Product product, String secretNamespace, String secretName,
      String secretVersion, boolean isDefault) {
    this(api, product, secretNamespace, secretName, secretVersion, isDefault, Optional.empty());
  }

  /** What the server is known to do: measured by doctor, else nothing. */
  public MeasuredBehaviour behaviour() {
    return profile.map(ConnectionProfile::behaviour).orElse(MeasuredBehaviour.ASSUMED);
  }

  /** How the connection's client answers Digest challenges. */
  public NoncePolicy nonces() {
    return profile.map(ConnectionProfile::nonces).orElse(NoncePolicy.REUSE);
  }

  /** Identifies the credentials; clients are cached by it and rebuilt when it changes. */
  public String clientKey() {
    return secretNamespace + "/" + secretName + "@" + secretVersion;
  }

  public String secretId() {
    return secretNamespace + "/" + secretName;
  }

  public String baseUrl() {
    return api.baseUrl().toString();
  }
}
