package io.mdbops.integrations.opsmanager;

import java.net.URI;
import java.util.Objects;

/**
 * Where and how to reach the API: base URL (scheme, host, port, optional path prefix, without
 * {@code /api/...}), one kind of credentials — an API key pair for HTTP Digest, or a service
 * account's client id and secret for OAuth 2 client credentials — an optional PEM bundle of CA
 * certificates that replaces the platform trust store for this connection, and the API generation.
 *
 * @param publicKey the API key's public key (Digest user name); null for a service account
 * @param privateKey the API key's private key; null for a service account
 * @param clientId the service account's client id; null for an API key
 * @param clientSecret the service account's client secret; null for an API key
 * @param generation which API answers at the base URL
 */
public record ApiConnection(
    URI baseUrl, String publicKey, String privateKey, String caPem, String clientId, String clientSecret,
    ApiGeneration generation) {

  public static final URI CLOUD_MANAGER = URI.create("https://cloud.mongodb.com");

  public ApiConnection {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(generation, "generation");
    boolean apiKey = publicKey != null || privateKey != null;
    boolean serviceAccount = clientId != null || clientSecret != null;
    if (apiKey == serviceAccount) {
      throw new IllegalArgumentException("a connection has either an API key pair or a service account");
    }
    if (apiKey) {
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(privateKey, "privateKey");
    } else {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
    }
  }

  /** An API key pair (HTTP Digest) on the Cloud/Ops Manager public API v1.0. */
  public ApiConnection(URI baseUrl, String publicKey, String privateKey, String caPem) {
    this(baseUrl, publicKey, privateKey, caPem, null, null, ApiGeneration.PUBLIC_V1);
  }

  /** A service account (OAuth 2 client credentials). */
  public static ApiConnection serviceAccount(
      URI baseUrl, String clientId, String clientSecret, String caPem, ApiGeneration generation) {
    return new ApiConnection(baseUrl, null, null, caPem, clientId, clientSecret, generation);
  }

  /** An API key pair (HTTP Digest). */
  public static ApiConnection apiKey(
      URI baseUrl, String publicKey, String privateKey, String caPem, ApiGeneration generation) {
    return new ApiConnection(baseUrl, publicKey, privateKey, caPem, null, null, generation);
  }

  /** The same connection to another API generation. */
  public ApiConnection withGeneration(ApiGeneration other) {
    return new ApiConnection(baseUrl, publicKey, privateKey, caPem, clientId, clientSecret, other);
  }

  /** Whether it authenticates as a service account (OAuth 2) rather than with an API key (Digest). */
  public boolean isServiceAccount() {
    return clientId != null;
  }

  /** Names the credentials in messages, never their secret: {@code API key abcd} or {@code service account mdb_sa_id_…}. */
  public String credentialName() {
    return isServiceAccount() ? "service account " + clientId : "API key " + publicKey;
  }

  /** The secret half of the credentials: scrubbed from everything the client reports. */
  public String secret() {
    return isServiceAccount() ? clientSecret : privateKey;
  }

  @Override
  public String toString() {
    return "ApiConnection[baseUrl=" + baseUrl + ", " + credentialName() + " (secret <redacted>)"
        + (caPem == null ? "" : ", caPem=<" + caPem.length() + " chars>") + ", " + generation + "]";
  }
}
