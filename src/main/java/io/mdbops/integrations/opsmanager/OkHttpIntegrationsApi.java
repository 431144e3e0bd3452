package io.mdbops.integrations.opsmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mdbops.integrations.opsmanager.ApiCallListener.Endpoint;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IntegrationsApi} over OkHttp for one connection (one set of credentials, one base URL, one
 * API generation). Thread-safe; made by {@link OkHttpIntegrationsApiFactory}. Never logs bodies or
 * headers.
 */
public final class OkHttpIntegrationsApi implements IntegrationsApi {

  private static final Logger LOG = LoggerFactory.getLogger(OkHttpIntegrationsApi.class);

  /** Larger bodies are refused (2xx) or ignored (errors); a project has a dozen integrations. */
  private static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

  /** Stops a server that never ends its pagination. */
  private static final int MAX_PAGES = 1000;

  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final ApiGeneration generation;
  private final String userAgent;
  private final int itemsPerPage;
  private final String credentialName;
  private final ServiceAccountTokens tokens;
  private final Scrubber scrubber;
  private final ApiCallListener listener;
  private final Clock clock;
  private final InlineRetry retry;

  OkHttpIntegrationsApi(
      OkHttpClient client,
      HttpUrl baseUrl,
      ApiGeneration generation,
      ApiClientSettings settings,
      ApiConnection connection,
      ServiceAccountTokens tokens,
      ApiCallListener listener,
      Clock clock) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.generation = generation;
    this.userAgent = settings.userAgent();
    this.itemsPerPage = settings.itemsPerPage();
    this.credentialName = connection.credentialName();
    this.tokens = tokens;
    this.scrubber = Scrubber.of(List.of(connection.secret()));
    this.listener = listener;
    this.clock = clock;
    this.retry = new InlineRetry(settings.retryAttempts(), settings.retryBase(), settings.retryCap(), listener);
  }

  @Override
  public List<IntegrationView> list(String projectId) throws ApiException {
    return retry.call("list", Endpoint.LIST, () -> list(projectId, scrubber));
  }

  private List<IntegrationView> list(String projectId, Scrubber scrubber) throws ApiException {
    String op = describe("GET", "integrations", projectId);
    HttpUrl url = generation.integrationsUrl(baseUrl, requireId(projectId, "projectId"));
    List<IntegrationView> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      if (page > MAX_PAGES) {
        throw ApiErrors.unreadable(op, 200, "pagination did not end after " + MAX_PAGES + " pages");
      }
      HttpUrl pageUrl = url.newBuilder()
          .addQueryParameter("pageNum", Integer.toString(page))
          .addQueryParameter("itemsPerPage", Integer.toString(itemsPerPage))
          .build();
      HttpResult r = exchange(op, Endpoint.LIST, request(pageUrl).get().build(), scrubber);
      if (!r.successful()) {
        throw error(op, r, scrubber);
      }
      Json.Page p = readPage(op, r);
      all.addAll(p.results());
      boolean allRead = p.totalCount().isPresent() && all.size() >= p.totalCount().getAsLong();
      if (allRead || p.results().size() < itemsPerPage) {
        return List.copyOf(all);
      }
    }
  }

  @Override
  public Optional<IntegrationView> get(String projectId, String type) throws ApiException {
    return retry.call("get", Endpoint.GET, () -> getOnce(projectId, type));
  }

  private Optional<IntegrationView> getOnce(String projectId, String type) throws ApiException {
    String op = describe("GET", type, projectId);
    HttpResult r =
        exchange(op, Endpoint.GET, request(typeUrl(projectId, type)).get().build(), scrubber);
    if (r.notConfigured()) {
      return Optional.empty();
    }
    if (!r.successful()) {
      throw error(op, r, scrubber);
    }
    try {
      return Optional.of(Json.view(readJson(op, r), type));
    } catch (JsonProcessingException e) {
      throw ApiErrors.unreadable(op, r.status(), shapeProblem(e));
    }
  }

  /** An upsert of the whole configuration: safe to repeat, so retried like the reads. */
  @Override
  public List<IntegrationView> put(String projectId, IntegrationPayload payload)
      throws ApiException {
    return retry.call("put", Endpoint.PUT, () -> putOnce(projectId, payload));
  }

  /** Atlas v2: a POST; v1.0: the same upsert as {@link #put}. Retried like the reads (see below). */
  @Override
  public List<IntegrationView> create(String projectId, IntegrationPayload payload) throws ApiException {
    if (!generation.createsWithPost()) {
      return put(projectId, payload);
    }
    // a POST retried after a lost answer finds the type configured (409) and becomes a PUT
    return retry.call("create", Endpoint.CREATE, () -> writeOnce("POST", projectId, payload));
  }

  private List<IntegrationView> putOnce(String projectId, IntegrationPayload payload)
      throws ApiException {
    return writeOnce("PUT", projectId, payload);
  }

  /**
   * One write. On Atlas v2, where PUT only updates and POST only creates, a write that finds the
   * project other than last read (the type removed, or created by someone else) is made with the
   * other method, once.
   */
  private List<IntegrationView> writeOnce(String method, String projectId, IntegrationPayload payload)
      throws ApiException {
    String op = describe(method, payload.type(), projectId);
    Scrubber callScrubber = scrubber.plus(payload.secretValues());
    HttpResult r = send(op, method, projectId, payload, callScrubber);
    if (generation.createsWithPost() && (method.equals("PUT") ? r.notConfigured() : r.alreadyConfigured())) {
      method = method.equals("PUT") ? "POST" : "PUT";
      op = describe(method, payload.type(), projectId);
      r = send(op, method, projectId, payload, callScrubber);
    }
    if (!r.successful()) {
      throw error(op, r, callScrubber);
    }
    if (r.body() != null && r.body().isBlank()) {
      return list(projectId, callScrubber); // a 2xx without the documented list: read it
    }
    Json.Page p = readPage(op, r);
    if (p.totalCount().isPresent() && p.results().size() < p.totalCount().getAsLong()) {
      return list(projectId, callScrubber); // the response held only the first page
    }
    return p.results();
  }

  private HttpResult send(String op, String method, String projectId, IntegrationPayload payload,
      Scrubber callScrubber) throws ApiException {
    RequestBody body =
        RequestBody.create(ByteString.of(Json.writePayload(payload)), generation.mediaType());
    Request req = request(typeUrl(projectId, payload.type())).method(method, body).build();
    return exchange(op, method.equals("POST") ? Endpoint.CREATE : Endpoint.PUT, req, callScrubber);
  }

  @Override
  public boolean delete(String projectId, String type) throws ApiException {
    return retry.call("delete", Endpoint.DELETE, () -> deleteOnce(projectId, type));
  }

  private boolean deleteOnce(String projectId, String type) throws ApiException {
    String op = describe("DELETE", type, projectId);
    HttpResult r =
        exchange(op, Endpoint.DELETE, request(typeUrl(projectId, type)).delete().build(), scrubber);
    if (r.notConfigured()) {
      return false;
    }
    if (!r.successful()) {
      throw error(op, r, scrubber);
    }
    return true;
  }

  /** The API generation this client speaks. */
  public ApiGeneration generation() {
    return generation;
  }

  /** Revokes the service account's access token, if this client holds one. */
  @Override
  public void close() {
    if (tokens != null) {
      tokens.revoke();
    }
  }

  private HttpUrl typeUrl(String projectId, String type) {
    return generation.integrationsUrl(baseUrl, requireId(projectId, "projectId")).newBuilder()
        .addPathSegment(requireId(type, "type"))
        .build();
  }

  private Request.Builder request(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Accept", generation.mediaType().toString())
        .header("User-Agent", userAgent);
  }

  /** One exchange, body read; transport failures become TRANSPORT. */
  private HttpResult exchange(
      String op, Endpoint endpoint, Request request, Scrubber callScrubber) throws ApiException {
    long start = System.nanoTime();
    int status = 0;
    boolean sent = true;
    try (Response response = client.newCall(request).execute()) {
      status = response.code();
      return new HttpResult(
          status,
          response.message(),
          response.request().url(),
          response.headers(),
          readBody(response.body()),
          request.header("Accept"));
    } catch (ProjectRequestBudget.ThrottledException e) {
      sent = false;
      throw ApiErrors.throttled(op, e);
    } catch (TokenRequestException e) {
      sent = false; // no token, so the request itself never went (the token request is counted on its own)
      throw ApiErrors.tokenFailure(op, e, credentialName);
    } catch (IOException e) {
      throw ApiErrors.transport(op, e, withTokens(callScrubber));
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      LOG.trace("{} -> {} in {} ms", op, status, took.toMillis());
      try {
        if (sent) { // a request held back by the budget never reached the API
          listener.onCall(request.method(), endpoint, status, took);
        }
      } catch (RuntimeException e) {
        LOG.warn("ApiCallListener.onCall failed: {}", e.getClass().getName());
      }
    }
  }

  private ApiException error(String op, HttpResult r, Scrubber callScrubber) {
    return ApiErrors.fromResponse(op, r, credentialName, withTokens(callScrubber), clock);
  }

  /** The scrubber, also hiding the access token the connection holds now. */
  private Scrubber withTokens(Scrubber callScrubber) {
    return tokens == null ? callScrubber : callScrubber.plus(tokens.secrets());
  }

  private Json.Page readPage(String op, HttpResult r) throws ApiException {
    try {
      return Json.page(readJson(op, r));
    } catch (JsonProcessingException e) {
      throw ApiErrors.unreadable(op, r.status(), shapeProblem(e));
    }
  }

  private static JsonNode readJson(String op, HttpResult r)
      throws ApiException, JsonProcessingException {
    if (r.body() == null) {
      throw ApiErrors.unreadable(op, r.status(), "body larger than " + MAX_BODY_BYTES + " bytes");
    }
    return Json.read(r.body());
  }

  private static String shapeProblem(JsonProcessingException e) {
    return e instanceof Json.JsonParseProblem ? e.getOriginalMessage() : "not valid JSON";
  }

  /** The body as text, "" when empty, null when larger than {@link #MAX_BODY_BYTES}. */
  private static String readBody(ResponseBody body) throws IOException {
    BufferedSource source = body.source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      return null;
    }
    MediaType type = body.contentType();
    Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    return source.getBuffer().readString(charset);
  }

  private static String describe(String method, String what, String projectId) {
    return method + " " + what + " in project " + projectId;
  }

  /** A path segment: not blank, not a dot segment (which would climb the path). */
  private static String requireId(String value, String name) {
    if (value == null || value.isBlank() || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(name + " must be a non-blank path segment");
    }
    return value;
  }
}
