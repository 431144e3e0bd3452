package io.mdbops.integrations.opsmanager;

import java.net.URI;
import java.util.Objects;

/**
 * Where and how to reach the API: base URL (scheme, host, port, optional path prefix, without
 * {@code /api/...}), the API key pair for HTTP Digest, and an optional PEM bundle of CA certificates
 * that replaces the platform trust store for this connection.
 */
public record ApiConnection(URI baseUrl, String publicKey, String privateKey, String caPem) {

  public static final URI CLOUD_MANAGER = URI.create("https://cloud.mongodb.com");

  public ApiConnection {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  @Override
  public String toString() {
    return "ApiConnection[baseUrl=" + baseUrl + ", publicKey=" + publicKey + ", privateKey=<redacted>"
        + (caPem == null ? "" : ", caPem=<" + caPem.length() + " chars>") + "]";
  }
}
