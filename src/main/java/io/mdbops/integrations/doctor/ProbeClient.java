package io.mdbops.integrations.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdbops.integrations.BuildInfo;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.CaBundle;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;

/**
 * The HTTP side of doctor: one project's integrations resource, answered with Digest by doctor
 * itself (see {@link DigestChallenge}). Every request on the wire is noted as a {@link Call} (method,
 * target, status; never a header or body). Redirects are never followed.
 */
final class ProbeClient implements AutoCloseable {

  /** The API prefix of the public API v1.0 that Cloud Manager and Ops Manager serve. */
  static final String API_PREFIX = "api/public/v1.0";

  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_BODY_BYTES = 1024 * 1024;
  private static final int RATE_LIMIT_RETRIES = 3;
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(60);

  /**
   * One request on the wire.
   *
   * @param type the integration type in the path; null for the list
   * @param authenticated whether it carried a Digest answer
   */
  record Call(String method, String type, int status, String errorCode, boolean authenticated) {

    String target() {
      return type == null ? "integrations" : "integrations/" + type;
    }
  }

  /** Told of every answered request, after it is noted; a test interrupts a run by throwing from it. */
  interface Observer {
    Observer NONE = call -> {};

    void answered(Call call);
  }

  private final OkHttpClient http;
  private final HttpUrl integrations;
  private final String user;
  private final String password;
  private final Observer observer;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, String> rateLimitHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private DigestChallenge nonce;
  private int count;
  private boolean reuseNonces = true;

  ProbeClient(ApiConnection connection, String projectId, Observer observer) {
    HttpUrl base = HttpUrl.parse(connection.baseUrl().toString());
    if (base == null) {
      throw new DoctorException("--api-url must be an http or https URL");
    }
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false);
    if (connection.caPem() != null) {
      try {
        HandshakeCertificates trust = CaBundle.trustOnly(connection.caPem());
        builder.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
      } catch (IllegalArgumentException e) {
        throw new DoctorException("--ca-file: " + e.getMessage());
      }
    }
    this.http = builder.build();
    this.integrations = base.newBuilder().addPathSegments(API_PREFIX).addPathSegment("groups")
        .addPathSegment(projectId).addPathSegment("integrations").build();
    this.user = connection.publicKey();
    this.password = connection.privateKey();
    this.observer = observer;
  }

  /**
   * An authenticated request: with the nonce in hand while the server accepts reused nonces, else
   * with a fresh one (one request more); a stale nonce is answered once with the new one. A 429 is
   * sent again after its {@code Retry-After}.
   *
   * @param type null for the list of every integration
   * @param body null for none
   */
  ProbeResponse send(String method, String type, Map<String, Object> body) {
    for (int attempt = 0; ; attempt++) {
      ProbeResponse r = authenticated(method, type, body);
      if (r.status() != 429 || attempt >= RATE_LIMIT_RETRIES) {
        return r;
      }
      pause(retryAfter());
    }
  }

  /** A request without credentials: what the API asks of a client that has none. */
  ProbeResponse unauthenticated(String method, String type) {
    ProbeResponse r = exchange(method, type, null, null);
    r.challenge().ifPresent(this::adopt);
    return r;
  }

  /** A request answered with the nonce already used once more, and no second try: is that accepted? */
  ProbeResponse withReusedNonce(String method, String type) {
    if (nonce == null) {
      throw new IllegalStateException("no nonce yet");
    }
    ProbeResponse r = exchange(method, type, null, answer(method, type));
    r.challenge().ifPresent(this::adopt);
    return r;
  }

  /** Whether later requests may use a nonce again (what the nonce probe measured). */
  void reuseNonces(boolean reuse) {
    this.reuseNonces = reuse;
  }

  /** Every request so far, in order. */
  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Rate-limit headers any response carried ({@code RateLimit-*}, {@code X-RateLimit-*}, {@code Retry-After}): the last value of each. */
  synchronized Map<String, String> rateLimitHeaders() {
    return new TreeMap<>(rateLimitHeaders);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private ProbeResponse authenticated(String method, String type, Map<String, Object> body) {
    if (nonce == null || (!reuseNonces && count > 0)) {
      ProbeResponse first = exchange(method, type, body, null);
      if (first.status() != 401 || first.challenge().isEmpty()) {
        return first; // answered without asking for credentials
      }
      adopt(first.challenge().get());
    }
    ProbeResponse r = exchange(method, type, body, answer(method, type));
    if (r.status() == 401 && r.challenge().map(DigestChallenge::stale).orElse(false)) {
      adopt(r.challenge().get());
      r = exchange(method, type, body, answer(method, type));
    }
    return r;
  }

  private void adopt(DigestChallenge challenge) {
    if (!challenge.answerable()) {
      throw new DoctorException("the API asks for Digest with algorithm " + challenge.algorithm() + " and qop '"
          + challenge.qop() + "'; doctor answers MD5 with qop=auth only");
    }
    nonce = challenge;
    count = 0;
  }

  private String answer(String method, String type) {
    count++;
    HttpUrl url = url(type);
    String uri = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    return nonce.answer(user, password, method, uri, count);
  }

  private HttpUrl url(String type) {
    return type == null ? integrations : integrations.newBuilder().addPathSegment(type).build();
  }

  private ProbeResponse exchange(String method, String type, Map<String, Object> body, String authorization) {
    Request.Builder request = new Request.Builder().url(url(type))
        .header("Accept", "application/json")
        .header("User-Agent", BuildInfo.userAgent() + " doctor");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    RequestBody content = body == null ? (method.equals("GET") || method.equals("DELETE") ? null
        : RequestBody.create(new byte[0], JSON_TYPE)) : RequestBody.create(json(body), JSON_TYPE);
    request.method(method, content);
    ProbeResponse answer;
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body().source().request(MAX_BODY_BYTES + 1) ? null : response.body().string();
      JsonNode node = parse(text);
      String code = node == null || !node.path("errorCode").isTextual() ? null : node.path("errorCode").asText();
      answer = new ProbeResponse(response.code(), node, code, DigestChallenge.parse(response.headers("WWW-Authenticate")));
      noteRateLimits(response);
    } catch (IOException e) {
      throw new DoctorException("cannot reach " + integrations.scheme() + "://" + integrations.host() + ":"
          + integrations.port() + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    Call call = new Call(method, type, answer.status(), answer.errorCode(), authorization != null);
    synchronized (this) {
      calls.add(call);
    }
    observer.answered(call);
    return answer;
  }

  private synchronized void noteRateLimits(Response response) {
    for (String name : response.headers().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("ratelimit") || lower.startsWith("x-ratelimit") || lower.equals("retry-after")) {
        rateLimitHeaders.put(canonical(lower), response.header(name));
      }
    }
  }

  /** {@code retry-after} → {@code Retry-After}, {@code x-ratelimit-limit} → {@code X-RateLimit-Limit}: servers differ in case. */
  static String canonical(String lowerName) {
    StringBuilder out = new StringBuilder();
    for (String part : lowerName.split("-")) {
      if (!out.isEmpty()) {
        out.append('-');
      }
      out.append(part.equals("ratelimit") ? "RateLimit"
          : part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  private synchronized Duration retryAfter() {
    String value = rateLimitHeaders.get("Retry-After");
    try {
      Duration d = Duration.ofSeconds(Long.parseLong(value == null ? "5" : value.trim()));
      return d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d;
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(5);
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DoctorException("interrupted");
    }
  }

  private static byte[] json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a probe body", e);
    }
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** For the report: where the calls go. */
  String endpoint() {
    return integrations.toString();
  }
}
