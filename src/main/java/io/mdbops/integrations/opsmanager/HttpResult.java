package io.mdbops.integrations.opsmanager;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A finished exchange with its body read.
 *
 * @param message the status line's reason phrase
 * @param url the URL that was finally requested
 * @param body the body as text; "" when empty, null when it was too large to read
 * @param acceptSent the {@code Accept} header the request carried
 */
record HttpResult(int status, String message, HttpUrl url, Headers headers, String body, String acceptSent) {

  boolean successful() {
    return status >= 200 && status < 300;
  }

  /** 409 INTEGRATION_ALREADY_CONFIGURED: a create found the type already set up. */
  boolean alreadyConfigured() {
    return status == 409
        && ApiErrors.INTEGRATION_ALREADY_CONFIGURED.equals(Json.errorBody(body).errorCode());
  }

  /** 404 INTEGRATION_NOT_CONFIGURED: the type is not set up in the project. */
  boolean notConfigured() {
    return status == 404
        && ApiErrors.INTEGRATION_NOT_CONFIGURED.equals(Json.errorBody(body).errorCode());
  }
}
