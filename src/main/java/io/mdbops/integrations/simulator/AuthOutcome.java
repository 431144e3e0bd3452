package io.mdbops.integrations.simulator;

/** What the Digest check made of a request's {@code Authorization} header. */
public enum AuthOutcome {
  /** No Digest {@code Authorization} header: the request gets a challenge. */
  NONE,
  /** A correct response for a live nonce: the request is authenticated. */
  VALID,
  /** A correct response for an expired or unknown nonce: challenged again with {@code stale=true}. */
  STALE,
  /** The same nonce, cnonce and nc seen before: refused. */
  REPLAYED,
  /** Unknown key, wrong response, wrong realm/uri/qop/algorithm, or a malformed header: refused. */
  INVALID;

  public boolean authenticated() {
    return this == VALID;
  }
}
