package io.mdbops.integrations.opsmanager;

import io.mdbops.integrations.opsmanager.ApiException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * Turns failed exchanges into {@link ApiException}s: classification, a short message, and
 * scrubbing of every secret out of whatever the server or the transport said.
 */
final class ApiErrors {

  static final String INTEGRATION_NOT_CONFIGURED = "INTEGRATION_NOT_CONFIGURED";
  static final String INTEGRATION_ALREADY_CONFIGURED = "INTEGRATION_ALREADY_CONFIGURED";

  /** 404 error codes that are about the project itself, not the integration. */
  private static final Set<String> PROJECT_ERRORS =
      Set.of("GROUP_NOT_FOUND", "INVALID_GROUP_ID", "NOT_IN_GROUP", "ATLAS_GROUP");

  private static final int MAX_DETAIL = 300;
  private static final int MAX_PARAMETER = 200;
  private static final int MAX_TRANSPORT = 200;
  private static final int MAX_FIELDS = 10;

  private ApiErrors() {}

  /**
   * A non-2xx response.
   *
   * @param credentialName named in 401/403 messages ({@code API key abcd}, {@code service account
   *     mdb_sa_id_…}), so the reader knows which credentials were refused
   */
  static ApiException fromResponse(
      String operation, HttpResult r, String credentialName, Scrubber scrubber, Clock clock) {
    int status = r.status();
    Json.ErrorBody err = Json.errorBody(r.body());
    String errorCode = scrubber.scrub(err.errorCode(), 100);
    String detail = scrubber.scrub(err.detail(), MAX_DETAIL);
    List<String> parameters =
        err.parameters().stream().map(p -> scrubber.scrub(p, MAX_PARAMETER)).toList();
    Kind kind = classify(status, err.errorCode());
    Duration retryAfter =
        kind == Kind.RATE_LIMITED ? parseRetryAfter(r.headers().get("Retry-After"), clock) : null;

    StringBuilder msg = new StringBuilder(operation).append(": HTTP ").append(status);
    if (status >= 300 && status < 400) {
      msg.append(": the API endpoint redirected");
      String target = redirectTarget(r.url(), r.headers().get("Location"), scrubber);
      if (target != null) {
        msg.append(" to ").append(target);
      }
      msg.append("; redirects are not followed, check the base URL");
    } else if (errorCode != null) {
      msg.append(' ').append(errorCode);
      if (detail != null && !detail.isBlank()) {
        msg.append(": ").append(detail);
      }
    } else if (detail != null && !detail.isBlank()) {
      msg.append(": ").append(detail);
    } else {
      String reason = err.reason() != null ? err.reason() : r.message();
      if (reason != null && !reason.isBlank()) {
        msg.append(' ').append(scrubber.scrub(reason, 100));
      }
    }
    if (!err.fields().isEmpty()) {
      // Atlas v2 names each refused field: quoted, as they are what the user has to fix
      msg.append(" (fields: ");
      for (int i = 0; i < Math.min(err.fields().size(), MAX_FIELDS); i++) {
        Json.FieldViolation f = err.fields().get(i);
        msg.append(i == 0 ? "" : "; ").append(scrubber.scrub(f.field(), 100));
        if (f.description() != null && !f.description().isBlank()) {
          msg.append(": ").append(scrubber.scrub(f.description(), MAX_PARAMETER));
        }
      }
      msg.append(err.fields().size() > MAX_FIELDS ? "; ...)" : ")");
    }
    if (status == 406) {
      msg.append(" (the API does not serve the requested resource version: Accept ")
          .append(scrubber.scrub(r.acceptSent(), 100)).append(')');
    }
    if (retryAfter != null) {
      msg.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
    }
    if (kind == Kind.UNAUTHORIZED || kind == Kind.FORBIDDEN) {
      msg.append(" (").append(credentialName).append(')');
    }
    return new ApiException(kind, status, errorCode, detail, parameters, retryAfter, msg.toString());
  }

  /** No usable response: connection refused or reset, timeout, TLS failure. */
  static ApiException transport(String operation, IOException e, Scrubber scrubber) {
    String what = e instanceof SSLException ? "TLS failure, " : "";
    String text = scrubber.scrub(e.getMessage(), MAX_TRANSPORT);
    String msg =
        operation + ": " + what + e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    return new ApiException(Kind.TRANSPORT, 0, null, null, List.of(), null, msg,
        e instanceof java.io.InterruptedIOException);
  }

  /**
   * The token endpoint gave no token for the service account: its refusal ({@code invalid_client},
   * {@code rate_limited}, ...) in its own words, classified like an answer of the API itself.
   */
  static ApiException tokenFailure(String operation, TokenRequestException e, String credentialName) {
    String msg = operation + ": no access token for " + credentialName + ": "
        + (e.status() == 0 ? "" : "the token endpoint answered HTTP " + e.status() + " ")
        + (e.oauthError() == null ? "" : e.oauthError() + ": ") + e.description()
        + (e.retryAfter() == null ? "" : " (retry after " + e.retryAfter().toSeconds() + " s)");
    return new ApiException(e.kind(), e.status(), e.oauthError(), e.description(), List.of(), e.retryAfter(), msg);
  }

  /** The request was not sent: the project's client-side budget is spent for now. */
  static ApiException throttled(String operation, ProjectRequestBudget.ThrottledException e) {
    return new ApiException(Kind.THROTTLED, 0, null, null, List.of(), e.retryAfter(),
        operation + ": not sent, the client-side budget of " + e.perMinute()
            + " requests per minute for this project is spent; retrying in " + e.retryAfter().toMillis() + " ms");
  }

  /** A 2xx whose body could not be read as the expected JSON. */
  static ApiException unreadable(String operation, int status, String why) {
    return new ApiException(
        Kind.SERVER, status, null, null, List.of(), null,
        operation + ": HTTP " + status + " with an unreadable response (" + why + ")");
  }

  static Kind classify(int status, String errorCode) {
    if (status == 401) {
      return Kind.UNAUTHORIZED;
    }
    if (status == 403) {
      return Kind.FORBIDDEN;
    }
    if (status == 429) {
      return Kind.RATE_LIMITED;
    }
    if (status == 404 && errorCode != null && PROJECT_ERRORS.contains(errorCode)) {
      return Kind.PROJECT_NOT_FOUND;
    }
    if (status >= 300 && status < 500) {
      return Kind.REJECTED;
    }
    return Kind.SERVER;
  }

  /** {@code Retry-After} as delta-seconds or HTTP-date; null when absent or unreadable. */
  static Duration parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** scheme://host[:port]/path of the Location, no query; null when there is none. */
  private static String redirectTarget(HttpUrl requestUrl, String location, Scrubber scrubber) {
    if (location == null || location.isBlank()) {
      return null;
    }
    HttpUrl target = requestUrl.resolve(location.trim());
    if (target == null) {
      return "an unparseable location";
    }
    String shown = target.newBuilder().query(null).fragment(null).username("").password("").build()
        .toString();
    return scrubber.scrub(shown, MAX_PARAMETER);
  }
}
