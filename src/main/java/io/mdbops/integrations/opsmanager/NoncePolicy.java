package io.mdbops.integrations.opsmanager;

/**
 * Whether a client answers with a Digest nonce it already used. The docs leave it open; a
 * {@code doctor} profile says which one a server takes.
 */
public enum NoncePolicy {
  /** Answer each request with the cached nonce (the count going up), until the server says stale. */
  REUSE,
  /**
   * Ask for a fresh nonce before each request: for a server that refuses a nonce's second use, so
   * its log shows no refused authentication at all.
   */
  ANSWER_EACH_CHALLENGE
}
