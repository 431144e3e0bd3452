package io.mdbops.integrations.simulator;

import com.burgstaller.okhttp.AuthenticationCacheInterceptor;
import com.burgstaller.okhttp.CachingAuthenticatorDecorator;
import com.burgstaller.okhttp.digest.CachingAuthenticator;
import com.burgstaller.okhttp.digest.Credentials;
import com.burgstaller.okhttp.digest.DigestAuthenticator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A real HTTP Digest client (okhttp + okhttp-digest, wired as the operator will wire it) with
 * helpers for the API paths. Paths are relative to {@code /api/public/v1.0}, or with {@link
 * #atlas()} to {@code /api/atlas/v2} with Atlas' versioned media type.
 */
final class SimulatorClient implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");
  static final String ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

  private final String baseUrl;
  private final String apiUrl;
  private final OkHttpClient http;
  private final String accept;

  private SimulatorClient(String baseUrl, OkHttpClient http) {
    this(baseUrl, ApiSimulator.API_PREFIX, http, "application/json");
  }

  private SimulatorClient(String baseUrl, String prefix, OkHttpClient http, String accept) {
    this.baseUrl = baseUrl;
    this.apiUrl = baseUrl + prefix;
    this.http = http;
    this.accept = accept;
  }

  /** The same client speaking Atlas v2: {@code /api/atlas/v2} paths, the versioned Accept and body type. */
  SimulatorClient atlas() {
    return new SimulatorClient(baseUrl, "/api/atlas/v2", http, ATLAS_MEDIA_TYPE);
  }

  /** A client sending {@code Authorization: Bearer <token>} (no Digest). */
  static SimulatorClient bearer(String baseUrl, String token) {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
        chain.request().newBuilder().header("Authorization", "Bearer " + token).build())).build();
    return new SimulatorClient(baseUrl, http);
  }

  /** POSTs a form to a path below the base URL (the OAuth endpoints), with Basic credentials when given. */
  Reply form(String path, String basicUser, String basicPassword, String form) {
    Request.Builder request = new Request.Builder().url(baseUrl + path)
        .post(RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded")));
    if (basicUser != null) {
      request.header("Authorization", okhttp3.Credentials.basic(basicUser, basicPassword));
    }
    return execute(request.build());
  }

  /** A request with exactly this Accept and body type. */
  Reply raw(String method, String path, String body, String contentType, String acceptHeader) {
    Request.Builder request = new Request.Builder().url(apiUrl + path)
        .method(method, body == null ? null : RequestBody.create(body, MediaType.get(contentType)));
    if (acceptHeader != null) {
      request.header("Accept", acceptHeader);
    }
    return execute(request.build());
  }

  /** A Digest client with a fresh nonce cache. */
  static SimulatorClient digest(String baseUrl, String publicKey, String privateKey) {
    return digest(baseUrl, publicKey, privateKey, new OkHttpClient.Builder());
  }

  static SimulatorClient digest(String baseUrl, String publicKey, String privateKey, OkHttpClient.Builder builder) {
    Map<String, CachingAuthenticator> cache = new ConcurrentHashMap<>();
    DigestAuthenticator authenticator = new DigestAuthenticator(new Credentials(publicKey, privateKey));
    OkHttpClient http = builder
        .authenticator(new CachingAuthenticatorDecorator(authenticator, cache))
        .addInterceptor(new AuthenticationCacheInterceptor(cache))
        .build();
    return new SimulatorClient(baseUrl, http);
  }

  /** A client that never authenticates. */
  static SimulatorClient anonymous(String baseUrl) {
    return new SimulatorClient(baseUrl, new OkHttpClient());
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  /** Sends a request; a String body is sent as is, anything else as JSON. */
  Reply send(String method, String path, Object body) {
    return execute(request(method, path, body).build());
  }

  Request.Builder request(String method, String path, Object body) {
    RequestBody requestBody = body == null ? null
        : RequestBody.create(text(body), accept.equals(ATLAS_MEDIA_TYPE) ? MediaType.get(ATLAS_MEDIA_TYPE) : JSON);
    return new Request.Builder().url(apiUrl + path).method(method, requestBody).header("Accept", accept);
  }

  Reply execute(Request request) {
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      return new Reply(response.code(), response.headers(), body == null ? "" : body.string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return Reply.JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
