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
 * @param challenge the Digest challenge ({@code WWW-Authenticate}) the response carried, if any
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
    Duration duration,
    Challenge challenge) {

  /** The {@code WWW-Authenticate: Digest ...} header a response carried. */
  public enum Challenge {
    /** No challenge: the response was not a 401. */
    NONE,
    /** A challenge with a fresh nonce and {@code stale=false}: the credentials were missing or not accepted. */
    FRESH,
    /** A challenge with a fresh nonce and {@code stale=true}: the credentials were right, the nonce was not. */
    STALE
  }

  /** Whether the request carried a valid Digest {@code Authorization}. */
  public boolean authenticated() {
    return auth.authenticated();
  }

  /**
   * Whether the response was a Digest challenge to a request that did not authenticate (no, stale,
   * reused, replayed or wrong credentials): a 401 before any work, the round trip a client pays to
   * get a nonce. A 401 to an authenticated request (NOT_IN_GROUP, an injected 401) also carries a
   * challenge ({@link #challenge()}) but is an answer, not a challenge, and is not counted here.
   */
  public boolean challenged() {
    return challenge != Challenge.NONE && !auth.authenticated();
  }

  /** Whether the challenge said {@code stale=true}: the client may retry with the same key at once. */
  public boolean staleChallenge() {
    return challenge == Challenge.STALE;
  }
}
