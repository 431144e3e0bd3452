package io.mdbops.integrations.simulator;

/**
 * Whether a Digest nonce may sign more than one request. The docs say only that a nonce "is only
 * valid for a short amount of time … you can't cache a nonce and use it forever" (reference §4.1),
 * which reads both ways; MongoDB's own Go client fetches a fresh nonce for every request, so it
 * would never notice single-use nonces ([UNCONFIRMED]).
 */
public enum NonceReuse {
  /** A nonce signs any number of requests (each with a new nonce count) until it expires. */
  ACCEPTED,
  /** A nonce signs one request; the next one with it gets 401 with a fresh challenge and {@code stale=true}. */
  REFUSED
}
