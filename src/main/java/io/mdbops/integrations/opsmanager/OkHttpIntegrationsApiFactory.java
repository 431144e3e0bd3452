package io.mdbops.integrations.opsmanager;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/**
 * Makes {@link OkHttpIntegrationsApi} clients. Holds one base {@link OkHttpClient} (connection pool
 * and dispatcher shared by all clients); each connection gets a derived client with its own Digest
 * authenticator and nonce cache and, when {@link ApiConnection#caPem()} is set, its own trust.
 * Redirects are never followed; TLS verification cannot be turned off.
 */
public final class OkHttpIntegrationsApiFactory implements IntegrationsApiFactory, AutoCloseable {

  private final OkHttpClient base;
  private final ApiClientSettings settings;
  private final ApiCallListener listener;
  private final ApiGeneration generation;

  public OkHttpIntegrationsApiFactory() {
    this(ApiClientSettings.defaults(), ApiCallListener.NOOP);
  }

  public OkHttpIntegrationsApiFactory(ApiClientSettings settings, ApiCallListener listener) {
    this(settings, listener, ApiGeneration.PUBLIC_V1);
  }

  OkHttpIntegrationsApiFactory(
      ApiClientSettings settings, ApiCallListener listener, ApiGeneration generation) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.generation = Objects.requireNonNull(generation, "generation");
    this.base =
        new OkHttpClient.Builder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.writeTimeout())
            .callTimeout(settings.callTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            // OkHttp would resend a failed request with the same Digest nonce count, which the API
            // refuses as a replay; InlineRetry resends with a fresh Authorization instead
            .retryOnConnectionFailure(false)
            .connectionPool(
                new ConnectionPool(
                    settings.maxIdleConnections(),
                    settings.keepAlive().toMillis(),
                    TimeUnit.MILLISECONDS))
            .build();
  }

  /**
   * A client for the connection. Cache it per connection: the Digest nonce lives in the client.
   *
   * @throws IllegalArgumentException when the base URL is not http(s) or the ca.crt is not a valid
   *     PEM certificate bundle
   */
  @Override
  public OkHttpIntegrationsApi create(ApiConnection connection) {
    return create(connection, NoncePolicy.REUSE);
  }

  /** As {@link #create(ApiConnection)}, answering Digest challenges as {@code nonces} says. */
  @Override
  public OkHttpIntegrationsApi create(ApiConnection connection, NoncePolicy nonces) {
    HttpUrl baseUrl = baseUrl(connection);
    OkHttpClient.Builder builder = base.newBuilder();
    if (connection.caPem() != null) {
      HandshakeCertificates trust = CaBundle.trustOnly(connection.caPem());
      builder.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
    }
    DigestAuth.install(builder, connection.publicKey(), connection.privateKey(), listener, nonces);
    // a network interceptor sees every request on the wire, Digest round trips included
    builder.addNetworkInterceptor(new ProjectRequestBudget(settings.requestsPerMinute(), settings.budgetWait(), listener));
    return new OkHttpIntegrationsApi(
        builder.build(), baseUrl, generation, settings, connection.publicKey(), connection.privateKey(),
        listener, Clock.systemUTC());
  }

  public ApiClientSettings settings() {
    return settings;
  }

  /** Stops the shared dispatcher threads and closes idle pooled connections. */
  @Override
  public void close() {
    base.dispatcher().executorService().shutdown();
    base.connectionPool().evictAll();
  }

  /** The base URL without user info, query or fragment. */
  private static HttpUrl baseUrl(ApiConnection connection) {
    HttpUrl url = HttpUrl.parse(connection.baseUrl().toString());
    if (url == null) {
      throw new IllegalArgumentException("baseUrl must be an http or https URL");
    }
    return url.newBuilder().username("").password("").query(null).fragment(null).build();
  }
}
