package io.mdbops.integrations.simulator;

import io.mdbops.integrations.testing.MutableClock;
import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP Digest as the MMS public API speaks it (reference §4.1), with a real client and by hand. */
class DigestVerifierTest {

  static final Pattern CHALLENGE = Pattern.compile(
      "Digest realm=\"MMS Public API\", domain=\"\", nonce=\"([^\"]+)\", algorithm=MD5, qop=\"auth\", stale=(true|false)");

  MutableClock clock = new MutableClock();
  SimFixture f;
  SimulatorClient anonymous;

  @BeforeEach
  void start() {
    f = SimFixture.start(SimulatorOptions.builder().clock(clock).nonceTtl(Duration.ofMinutes(5)).build());
    anonymous = SimulatorClient.anonymous(f.sim.baseUrl());
  }

  @AfterEach
  void stop() {
    anonymous.close();
    f.close();
  }

  @Test
  void aRequestWithoutAuthorizationGetsAChallengeAndAJsonError() {
    Reply reply = anonymous.get(f.list());

    assertError(reply, 401, "USER_UNAUTHORIZED");
    assertThat(reply.json().get("detail").asText()).isEqualTo("Current user is not authorized to perform this action.");
    Matcher challenge = CHALLENGE.matcher(reply.header("WWW-Authenticate"));
    assertThat(challenge.matches()).as(reply.header("WWW-Authenticate")).isTrue();
    assertThat(challenge.group(2)).isEqualTo("false");
    assertThat(f.sim.journal().last().orElseThrow().auth()).isEqualTo(AuthOutcome.NONE);
  }

  @Test
  void theFirstCallIsChallengedAndLaterCallsReuseTheCachedNonce() {
    assertThat(f.api.get(f.list()).code()).isEqualTo(200);
    assertThat(f.sim.journal().entries()).extracting(JournalEntry::status, JournalEntry::auth)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(401, AuthOutcome.NONE),
            org.assertj.core.groups.Tuple.tuple(200, AuthOutcome.VALID));
    f.sim.journal().clear();

    for (int i = 0; i < 5; i++) {
      assertThat(f.api.get(f.list() + "?pageNum=1&itemsPerPage=" + (10 + i)).code()).isEqualTo(200);
    }
    assertThat(f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body()).code()).isEqualTo(200);
    assertThat(f.api.delete(f.path("SLACK")).code()).isEqualTo(204);

    assertThat(f.sim.journal().entries()).hasSize(7).allMatch(JournalEntry::authenticated);
    assertThat(f.sim.journal().entries()).allMatch(e -> SimFixture.PUBLIC_KEY.equals(e.publicKey()));
  }

  @Test
  void anExpiredNonceIsStaleAndCostsExactlyOneExtraRoundTrip() {
    f.api.get(f.list());
    clock.advance(Duration.ofMinutes(5));
    f.sim.journal().clear();

    assertThat(f.api.put(f.path("WEBHOOK"), TypeCase.of("WEBHOOK").body()).code()).isEqualTo(200);

    assertThat(f.sim.journal().entries()).extracting(JournalEntry::status, JournalEntry::auth)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(401, AuthOutcome.STALE),
            org.assertj.core.groups.Tuple.tuple(200, AuthOutcome.VALID));
    assertThat(f.sim.stored(f.project, "WEBHOOK")).contains(TypeCase.of("WEBHOOK").body());
  }

  @Test
  void expireNoncesMakesTheNextRequestStale() {
    f.api.get(f.list());
    f.sim.expireNonces();
    f.sim.journal().clear();

    assertThat(f.api.get(f.list()).code()).isEqualTo(200);

    assertThat(f.sim.journal().entries()).extracting(JournalEntry::auth)
        .containsExactly(AuthOutcome.STALE, AuthOutcome.VALID);
  }

  @Test
  void aStaleChallengeSaysStaleTrue() {
    String nonce = nonce(anonymous.get(f.list()));
    clock.advance(Duration.ofMinutes(6));
    String uri = ApiSimulator.API_PREFIX + f.list();

    Reply reply = withAuthorization("GET", f.list(),
        TestDigest.header("GET", uri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, 1, "0a4f113b"));

    assertThat(reply.code()).isEqualTo(401);
    Matcher challenge = CHALLENGE.matcher(reply.header("WWW-Authenticate"));
    assertThat(challenge.matches()).isTrue();
    assertThat(challenge.group(2)).isEqualTo("true");
    assertThat(challenge.group(1)).isNotEqualTo(nonce);
  }

  @Test
  void wrongKeysGetA401WithoutLooping() {
    try (SimulatorClient wrong = SimulatorClient.digest(f.sim.baseUrl(), SimFixture.PUBLIC_KEY, "not-the-key")) {
      Reply reply = wrong.get(f.list());

      assertError(reply, 401, "USER_UNAUTHORIZED");
      assertThat(f.sim.journal().entries()).extracting(JournalEntry::auth)
          .containsExactly(AuthOutcome.NONE, AuthOutcome.INVALID);
    }
    try (SimulatorClient unknown = SimulatorClient.digest(f.sim.baseUrl(), "nobody", "whatever")) {
      assertThat(unknown.get(f.list()).code()).isEqualTo(401);
    }
    assertThat(f.sim.journal().entries()).noneMatch(JournalEntry::authenticated);
  }

  @Test
  void aHandComputedResponseIsAcceptedOnceAndItsReplayIsRefused() {
    String nonce = nonce(anonymous.get(f.list()));
    String uri = ApiSimulator.API_PREFIX + f.list() + "?pageNum=1";
    String authorization =
        TestDigest.header("GET", uri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, 1, "0a4f113b");

    assertThat(withAuthorization("GET", f.list() + "?pageNum=1", authorization).code()).isEqualTo(200);
    Reply replay = withAuthorization("GET", f.list() + "?pageNum=1", authorization);
    Reply next = withAuthorization("GET", f.list() + "?pageNum=1",
        TestDigest.header("GET", uri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, 2, "0a4f113b"));

    assertThat(replay.code()).isEqualTo(401);
    assertThat(f.sim.journal().entries()).extracting(JournalEntry::auth)
        .containsExactly(AuthOutcome.NONE, AuthOutcome.VALID, AuthOutcome.REPLAYED, AuthOutcome.VALID);
    assertThat(next.code()).isEqualTo(200);
  }

  @Test
  void theSameNonceCountUnderAnotherCnonceIsAReplayOnlyInStrictMode() {
    String nonce = nonce(anonymous.get(f.list()));
    String uri = ApiSimulator.API_PREFIX + f.list();
    String first = TestDigest.header("GET", uri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, 1, "aaaa1111");
    String other = TestDigest.header("GET", uri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, 1, "bbbb2222");

    assertThat(withAuthorization("GET", f.list(), first).code()).isEqualTo(200);
    assertThat(withAuthorization("GET", f.list(), other).code()).isEqualTo(200);

    try (SimFixture strict = SimFixture.start(SimulatorOptions.builder().strictNonceCount(true).build());
        SimulatorClient raw = SimulatorClient.anonymous(strict.sim.baseUrl())) {
      String strictNonce = nonce(raw.get(strict.list()));
      String strictUri = ApiSimulator.API_PREFIX + strict.list();
      Reply accepted = raw.execute(raw.request("GET", strict.list(), null).header("Authorization", TestDigest.header(
          "GET", strictUri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, strictNonce, 1, "aaaa1111")).build());
      Reply replayed = raw.execute(raw.request("GET", strict.list(), null).header("Authorization", TestDigest.header(
          "GET", strictUri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, strictNonce, 1, "bbbb2222")).build());

      assertThat(accepted.code()).isEqualTo(200);
      assertThat(replayed.code()).isEqualTo(401);
      assertThat(strict.sim.journal().last().orElseThrow().auth()).isEqualTo(AuthOutcome.REPLAYED);
    }
  }

  @Test
  void theSignedUriMustBeTheRequestedOne() {
    String nonce = nonce(anonymous.get(f.list()));
    String signed = ApiSimulator.API_PREFIX + f.path("SLACK");

    Reply reply = withAuthorization("GET", f.list(),
        TestDigest.header("GET", signed, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, 1, "77aa"));

    assertThat(reply.code()).isEqualTo(401);
    assertThat(f.sim.journal().last().orElseThrow().auth()).isEqualTo(AuthOutcome.INVALID);
  }

  @Test
  void theSignedMethodMustBeTheRequestMethod() {
    String nonce = nonce(anonymous.get(f.list()));
    String uri = ApiSimulator.API_PREFIX + f.path("SLACK");

    Reply reply = withAuthorization("DELETE", f.path("SLACK"),
        TestDigest.header("GET", uri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, 1, "77aa"));

    assertThat(reply.code()).isEqualTo(401);
    assertThat(f.sim.journal().last().orElseThrow().auth()).isEqualTo(AuthOutcome.INVALID);
  }

  @Test
  void basicAuthIsChallenged() {
    Reply reply = withAuthorization("GET", f.list(), okhttp3.Credentials.basic(SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY));

    assertThat(reply.code()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Digest ");
  }

  private Reply withAuthorization(String method, String path, String authorization) {
    Request request = anonymous.request(method, path, null).header("Authorization", authorization).build();
    return anonymous.execute(request);
  }

  private static String nonce(Reply challenge) {
    Matcher m = CHALLENGE.matcher(challenge.header("WWW-Authenticate"));
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }

  /** An independent client-side Digest computation (RFC 2617, MD5, qop=auth). */
  static final class TestDigest {
    static String header(String method, String uri, String user, String password, String nonce, int nc,
        String cnonce) {
      String ncHex = String.format("%08x", nc);
      String ha1 = md5(user + ":MMS Public API:" + password);
      String ha2 = md5(method + ":" + uri);
      String response = md5(String.join(":", List.of(ha1, nonce, ncHex, cnonce, "auth", ha2)));
      return "Digest username=\"" + user + "\", realm=\"MMS Public API\", nonce=\"" + nonce + "\", uri=\"" + uri
          + "\", cnonce=\"" + cnonce + "\", nc=" + ncHex + ", qop=auth, response=\"" + response
          + "\", algorithm=\"MD5\"";
    }

    static String md5(String s) {
      try {
        byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1));
        return String.format("%032x", new BigInteger(1, d));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
