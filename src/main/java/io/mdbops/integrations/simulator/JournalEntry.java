package io.mdbops.integrations.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param time when it arrived (the simulator's clock)
 * @param method the HTTP method
 * @param path the decoded path
 * @param query the raw query string, or null
 * @param projectId the project id in the path, or null
 * @param type the integration type in the path, or null
 * @param status the response status
 * @param errorCode the response's errorCode, or null for a success
 * @param auth what the Digest check made of the request
 * @param publicKey the public key that signed it, when the signature was correct; else null
 * @param faulted whether a fault rule produced the response
 * @param duration how long the simulator took, injected latency included
 */
public record JournalEntry(
    Instant time,
    String method,
    String path,
    String query,
    String projectId,
    String type,
    int status,
    String errorCode,
    AuthOutcome auth,
    String publicKey,
    boolean faulted,
    Duration duration) {

  /** Whether the request carried a valid Digest {@code Authorization}. */
  public boolean authenticated() {
    return auth.authenticated();
  }

  /** Whether the response was a Digest challenge (401 to an unauthenticated request). */
  public boolean challenged() {
    return status == 401 && !auth.authenticated();
  }
}
