package io.mdbops.integrations.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.sandbox.admission.StatusResponses;

/**
 * What the sandbox's API server cannot do for kubectl, refused at once with a sentence kubectl prints,
 * instead of the mock server's bare 404 or "rejected our request for an unknown reason".
 */
final class Refusals {

  static final String NO_SERVER_SIDE_APPLY = "the sandbox's API server has no server-side apply;"
      + " use kubectl apply without --server-side";
  static final String NO_HTTP_WATCH = "the sandbox's API server cannot stream watches to kubectl"
      + " (get --watch, wait, rollout status); run the command again instead";

  private Refusals() {
  }

  /** The refusal for this request, or null when the sandbox serves it. */
  static MockResponse of(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    if ("PATCH".equals(request.getMethod()) && contentType != null
        && contentType.startsWith("application/apply-patch")) {
      return StatusResponses.failure(415, "UnsupportedMediaType", NO_SERVER_SIDE_APPLY);
    }
    // the mock server streams watches over WebSocket only (what the fabric8 client and so the operator use)
    String path = request.getPath();
    boolean watch = path.contains("?watch=true") || path.contains("&watch=true") || path.contains("?watch=1")
        || path.contains("&watch=1");
    if ("GET".equals(request.getMethod()) && watch && request.getHeader("Upgrade") == null) {
      return StatusResponses.failure(405, "MethodNotAllowed", NO_HTTP_WATCH);
    }
    return null;
  }
}
