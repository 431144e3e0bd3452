package io.mdbops.integrations.connection;

import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.Product;

/**
 * A usable connection and the Secret it came from.
 *
 * @param product which product answers there: decides which types and fields exist
 * @param secretVersion the Secret's resourceVersion: a new version means new credentials
 * @param isDefault whether this is the operator's default connection
 */
public record ResolvedConnection(
    ApiConnection api, Product product, String secretNamespace, String secretName, String secretVersion,
    boolean isDefault) {

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
