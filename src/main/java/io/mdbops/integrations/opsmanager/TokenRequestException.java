package io.mdbops.integrations.opsmanager;

import java.io.IOException;
import java.time.Duration;

/**
 * The OAuth token endpoint did not hand out a token: it refused the service account, limited its
 * requests, failed, or could not be reached. Raised inside an exchange (so it is an IOException) and
 * turned into an {@link ApiException} by the client. Its message never holds the client secret or a
 * token: the endpoint's own words are scrubbed before they get here.
 */
final class TokenRequestException extends IOException {

  private final ApiException.Kind kind;
  private final int status;
  private final String oauthError;
  private final String description;
  private final Duration retryAfter;

  /**
   * @param status HTTP status of the token endpoint's answer, 0 when there was none
   * @param oauthError the OAuth {@code error} code ({@code invalid_client}, {@code rate_limited}), or null
   * @param description the endpoint's {@code error_description} (scrubbed), or what went wrong
   */
  TokenRequestException(ApiException.Kind kind, int status, String oauthError, String description,
      Duration retryAfter) {
    super("token request failed: " + (status == 0 ? "" : "HTTP " + status + " ")
        + (oauthError == null ? "" : oauthError + ": ") + description, null);
    this.kind = kind;
    this.status = status;
    this.oauthError = oauthError;
    this.description = description;
    this.retryAfter = retryAfter;
  }

  ApiException.Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  String oauthError() {
    return oauthError;
  }

  String description() {
    return description;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
