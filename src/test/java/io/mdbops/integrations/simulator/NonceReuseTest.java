package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.DigestVerifierTest.CHALLENGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.simulator.DigestVerifierTest.TestDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** --nonce-reuse: whether a Digest nonce signs more than one request (reference §4.1). */
class NonceReuseTest {

  static final int CALLS = 5;

  @Test
  void withReuseRefusedEveryCallPaysOneChallengeAndStillSucceeds() {
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().nonceReuse(NonceReuse.REFUSED).build())) {
      for (int i = 0; i < CALLS; i++) {
        Reply put = f.api.put(f.path("SLACK"), TypeCase.of("SLACK").with("teamName", "Team " + i));
        assertThat(put.code()).as(put.toString()).isEqualTo(200);
      }

      RequestJournal journal = f.sim.journal();
      assertThat(journal.count(JournalEntry::challenged)).isEqualTo(CALLS);
      assertThat(journal.count(e -> e.method().equals("PUT") && !e.challenged())).isEqualTo(CALLS);
      // the first call had no nonce yet; each later one brought the previous call's nonce back
      assertThat(journal.count(JournalEntry::staleChallenge)).isEqualTo(CALLS - 1);
      assertThat(journal.entries(JournalEntry::staleChallenge)).extracting(JournalEntry::auth)
          .containsOnly(AuthOutcome.REUSED);
      assertThat(f.sim.stored(f.project, "SLACK").orElseThrow()).containsEntry("teamName", "Team " + (CALLS - 1));
    }
  }

  @Test
  void withReuseAcceptedOnlyTheFirstCallIsChallenged() {
    try (SimFixture f = SimFixture.start()) {
      for (int i = 0; i < CALLS; i++) {
        assertThat(f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body()).code()).isEqualTo(200);
      }

      assertThat(f.sim.journal().count(JournalEntry::challenged)).isEqualTo(1);
      assertThat(f.sim.journal().count(JournalEntry::staleChallenge)).isZero();
    }
  }

  @Test
  void withReuseRefusedConcurrentCallsThroughOneClientAllSucceed() throws Exception {
    int threads = 8;
    int perThread = 20;
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().nonceReuse(NonceReuse.REFUSED).build())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < threads * perThread; i++) {
        codes.add(pool.submit(() -> f.api.get(f.list()).code()));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      for (Future<Integer> code : codes) {
        assertThat(code.get()).isEqualTo(200);
      }
      assertThat(f.sim.journal().count(JournalEntry::authenticated)).isEqualTo(threads * perThread);
      // each nonce comes from one challenge and signs one request
      assertThat(f.sim.journal().count(JournalEntry::challenged)).isGreaterThanOrEqualTo(threads * perThread);
    }
  }

  @Test
  void aNoncesSecondRequestIsStaleWhateverItsCountAndTheFreshNonceWorksOnce() {
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().nonceReuse(NonceReuse.REFUSED).build());
        SimulatorClient raw = SimulatorClient.anonymous(f.sim.baseUrl())) {
      String nonce = nonce(raw.get(f.list()));

      Reply first = signed(raw, f, nonce, 1);
      Reply second = signed(raw, f, nonce, 2);

      assertThat(first.code()).isEqualTo(200);
      assertThat(second.code()).isEqualTo(401);
      Matcher challenge = CHALLENGE.matcher(second.header("WWW-Authenticate"));
      assertThat(challenge.matches()).isTrue();
      assertThat(challenge.group(2)).isEqualTo("true");
      String fresh = challenge.group(1);
      assertThat(fresh).isNotEqualTo(nonce);
      assertThat(f.sim.journal().last().orElseThrow().auth()).isEqualTo(AuthOutcome.REUSED);

      assertThat(signed(raw, f, fresh, 1).code()).isEqualTo(200);
      assertThat(signed(raw, f, fresh, 2).code()).isEqualTo(401);
    }
  }

  private static Reply signed(SimulatorClient raw, SimFixture f, String nonce, int nc) {
    String uri = ApiSimulator.API_PREFIX + f.list();
    Request request = raw.request("GET", f.list(), null).header("Authorization",
        TestDigest.header("GET", uri, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, nonce, nc, "c0ffee" + nc)).build();
    return raw.execute(request);
  }

  private static String nonce(Reply challenge) {
    Matcher m = CHALLENGE.matcher(challenge.header("WWW-Authenticate"));
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }
}
