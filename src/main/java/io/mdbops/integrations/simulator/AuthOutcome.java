package io.mdbops.integrations.simulator;

/** What the Digest check made of a request's {@code Authorization} header. */
public enum AuthOutcome {
  /** No Digest {@code Authorization} header: the request gets a challenge. */
  NONE,
  /** A correct response for a live nonce: the request is authenticated. */
  VALID,
  /** A correct response for an expired or unknown nonce: challenged again with {@code stale=true}. */
  STALE,
  /**
   * A correct response for a nonce that already signed a request, when nonces are single-use
   * ({@link NonceReuse#REFUSED}): challenged again with {@code stale=true}.
   */
  REUSED,
  /** The same nonce, cnonce and nc seen before: refused. */
  REPLAYED,
  /** Unknown key, wrong response, wrong realm/uri/qop/algorithm, or a malformed header: refused. */
  INVALID;

  public boolean authenticated() {
    return this == VALID;
  }

  /** Whether the key and response were right and only the nonce was not: the challenge says {@code stale=true}. */
  public boolean staleNonce() {
    return this == STALE || this == REUSED;
  }
}
