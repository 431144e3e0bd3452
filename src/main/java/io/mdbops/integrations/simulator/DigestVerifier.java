package io.mdbops.integrations.simulator;

import io.mdbops.integrations.opsmanager.DigestParts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The server side of HTTP Digest (RFC 2617/7616) as the MMS public API speaks it: MD5, {@code
 * qop=auth}, realm {@code MMS Public API}. Issues nonces that expire after a TTL, and refuses a
 * replayed nonce count: by default a (nonce, cnonce, nc) triple seen before; with {@code
 * strictNonceCount} any nc seen before with that nonce, whatever the cnonce. With single-use
 * nonces ({@link NonceReuse#REFUSED}) a nonce's second request is stale, whatever its nc.
 * Thread-safe.
 */
final class DigestVerifier {

  static final String REALM = "MMS Public API";

  /** The outcome, and the public key when the response was correct. */
  record Result(AuthOutcome outcome, String publicKey) {}

  private record NonceState(Instant issued, Set<String> seen, AtomicBoolean used) {}

  private final Clock clock;
  private final Duration ttl;
  private final Function<String, Optional<String>> privateKeys;
  private final boolean strictNonceCount;
  private final NonceReuse reuse;
  private final Map<String, NonceState> nonces = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private volatile Instant lastPurge = Instant.EPOCH;

  DigestVerifier(Clock clock, Duration ttl, boolean strictNonceCount, NonceReuse reuse,
      Function<String, Optional<String>> privateKeys) {
    this.clock = clock;
    this.ttl = ttl;
    this.strictNonceCount = strictNonceCount;
    this.reuse = reuse;
    this.privateKeys = privateKeys;
  }

  /** A {@code WWW-Authenticate} header value with a fresh nonce. */
  String challenge(boolean stale) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    purgeExpired(now);
    nonces.put(nonce, new NonceState(now, ConcurrentHashMap.newKeySet(), new AtomicBoolean()));
    return "Digest realm=\"" + REALM + "\", domain=\"\", nonce=\"" + nonce
        + "\", algorithm=MD5, qop=\"auth\", stale=" + stale;
  }

  /** Forgets every nonce issued so far: the next correct response of each client is stale. */
  void expireAll() {
    nonces.clear();
  }

  /**
   * Checks an {@code Authorization} header.
   *
   * @param requestTarget the path and query exactly as the request line carried them
   */
  Result verify(String method, String requestTarget, String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
      return new Result(AuthOutcome.NONE, null);
    }
    Map<String, String> p = DigestParts.parameters(authorization.substring(7));
    String user = p.get("username");
    String nonce = p.get("nonce");
    String uri = p.get("uri");
    String nc = p.get("nc");
    String cnonce = p.get("cnonce");
    String response = p.get("response");
    String algorithm = p.getOrDefault("algorithm", "MD5");
    if (user == null || nonce == null || uri == null || nc == null || cnonce == null || response == null
        || !REALM.equals(p.get("realm")) || !"auth".equals(p.get("qop")) || !"MD5".equalsIgnoreCase(algorithm)
        || !uri.equals(requestTarget)) {
      return new Result(AuthOutcome.INVALID, null);
    }
    Optional<String> privateKey = privateKeys.apply(user);
    if (privateKey.isEmpty()) {
      return new Result(AuthOutcome.INVALID, null);
    }
    String expected = DigestParts.response(user, REALM, privateKey.get(), method, uri, nonce, nc, cnonce);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        response.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
      return new Result(AuthOutcome.INVALID, null);
    }
    NonceState state = nonces.get(nonce);
    if (state == null || expired(state, clock.instant())) {
      return new Result(AuthOutcome.STALE, user);
    }
    if (reuse == NonceReuse.REFUSED && !state.used().compareAndSet(false, true)) {
      return new Result(AuthOutcome.REUSED, user);
    }
    if (!state.seen().add(strictNonceCount ? nc : cnonce + ":" + nc)) {
      return new Result(AuthOutcome.REPLAYED, user);
    }
    return new Result(AuthOutcome.VALID, user);
  }

  private boolean expired(NonceState state, Instant now) {
    return !now.isBefore(state.issued().plus(ttl));
  }

  private void purgeExpired(Instant now) {
    if (now.isAfter(lastPurge.plusSeconds(1)) || nonces.size() > 10_000) {
      lastPurge = now;
      nonces.values().removeIf(state -> expired(state, now));
    }
  }
}
