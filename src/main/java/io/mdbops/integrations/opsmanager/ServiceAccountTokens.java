package io.mdbops.integrations.opsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.mdbops.integrations.opsmanager.ApiCallListener.Endpoint;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one service account (OAuth 2 client credentials) for one connection: fetched
 * from {@code {base}/api/oauth/token} when first needed, shared by every request of the connection,
 * kept until shortly before it expires, fetched again at once when the API refuses it, and revoked
 * at {@code {base}/api/oauth/revoke} when the connection is closed. One fetch at a time: concurrent
 * callers wait for it. A refused request for a token is remembered for a while, so a wrong secret
 * costs the token endpoint (limited to a few requests a minute) one request per
 * {@value #REFUSAL_MEMORY_SECONDS} s, not one per resource. Neither the secret nor a token is ever
 * logged or put into a message.
 */
final class ServiceAccountTokens {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountTokens.class);

  /** A token is renewed this long before it expires at most (a tenth of its lifetime at least). */
  static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
  static final long REFUSAL_MEMORY_SECONDS = 30;
  private static final Duration RATE_LIMIT_MEMORY = Duration.ofSeconds(60);
  private static final int MAX_DESCRIPTION = 300;
  private static final long MAX_BODY = 64 * 1024;

  /** A token and when to stop using it. */
  private record Token(String value, Instant renewAt) {}

  /** A refusal and until when it stands. */
  private record Refusal(TokenRequestException error, Instant until) {}

  private final OkHttpClient http;
  private final HttpUrl tokenUrl;
  private final HttpUrl revokeUrl;
  private final String clientId;
  private final String basic;
  private final Scrubber scrubber;
  private final ApiCallListener listener;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Token current;
  private volatile Refusal refusal;
  private volatile boolean closed;

  /**
   * @param http a client without authentication or request budget, trusting what the connection trusts
   * @param base the connection's base URL
   */
  ServiceAccountTokens(OkHttpClient http, HttpUrl base, String clientId, String clientSecret,
      ApiCallListener listener, Clock clock) {
    this.http = http;
    this.tokenUrl = base.newBuilder().addPathSegments("api/oauth/token").build();
    this.revokeUrl = base.newBuilder().addPathSegments("api/oauth/revoke").build();
    this.clientId = clientId;
    this.basic = Credentials.basic(clientId, clientSecret);
    this.scrubber = Scrubber.of(List.of(clientSecret, basic, basic.substring("Basic ".length())));
    this.listener = listener;
    this.clock = clock;
  }

  String clientId() {
    return clientId;
  }

  /** A token that is not about to expire: the cached one, or a new one. */
  String token() throws IOException {
    Token t = current;
    if (t != null && clock.instant().isBefore(t.renewAt())) {
      return t.value();
    }
    lock.lock();
    try {
      t = current;
      if (t != null && clock.instant().isBefore(t.renewAt())) {
        return t.value(); // another caller fetched it while this one waited
      }
      return fetch().value();
    } finally {
      lock.unlock();
    }
  }

  /** A new token after the API refused {@code rejected}; if another caller already replaced it, that one. */
  String renewAfter(String rejected) throws IOException {
    lock.lock();
    try {
      Token t = current;
      if (t != null && !t.value().equals(rejected) && clock.instant().isBefore(t.renewAt())) {
        return t.value();
      }
      current = null;
      return fetch().value();
    } finally {
      lock.unlock();
    }
  }

  /** Whether a token is held (and so is worth revoking). */
  boolean holdsToken() {
    return current != null;
  }

  /** Whether {@link #revoke()} was called: this cache fetches no more tokens. */
  boolean closed() {
    return closed;
  }

  /** The token held, for scrubbing it out of anything reported; empty when none. */
  Set<String> secrets() {
    Token t = current;
    return t == null ? Set.of() : Set.of(t.value());
  }

  /**
   * Revokes the token held, if any, and fetches none from now on. Best effort: a failure is logged
   * (without the token) and otherwise ignored; the token then lapses by itself within the hour.
   */
  void revoke() {
    closed = true;
    lock.lock();
    Token t;
    try {
      t = current;
      current = null;
    } finally {
      lock.unlock();
    }
    if (t == null) {
      return;
    }
    Request request = new Request.Builder().url(revokeUrl)
        .header("Authorization", basic)
        .header("Accept", "application/json")
        .post(new FormBody.Builder().add("token", t.value()).add("token_type_hint", "access_token").build())
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.isSuccessful()) {
        LOG.debug("revoked the access token of service account {}", clientId);
      } else {
        LOG.info("revoking the access token of service account {} failed: HTTP {}", clientId, response.code());
      }
    } catch (IOException e) {
      LOG.info("revoking the access token of service account {} failed: {}", clientId, e.getClass().getSimpleName());
    }
  }

  private Token fetch() throws IOException {
    if (closed) {
      throw new TokenRequestException(ApiException.Kind.TRANSPORT, 0, null, "the connection is closed", null);
    }
    Refusal r = refusal;
    if (r != null && clock.instant().isBefore(r.until())) {
      throw r.error();
    }
    Request request = new Request.Builder().url(tokenUrl)
        .header("Authorization", basic)
        .header("Accept", "application/json")
        .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
        .build();
    long start = System.nanoTime();
    int status = 0;
    try (Response response = http.newCall(request).execute()) {
      status = response.code();
      String body = body(response.body());
      if (!response.isSuccessful()) {
        throw remember(refused(response, body));
      }
      Token token = parse(body);
      current = token;
      refusal = null;
      return token;
    } catch (TokenRequestException e) {
      throw e;
    } catch (IOException e) {
      throw new TokenRequestException(ApiException.Kind.TRANSPORT, 0, null,
          "the token endpoint did not answer (" + e.getClass().getSimpleName() + ")", null);
    } finally {
      try {
        listener.onCall("POST", Endpoint.TOKEN, status, Duration.ofNanos(System.nanoTime() - start));
      } catch (RuntimeException e) {
        LOG.warn("ApiCallListener.onCall failed: {}", e.getClass().getName());
      }
    }
  }

  private Token parse(String body) throws TokenRequestException {
    JsonNode root;
    try {
      root = body == null ? null : Json.read(body);
    } catch (IOException e) {
      root = null;
    }
    JsonNode value = root == null ? null : root.get("access_token");
    JsonNode type = root == null ? null : root.get("token_type");
    if (value == null || !value.isTextual() || value.asText().isBlank()
        || (type != null && !"bearer".equalsIgnoreCase(type.asText()))) {
      throw new TokenRequestException(ApiException.Kind.SERVER, 200, null,
          "the token endpoint answered without a Bearer access_token", null);
    }
    JsonNode expiresIn = root.get("expires_in");
    long seconds = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
        ? expiresIn.asLong() : 3600;
    Duration lifetime = Duration.ofSeconds(seconds);
    Duration early = lifetime.dividedBy(10).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(10) : RENEW_BEFORE;
    return new Token(value.asText(), clock.instant().plus(lifetime).minus(early));
  }

  private TokenRequestException refused(Response response, String body) {
    Json.OAuthError error = Json.oauthError(body);
    String code = scrubber.scrub(error.error(), 60);
    String description = scrubber.scrub(error.description(), MAX_DESCRIPTION);
    int status = response.code();
    ApiException.Kind kind;
    Duration retryAfter = null;
    if (status == 429 || "rate_limited".equals(code)) {
      kind = ApiException.Kind.RATE_LIMITED;
      retryAfter = ApiErrors.parseRetryAfter(response.header("Retry-After"), clock);
    } else if (status >= 500) {
      kind = ApiException.Kind.SERVER;
    } else if (status == 400 || status == 401 || status == 403) {
      kind = status == 403 ? ApiException.Kind.FORBIDDEN : ApiException.Kind.UNAUTHORIZED;
    } else {
      kind = ApiException.Kind.REJECTED;
    }
    if (description == null || description.isBlank()) {
      description = response.message() == null || response.message().isBlank() ? "no description"
          : scrubber.scrub(response.message(), 100);
    }
    return new TokenRequestException(kind, status, code, description, retryAfter);
  }

  /** Refusals a person has to fix, and rate limits, stand for a while; outages do not. */
  private TokenRequestException remember(TokenRequestException e) {
    Duration memory = switch (e.kind()) {
      case RATE_LIMITED -> e.retryAfter() != null ? e.retryAfter() : RATE_LIMIT_MEMORY;
      case UNAUTHORIZED, FORBIDDEN, REJECTED -> Duration.ofSeconds(REFUSAL_MEMORY_SECONDS);
      default -> null;
    };
    if (memory != null) {
      refusal = new Refusal(e, clock.instant().plus(memory));
    }
    return e;
  }

  private static String body(ResponseBody body) throws IOException {
    if (body.source().request(MAX_BODY + 1)) {
      return null;
    }
    return body.string();
  }
}
