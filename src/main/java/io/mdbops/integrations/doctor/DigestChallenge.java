package io.mdbops.integrations.doctor;

import io.mdbops.integrations.opsmanager.DigestParts;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate: Digest ...} challenge and the answers to it. {@code doctor} answers
 * challenges itself, instead of through the operator's client, because it must choose exactly when a
 * nonce is used a second time and see what the server says to that.
 *
 * @param stale whether the server said {@code stale=true}: the key was right, the nonce was not
 */
record DigestChallenge(String realm, String nonce, String qop, String algorithm, String opaque, boolean stale) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The Digest challenge among a response's {@code WWW-Authenticate} values, if any. */
  static Optional<DigestChallenge> parse(Iterable<String> headerValues) {
    for (String header : headerValues) {
      if (header.regionMatches(true, 0, "Digest ", 0, 7)) {
        Map<String, String> p = DigestParts.parameters(header.substring(7));
        if (p.containsKey("nonce")) {
          return Optional.of(new DigestChallenge(p.getOrDefault("realm", ""), p.get("nonce"),
              p.getOrDefault("qop", p.getOrDefault("op", "")), p.getOrDefault("algorithm", "MD5"),
              p.get("opaque"), "true".equalsIgnoreCase(p.get("stale"))));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether doctor can answer it: MD5 with {@code qop=auth} (what the MMS public API asks for). */
  boolean answerable() {
    return algorithm.equalsIgnoreCase("MD5")
        && java.util.Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equals);
  }

  /**
   * The {@code Authorization} value for one request with this nonce.
   *
   * @param uri the request target exactly as sent: path and query
   * @param count the nonce count: 1 for the nonce's first use
   */
  String answer(String user, String password, String method, String uri, int count) {
    String nc = String.format(Locale.ROOT, "%08x", count);
    byte[] c = new byte[8];
    RANDOM.nextBytes(c);
    String cnonce = HexFormat.of().formatHex(c);
    String response = DigestParts.response(user, realm, password, method, uri, nonce, nc, cnonce);
    return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
        + "\", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\", algorithm=MD5"
        + (opaque == null ? "" : ", opaque=\"" + opaque + "\"");
  }
}
