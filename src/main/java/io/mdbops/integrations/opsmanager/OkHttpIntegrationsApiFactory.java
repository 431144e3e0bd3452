package io.mdbops.integrations.opsmanager;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/**
 * Makes {@link OkHttpIntegrationsApi} clients. Holds one base {@link OkHttpClient} (connection pool
 * and dispatcher shared by all clients); each connection gets a derived client with its own
 * authentication — a Digest authenticator and nonce cache for an API key, an access token cache for
 * a service account — and, when {@link ApiConnection#caPem()} is set, its own trust. Redirects are
 * never followed; TLS verification cannot be turned off. Closing the factory revokes the access
 * tokens its clients still hold.
 */
public final class OkHttpIntegrationsApiFactory implements IntegrationsApiFactory, AutoCloseable {

  private final OkHttpClient base;
  private final ApiClientSettings settings;
  private final ApiCallListener listener;
  /** Overrides the generation of every connection (tests of one generation); null keeps each one's own. */
  private final ApiGeneration generation;
  /** The token caches of the clients made, to revoke their tokens on close. */
  private final Set<ServiceAccountTokens> tokenCaches = ConcurrentHashMap.newKeySet();

  public OkHttpIntegrationsApiFactory() {
    this(ApiClientSettings.defaults(), ApiCallListener.NOOP);
  }

  public OkHttpIntegrationsApiFactory(ApiClientSettings settings, ApiCallListener listener) {
    this(settings, listener, null);
  }

  OkHttpIntegrationsApiFactory(
      ApiClientSettings settings, ApiCallListener listener, ApiGeneration generation) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.generation = generation;
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
   * A client for the connection. Cache it per connection: the Digest nonce or the access token
   * lives in the client.
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
    ServiceAccountTokens tokens = null;
    if (connection.isServiceAccount()) {
      // the token endpoint is asked with what the connection trusts, but without Bearer or budget
      tokens = new ServiceAccountTokens(builder.build(), baseUrl, connection.clientId(), connection.clientSecret(),
          listener, Clock.systemUTC());
      tokenCaches.removeIf(ServiceAccountTokens::closed);
      tokenCaches.add(tokens);
      ServiceAccountAuth.install(builder, tokens);
    } else {
      DigestAuth.install(builder, connection.publicKey(), connection.privateKey(), listener, nonces);
    }
    // a network interceptor sees every request on the wire, authentication round trips included
    builder.addNetworkInterceptor(new ProjectRequestBudget(settings.requestsPerMinute(), settings.budgetWait(), listener));
    return new OkHttpIntegrationsApi(
        builder.build(), baseUrl, generation != null ? generation : connection.generation(), settings, connection,
        tokens, listener, Clock.systemUTC());
  }

  public ApiClientSettings settings() {
    return settings;
  }

  /**
   * Revokes the access tokens the clients still hold (a clean shutdown leaves no live token behind),
   * stops the shared dispatcher threads and closes idle pooled connections.
   */
  @Override
  public void close() {
    tokenCaches.forEach(ServiceAccountTokens::revoke);
    tokenCaches.clear();
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
