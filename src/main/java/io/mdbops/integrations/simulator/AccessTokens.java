package io.mdbops.integrations.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The service accounts the simulator knows and the access tokens it issued them: opaque random
 * strings, valid for {@link SimulatorOptions#tokenTtl()} unless revoked (by the client, by the admin
 * surface, or by removing the account). Thread-safe.
 */
final class AccessTokens {

  /** What a Bearer token is worth now. */
  enum Check {
    VALID,
    EXPIRED,
    REVOKED,
    UNKNOWN
  }

  /** The check of one token, and whose it is (null unless VALID). */
  record Verdict(Check check, String clientId) {}

  private record Issued(String clientId, Instant expiresAt) {}

  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ServiceAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
  private final List<String> everIssued = new CopyOnWriteArrayList<>();

  AccessTokens(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  void add(ServiceAccount account) {
    accounts.put(account.clientId(), account);
  }

  /** Removes the account and revokes its tokens. */
  boolean remove(String clientId) {
    tokens.entrySet().removeIf(e -> {
      if (e.getValue().clientId().equals(clientId)) {
        revoked.put(e.getKey(), true);
        return true;
      }
      return false;
    });
    return accounts.remove(clientId) != null;
  }

  Optional<ServiceAccount> account(String clientId) {
    return Optional.ofNullable(accounts.get(clientId));
  }

  /** The account these credentials name, if the secret is right. */
  Optional<ServiceAccount> authenticate(String clientId, String clientSecret) {
    ServiceAccount a = accounts.get(clientId);
    return a != null && a.clientSecret().equals(clientSecret) ? Optional.of(a) : Optional.empty();
  }

  /** A new token for the account. */
  String issue(ServiceAccount account) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    // shaped like the JWTs the real endpoint hands out, but opaque: nothing in it means anything
    String token = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new Issued(account.clientId(), clock.instant().plus(ttl)));
    everIssued.add(token);
    return token;
  }

  long ttlSeconds() {
    return ttl.toSeconds();
  }

  Verdict verify(String token) {
    if (revoked.containsKey(token)) {
      return new Verdict(Check.REVOKED, null);
    }
    Issued issued = tokens.get(token);
    if (issued == null || !accounts.containsKey(issued.clientId())) {
      return new Verdict(Check.UNKNOWN, null);
    }
    if (!clock.instant().isBefore(issued.expiresAt())) {
      return new Verdict(Check.EXPIRED, null);
    }
    return new Verdict(Check.VALID, issued.clientId());
  }

  /** Revokes one token of the account; false when it was not one of its live tokens. */
  boolean revoke(String token, String clientId) {
    Issued issued = tokens.get(token);
    if (issued == null || !issued.clientId().equals(clientId)) {
      return false;
    }
    tokens.remove(token);
    revoked.put(token, true);
    return true;
  }

  /** Revokes every token issued so far. */
  void revokeAll() {
    tokens.keySet().forEach(t -> revoked.put(t, true));
    tokens.clear();
  }

  /** Makes every token issued so far expired, as if its hour had passed. */
  void expireAll() {
    Instant now = clock.instant();
    tokens.replaceAll((t, issued) -> new Issued(issued.clientId(), now));
  }

  /** Tokens neither expired nor revoked. */
  int live() {
    Instant now = clock.instant();
    return (int) tokens.values().stream().filter(i -> now.isBefore(i.expiresAt())).count();
  }

  /** Every token ever issued (for tests that assert none leaks). */
  List<String> everIssued() {
    return new ArrayList<>(everIssued);
  }

  /** How many tokens the client revoked itself. */
  int revokedCount() {
    return revoked.size();
  }
}
