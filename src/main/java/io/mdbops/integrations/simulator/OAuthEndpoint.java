package io.mdbops.integrations.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The OAuth 2 endpoints of service accounts (reference §4.2): {@code POST /api/oauth/token} (client
 * credentials in a Basic header, {@code grant_type=client_credentials}) answers {@code {access_token,
 * expires_in, token_type: Bearer}}; {@code POST /api/oauth/revoke} ({@code token=…}) ends a token.
 * Errors are OAuth-shaped, {@code {error, error_description}}: {@code invalid_client} (401), {@code
 * rate_limited} (429, with Retry-After), {@code unsupported_grant_type} / {@code invalid_request} (400).
 */
final class OAuthEndpoint {

  static final String TOKEN_PATH = "/api/oauth/token";
  static final String REVOKE_PATH = "/api/oauth/revoke";

  /** An answer, and the client it authenticated (null when none). */
  record Outcome(ApiResponse response, String clientId) {}

  private final AccessTokens tokens;
  private final RateLimiter limiter;

  OAuthEndpoint(AccessTokens tokens, Clock clock, int requestsPerMinute) {
    this.tokens = tokens;
    this.limiter = new RateLimiter(clock, requestsPerMinute, Duration.ofMinutes(1));
  }

  static boolean handles(String path) {
    return path.equals(TOKEN_PATH) || path.equals(REVOKE_PATH);
  }

  Outcome handle(ApiRequest request) {
    if (!request.method().equals("POST")) {
      return new Outcome(error(405, "invalid_request", "Use POST."), null);
    }
    Optional<ServiceAccount> account = basic(request.authorization());
    if (account.isEmpty()) {
      return new Outcome(error(401, "invalid_client", "Invalid client credentials."), null);
    }
    String clientId = account.get().clientId();
    Map<String, String> form = form(request.body());
    if (request.path().equals(REVOKE_PATH)) {
      String token = form.get("token");
      if (token == null || token.isEmpty()) {
        return new Outcome(error(400, "invalid_request", "The token parameter is missing."), clientId);
      }
      tokens.revoke(token, clientId); // RFC 7009: an unknown token is no error
      return new Outcome(ApiResponse.empty(200), clientId);
    }
    OptionalLong retryAfter = limiter.acquire(clientId);
    if (retryAfter.isPresent()) {
      return new Outcome(error(429, "rate_limited", "Resource " + TOKEN_PATH + " is limited to " + limiter.limit()
          + " requests every 1 minutes.").withHeader("Retry-After", Long.toString(retryAfter.getAsLong())), clientId);
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return new Outcome(error(400, "unsupported_grant_type", "Only client_credentials is supported."), clientId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.issue(account.get()));
    body.put("expires_in", tokens.ttlSeconds());
    body.put("token_type", "Bearer");
    return new Outcome(new ApiResponse(200, body, Map.of(), null), clientId);
  }

  private Optional<ServiceAccount> basic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? Optional.empty() : tokens.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static ApiResponse error(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return new ApiResponse(status, body, Map.of(), error);
  }
}
