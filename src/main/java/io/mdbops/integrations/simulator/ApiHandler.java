package io.mdbops.integrations.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every request, in this order: latency, the OAuth token endpoints, authentication (a Bearer
 * token of a service account, or Digest with a challenge on failure), API access list, fault rules,
 * rate limit, Atlas v2's media types, routing, project checks, type check, then the endpoint.
 * Journals every request. Logs method, path and status at debug level; never headers or bodies.
 */
final class ApiHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final String BEARER = "Bearer ";
  /** The one resource version of the integrations endpoints. */
  private static final String RESOURCE_VERSION = "2023-01-01";
  static final String ATLAS_MEDIA_TYPE = "application/vnd.atlas." + RESOURCE_VERSION + "+json";
  private static final Pattern VERSIONED =
      Pattern.compile("application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json", Pattern.CASE_INSENSITIVE);

  private final SimulatorOptions options;
  private final Clock clock;
  private final DigestVerifier digest;
  private final ApiKeyRegistry keys;
  private final IntegrationStore store;
  private final FaultInjector faults;
  private final RateLimiter rateLimiter;
  private final RequestJournal journal;
  private final IntegrationsEndpoint endpoint;
  private final String scheme;
  private final String defaultHost;
  private final AccessTokens tokens;
  private final OAuthEndpoint oauth;
  private final List<ExchangeObserver> observers;
  private final boolean atlasV2;

  /** What happened to one request, for the journal. */
  private static final class Trace {
    DigestVerifier.Result auth = new DigestVerifier.Result(AuthOutcome.NONE, null);
    boolean faulted;
    JournalEntry.Challenge challenge = JournalEntry.Challenge.NONE;

    /** The response with a fresh Digest challenge, noted for the journal. */
    ApiResponse addChallenge(ApiResponse response, DigestVerifier digest, boolean stale) {
      challenge = stale ? JournalEntry.Challenge.STALE : JournalEntry.Challenge.FRESH;
      return response.withHeader("WWW-Authenticate", digest.challenge(stale));
    }
  }

  ApiHandler(SimulatorOptions options, DigestVerifier digest, ApiKeyRegistry keys, AccessTokens tokens,
      IntegrationStore store, FaultInjector faults, RequestJournal journal, List<ExchangeObserver> observers,
      String scheme, String defaultHost) {
    this.tokens = tokens;
    this.oauth = new OAuthEndpoint(tokens, options.clock(), options.tokenRequestsPerMinute());
    this.observers = observers;
    this.atlasV2 = options.api() == ApiGeneration.ATLAS_V2;
    this.options = options;
    this.clock = options.clock();
    this.digest = digest;
    this.keys = keys;
    this.store = store;
    this.faults = faults;
    this.rateLimiter = new RateLimiter(clock, options.rateLimit(), options.rateLimitWindow());
    this.journal = journal;
    this.endpoint = new IntegrationsEndpoint(store, options);
    this.scheme = scheme;
    this.defaultHost = defaultHost;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    Instant arrived = clock.instant();
    Trace trace = new Trace();
    ApiRequest request = null;
    ApiResponse response;
    try {
      request = ApiRequest.read(exchange, scheme, defaultHost);
      response = serve(request, trace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    } catch (ConnectionReset e) {
      journal(exchange, request, ApiResponse.error(ApiError.of(ErrorCode.UNEXPECTED_ERROR)), trace, arrived,
          Duration.ofNanos(System.nanoTime() - started), 0);
      exchange.close(); // no status line: the client sees the connection end
      return;
    } catch (RuntimeException | IOException e) {
      LOG.warn("simulator failed on {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          e.toString());
      response = ApiResponse.error(ApiError.of(ErrorCode.UNEXPECTED_ERROR));
    }
    // journaled before the client can see the response, so a test reading the journal right
    // after a call sees that call
    journal(exchange, request, response, trace, arrived, Duration.ofNanos(System.nanoTime() - started),
        response.status());
    ResponseWriter.Written written = ResponseWriter.render(request, response);
    // observed before it is sent, as journaled, so a check right after a call sees that call
    if (request != null && !observers.isEmpty()) {
      observe(request, response.status(), written);
    }
    ResponseWriter.send(exchange, response.status(), written);
  }

  private void observe(ApiRequest request, int status, ResponseWriter.Written written) {
    Map<String, String> requestHeaders = new LinkedHashMap<>();
    if (request.accept() != null) {
      requestHeaders.put("Accept", request.accept());
    }
    if (request.contentType() != null) {
      requestHeaders.put("Content-Type", request.contentType());
    }
    ExchangeObserver.Exchange seen = new ExchangeObserver.Exchange(request.method(), request.path(),
        request.rawQuery(), Map.copyOf(requestHeaders), request.body(), status, Map.copyOf(written.headers()),
        written.body() == null ? new byte[0] : written.body());
    for (ExchangeObserver observer : observers) {
      try {
        observer.observed(seen);
      } catch (RuntimeException e) {
        LOG.warn("exchange observer failed: {}", e.getClass().getName());
      }
    }
  }

  /** Thrown to drop a request's connection without an answer. */
  private static final class ConnectionReset extends RuntimeException {
    ConnectionReset() {
      super(null, null, false, false);
    }
  }

  private ApiResponse serve(ApiRequest request, Trace trace) throws InterruptedException {
    faults.delay();
    if (OAuthEndpoint.handles(request.path())) {
      OAuthEndpoint.Outcome outcome = oauth.handle(request);
      trace.auth = new DigestVerifier.Result(outcome.clientId() == null ? AuthOutcome.INVALID : AuthOutcome.VALID,
          outcome.clientId());
      return outcome.response();
    }
    Optional<ApiKey> key;
    String authorization = request.authorization();
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      AccessTokens.Verdict verdict = tokens.verify(authorization.substring(BEARER.length()).trim());
      if (verdict.check() != AccessTokens.Check.VALID) {
        // an expired, revoked or unknown token: the client fetches a new one
        trace.auth = new DigestVerifier.Result(AuthOutcome.INVALID, null);
        return trace.addChallenge(ApiResponse.error(ApiError.of(ErrorCode.USER_UNAUTHORIZED)), digest, false);
      }
      trace.auth = new DigestVerifier.Result(AuthOutcome.VALID, verdict.clientId());
      key = tokens.account(verdict.clientId()).map(ServiceAccount::asKey);
    } else {
      trace.auth = digest.verify(request.method(), request.rawTarget(), authorization);
      if (!trace.auth.outcome().authenticated()) {
        return trace.addChallenge(ApiResponse.error(ApiError.of(ErrorCode.USER_UNAUTHORIZED)), digest,
            trace.auth.outcome().staleNonce());
      }
      key = keys.find(trace.auth.publicKey());
    }
    ApiResponse response;
    try {
      response = authorized(request, trace, key);
    } catch (ApiErrorException e) {
      response = ApiResponse.error(e.error());
    }
    // RFC 7235: every 401 carries a challenge (NOT_IN_GROUP and injected 401s too)
    return response.status() == 401 ? trace.addChallenge(response, digest, false) : response;
  }

  private ApiResponse authorized(ApiRequest request, Trace trace, Optional<ApiKey> key) throws InterruptedException {
    if (key.isEmpty()) {
      throw new ApiErrorException(ErrorCode.USER_UNAUTHORIZED);
    }
    if (!key.get().allowsAddress(request.remoteAddress())) {
      throw new ApiErrorException(ErrorCode.IP_ADDRESS_NOT_ON_ACCESS_LIST, request.remoteAddress());
    }
    ApiPath target = ApiPath.lenient(request.path());
    Optional<FaultRule> fault = faults.match(request.method(), target.projectId(), target.type());
    if (fault.isPresent()) {
      trace.faulted = true;
      if (fault.get().resets()) {
        throw new ConnectionReset();
      }
      if (fault.get().hangFor() == null) {
        return faultResponse(fault.get(), request);
      }
      Thread.sleep(fault.get().hangFor().toMillis());
    }
    if (target.projectId() != null) {
      OptionalLong retryAfter = rateLimiter.acquire(target.projectId());
      if (retryAfter.isPresent()) {
        return rateLimitHeaders(ApiResponse.error(ApiError.of(ErrorCode.RATE_LIMITED, request.path(),
                rateLimiter.limit(), rateLimiter.windowMinutes())), target.projectId())
            .withHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
      }
    }
    if (atlasV2) {
      checkMediaTypes(request);
    }
    ApiPath path = ApiPath.parse(options.apiPrefix(), request.path())
        .orElseThrow(() -> new ApiErrorException(ErrorCode.RESOURCE_NOT_FOUND, request.path()));
    checkProject(path.projectId(), key.get());
    if (!path.isList()) {
      checkType(path.type());
    }
    ApiResponse response = endpoint.handle(request, path);
    if (atlasV2 && response.status() < 300) {
      response = rateLimitHeaders(response, path.projectId());
      if (response.body() != null) {
        response = response.withHeader("Content-Type", ATLAS_MEDIA_TYPE);
      }
    }
    return response;
  }

  /**
   * Atlas v2: {@code Accept} must name a resource version, {@code application/vnd.atlas.YYYY-MM-DD+json},
   * of 2023-01-01 or later (a later date resolves to the latest version before it), else 406; a body
   * must be JSON, plain or versioned, else 415.
   */
  private static void checkMediaTypes(ApiRequest request) {
    java.util.regex.Matcher version = request.accept() == null ? null : VERSIONED.matcher(request.accept().trim());
    if (version == null || !version.matches() || version.group(1).compareTo(RESOURCE_VERSION) < 0) {
      throw new ApiErrorException(ErrorCode.INVALID_VERSION_DATE);
    }
    if (request.body().length > 0) {
      String type = request.contentType() == null ? "" : request.contentType().split(";")[0].trim();
      if (!type.equals("application/json") && !VERSIONED.matcher(type).matches()) {
        throw new ApiErrorException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, type);
      }
    }
  }

  /** Atlas v2 reports the project's budget with its answers when a limit is set. */
  private ApiResponse rateLimitHeaders(ApiResponse response, String projectId) {
    if (!atlasV2 || !rateLimiter.enabled()) {
      return response;
    }
    return response.withHeader("RateLimit-Limit", Integer.toString(rateLimiter.limit()))
        .withHeader("RateLimit-Remaining", Integer.toString(rateLimiter.remaining(projectId)));
  }

  private void checkProject(String projectId, ApiKey key) {
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new ApiErrorException(ErrorCode.INVALID_GROUP_ID, projectId);
    }
    if (!store.hasProject(projectId)) {
      throw new ApiErrorException(ErrorCode.GROUP_NOT_FOUND, projectId);
    }
    if (!key.canAccess(projectId)) {
      throw new ApiErrorException(ErrorCode.NOT_IN_GROUP);
    }
  }

  private void checkType(String type) {
    Set<String> accepted = options.acceptedTypes();
    if (!accepted.contains(type)) {
      throw new ApiErrorException(ErrorCode.INVALID_ENUM_VALUE, type);
    }
  }

  private static ApiResponse faultResponse(FaultRule rule, ApiRequest request) {
    ApiResponse response = ApiResponse.error(rule.errorFor(request.path()));
    Duration retryAfter = rule.retryAfter();
    return retryAfter == null ? response
        : response.withHeader("Retry-After", Long.toString(Math.max(0, retryAfter.toSeconds())));
  }

  /** @param status what the client received; 0 when the connection was dropped */
  private void journal(HttpExchange exchange, ApiRequest request, ApiResponse response, Trace trace,
      Instant arrived, Duration took, int status) {
    String method = request != null ? request.method() : exchange.getRequestMethod();
    String path = request != null ? request.path() : exchange.getRequestURI().getPath();
    ApiPath target = ApiPath.lenient(path == null ? "" : path);
    journal.record(new JournalEntry(arrived, method, path, request == null ? null : request.rawQuery(),
        target.projectId(), target.type(), status, status == 0 ? null : response.errorCode(), trace.auth.outcome(),
        trace.auth.outcome() == AuthOutcome.INVALID ? null : trace.auth.publicKey(), trace.faulted, took,
        trace.challenge));
    LOG.debug("{} {} -> {}{} ({} ms)", method, path, response.status(),
        response.errorCode() == null ? "" : " " + response.errorCode(), took.toMillis());
  }
}
