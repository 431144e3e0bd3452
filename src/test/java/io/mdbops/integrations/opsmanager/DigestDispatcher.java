package io.mdbops.integrations.opsmanager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An independent RFC 2617 Digest server (realm "MMS Public API", qop=auth, MD5): challenges
 * unauthenticated requests, recomputes the MD5 response of authenticated ones and only then hands
 * them to {@code app}. Nonces can be expired to provoke {@code stale=true}.
 */
final class DigestDispatcher extends Dispatcher {

  static final String REALM = "MMS Public API";
  private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

  private final String user;
  private final String password;
  private final Function<RecordedRequest, MockResponse> app;
  private final Set<String> nonces = ConcurrentHashMap.newKeySet();
  private final Set<String> staleNonces = ConcurrentHashMap.newKeySet();

  final AtomicInteger challenges = new AtomicInteger();
  final AtomicInteger staleChallenges = new AtomicInteger();
  final AtomicInteger verified = new AtomicInteger();
  final AtomicInteger rejected = new AtomicInteger();
  /** Authorization parameters of every verified request, in arrival order. */
  final List<Map<String, String>> verifiedParams = new CopyOnWriteArrayList<>();
  volatile boolean alwaysStale;
  /** Each nonce answers one request; a reused one gets a stale challenge (a reading the docs allow). */
  volatile boolean singleUseNonces;

  DigestDispatcher(String user, String password, Function<RecordedRequest, MockResponse> app) {
    this.user = user;
    this.password = password;
    this.app = app;
  }

  /** Every nonce handed out so far becomes stale. */
  void expireNonces() {
    staleNonces.addAll(nonces);
    nonces.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.startsWith("Digest ")) {
      return challenge(false);
    }
    Map<String, String> p = parse(auth.substring(7));
    boolean digestOk = digestMatches(request, p);
    String nonce = p.get("nonce");
    if (alwaysStale || (digestOk && staleNonces.contains(nonce))) {
      return challenge(true);
    }
    if (!digestOk || !nonces.contains(nonce)) {
      rejected.incrementAndGet();
      return challenge(false);
    }
    if (singleUseNonces) {
      nonces.remove(nonce);
      staleNonces.add(nonce);
    }
    verified.incrementAndGet();
    verifiedParams.add(p);
    return app.apply(request);
  }

  private boolean digestMatches(RecordedRequest request, Map<String, String> p) {
    if (!user.equals(p.get("username")) || !REALM.equals(p.get("realm"))
        || !"auth".equals(p.get("qop")) || !"MD5".equalsIgnoreCase(p.getOrDefault("algorithm", "MD5"))
        || !request.getTarget().equals(p.get("uri")) || p.get("nc") == null
        || p.get("cnonce") == null || p.get("nonce") == null) {
      return false;
    }
    String ha1 = md5(user + ":" + REALM + ":" + password);
    String ha2 = md5(request.getMethod() + ":" + p.get("uri"));
    String expected = md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce")
        + ":auth:" + ha2);
    return expected.equals(p.get("response"));
  }

  private MockResponse challenge(boolean stale) {
    challenges.incrementAndGet();
    if (stale) {
      staleChallenges.incrementAndGet();
    }
    String nonce = UUID.randomUUID().toString().replace("-", "");
    nonces.add(nonce);
    return new MockResponse.Builder()
        .code(401)
        .setHeader("WWW-Authenticate", "Digest realm=\"" + REALM + "\", domain=\"\", nonce=\""
            + nonce + "\", algorithm=MD5, qop=\"auth\", stale=" + stale)
        .setHeader("Content-Type", "application/json;charset=ISO-8859-1")
        .body("{\"detail\":\"You are not authorized for this resource.\",\"error\":401,"
            + "\"errorCode\":\"USER_UNAUTHORIZED\",\"parameters\":[],\"reason\":\"Unauthorized\"}")
        .build();
  }

  static Map<String, String> parse(String params) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(params);
    while (m.find()) {
      out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }

  static String md5(String s) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
