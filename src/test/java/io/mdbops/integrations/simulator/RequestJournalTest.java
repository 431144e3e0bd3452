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
        Duration.ZERO);
  }
}
