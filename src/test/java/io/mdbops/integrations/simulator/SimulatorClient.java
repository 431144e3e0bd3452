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
 * helpers for the API paths. Paths are relative to {@code /api/public/v1.0}.
 */
final class SimulatorClient implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");

  private final String apiUrl;
  private final OkHttpClient http;

  private SimulatorClient(String baseUrl, OkHttpClient http) {
    this.apiUrl = baseUrl + ApiSimulator.API_PREFIX;
    this.http = http;
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
    RequestBody requestBody = body == null ? null : RequestBody.create(text(body), JSON);
    return new Request.Builder().url(apiUrl + path).method(method, requestBody).header("Accept", "application/json");
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
