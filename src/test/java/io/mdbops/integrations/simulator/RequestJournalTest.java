package io.mdbops.integrations.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

  @Test
  void recordsWhatTestsNeedToKnowAboutEachRequest() {
    try (SimFixture f = SimFixture.start()) {
      f.api.put(f.path("SLACK") + "?pretty=true", TypeCase.of("SLACK").body());
      f.api.get(f.path("PAGER_DUTY"));

      assertThat(f.sim.journal().entries()).hasSize(3);
      JournalEntry put = f.sim.journal().entries(RequestJournal.method("put")).get(1);
      assertThat(put.path()).isEqualTo(ApiSimulator.API_PREFIX + f.path("SLACK"));
      assertThat(put.query()).isEqualTo("pretty=true");
      assertThat(put.projectId()).isEqualTo(f.project);
      assertThat(put.type()).isEqualTo("SLACK");
      assertThat(put.status()).isEqualTo(200);
      assertThat(put.errorCode()).isNull();
      assertThat(put.authenticated()).isTrue();
      assertThat(put.publicKey()).isEqualTo(SimFixture.PUBLIC_KEY);
      assertThat(put.faulted()).isFalse();
      assertThat(put.time()).isBeforeOrEqualTo(Instant.now());
      JournalEntry get = f.sim.journal().last().orElseThrow();
      assertThat(get.errorCode()).isEqualTo("INTEGRATION_NOT_CONFIGURED");
      assertThat(f.sim.journal().count(RequestJournal.type("PAGER_DUTY").and(RequestJournal.project(f.project))))
          .isEqualTo(1);
      assertThat(f.sim.journal().count(JournalEntry::challenged)).isEqualTo(1);
    }
  }

  @Test
  void aRefusalToAnAuthenticatedRequestCarriesAChallengeButIsNotCountedAsOne() {
    try (SimFixture f = SimFixture.start()) {
      String other = f.sim.addProject();
      f.sim.addApiKey("limited", "limited-private", java.util.Set.of(f.project));
      try (SimulatorClient limited = SimulatorClient.digest(f.sim.baseUrl(), "limited", "limited-private")) {
        limited.get(SimFixture.path(other, null));
      }

      assertThat(f.sim.journal().entries())
          .extracting(JournalEntry::errorCode, JournalEntry::challenge, JournalEntry::challenged)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("USER_UNAUTHORIZED", JournalEntry.Challenge.FRESH, true),
              org.assertj.core.groups.Tuple.tuple("NOT_IN_GROUP", JournalEntry.Challenge.FRESH, false));
    }
  }

  @Test
  void countsPutsAcceptedAndChallengesIncludingStaleOnes() {
    try (SimFixture f = SimFixture.start()) {
      f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body());
      f.sim.expireNonces();
      f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body());

      assertThat(f.sim.journal().entries())
          .extracting(JournalEntry::status, JournalEntry::challenge, JournalEntry::challenged)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(401, JournalEntry.Challenge.FRESH, true),
              org.assertj.core.groups.Tuple.tuple(200, JournalEntry.Challenge.NONE, false),
              org.assertj.core.groups.Tuple.tuple(401, JournalEntry.Challenge.STALE, true),
              org.assertj.core.groups.Tuple.tuple(200, JournalEntry.Challenge.NONE, false));
      assertThat(f.sim.journal().count(e -> e.method().equals("PUT") && !e.challenged())).isEqualTo(2);
      assertThat(f.sim.journal().count(JournalEntry::staleChallenge)).isEqualTo(1);
    }
  }

  @Test
  void isBoundedAndClearable() {
    RequestJournal journal = new RequestJournal(3);
    for (int i = 0; i < 5; i++) {
      journal.record(entry("/p" + i));
    }

    assertThat(journal.entries()).extracting(JournalEntry::path).containsExactly("/p2", "/p3", "/p4");
    assertThat(journal.recorded()).isEqualTo(5);

    journal.clear();

    assertThat(journal.entries()).isEmpty();
    assertThat(journal.recorded()).isZero();
    assertThat(journal.last()).isEmpty();
    assertThatThrownBy(() -> new RequestJournal(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static JournalEntry entry(String path) {
    return new JournalEntry(Instant.now(), "GET", path, null, null, null, 200, null, AuthOutcome.VALID, "k", false,
        Duration.ZERO, JournalEntry.Challenge.NONE);
  }
}
