package io.mdbops.integrations.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every request, in this order: latency, Digest authentication (challenge on failure), API
 * access list, fault rules, rate limit, routing, project checks, type check, then the endpoint.
 * Journals every request. Logs method, path and status at debug level; never headers or bodies.
 */
final class ApiHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

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

  ApiHandler(SimulatorOptions options, DigestVerifier digest, ApiKeyRegistry keys, IntegrationStore store,
      FaultInjector faults, RequestJournal journal, String scheme, String defaultHost) {
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
    ResponseWriter.write(exchange, request, response);
  }

  /** Thrown to drop a request's connection without an answer. */
  private static final class ConnectionReset extends RuntimeException {
    ConnectionReset() {
      super(null, null, false, false);
    }
  }

  private ApiResponse serve(ApiRequest request, Trace trace) throws InterruptedException {
    faults.delay();
    trace.auth = digest.verify(request.method(), request.rawTarget(), request.authorization());
    if (!trace.auth.outcome().authenticated()) {
      return trace.addChallenge(ApiResponse.error(ApiError.of(ErrorCode.USER_UNAUTHORIZED)), digest,
          trace.auth.outcome().staleNonce());
    }
    ApiResponse response;
    try {
      response = authorized(request, trace);
    } catch (ApiErrorException e) {
      response = ApiResponse.error(e.error());
    }
    // RFC 7235: every 401 carries a challenge (NOT_IN_GROUP and injected 401s too)
    return response.status() == 401 ? trace.addChallenge(response, digest, false) : response;
  }

  private ApiResponse authorized(ApiRequest request, Trace trace) throws InterruptedException {
    Optional<ApiKey> key = keys.find(trace.auth.publicKey());
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
        return ApiResponse.error(ApiError.of(ErrorCode.RATE_LIMITED, request.path(), rateLimiter.limit(),
                rateLimiter.windowMinutes()))
            .withHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
      }
    }
    ApiPath path = ApiPath.parse(request.path())
        .orElseThrow(() -> new ApiErrorException(ErrorCode.RESOURCE_NOT_FOUND, request.path()));
    checkProject(path.projectId(), key.get());
    if (!path.isList()) {
      checkType(path.type());
    }
    return endpoint.handle(request, path);
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
