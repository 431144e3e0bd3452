package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.testing.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --revoke-key-after, removeApiKey and revokeProject: a key that stops working while the client runs. */
class KeyRevocationTest {

  @Test
  void everyKeyIsRevokedOnceTheDelayHasPassed() {
    MutableClock clock = new MutableClock();
    SimulatorOptions options = SimulatorOptions.builder().clock(clock).revokeKeysAfter(Duration.ofSeconds(30)).build();
    try (SimFixture f = SimFixture.start(options)) {
      f.sim.addApiKey("second", "second-private");
      try (SimulatorClient second = SimulatorClient.digest(f.sim.baseUrl(), "second", "second-private")) {
        clock.advance(Duration.ofSeconds(29));
        assertThat(f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body()).code()).isEqualTo(200);
        assertThat(second.get(f.list()).code()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        f.sim.journal().clear();
        Reply refused = f.api.put(f.path("SLACK"), TypeCase.of("SLACK").with("teamName", "Too late"));

        assertError(refused, 401, "USER_UNAUTHORIZED");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Digest ");
        assertError(second.get(f.list()), 401, "USER_UNAUTHORIZED");
        assertThat(f.sim.journal().entries()).isNotEmpty()
            .allMatch(e -> e.status() == 401 && e.challenged() && !e.authenticated());
        assertThat(f.sim.stored(f.project, "SLACK").orElseThrow()).containsEntry("teamName", "My Team");
        assertThat(f.sim.apiKey(SimFixture.PUBLIC_KEY)).isEmpty();
        assertThat(f.sim.apiKey("second")).isEmpty();
      }
    }
  }

  @Test
  void aKeyCreatedAfterTheRevocationWorks() {
    MutableClock clock = new MutableClock();
    SimulatorOptions options = SimulatorOptions.builder().clock(clock).revokeKeysAfter(Duration.ofMinutes(1)).build();
    try (SimFixture f = SimFixture.start(options)) {
      clock.advance(Duration.ofMinutes(2));
      assertThat(f.api.get(f.list()).code()).isEqualTo(401);

      f.sim.addApiKey("rotated", "rotated-private");
      try (SimulatorClient rotated = SimulatorClient.digest(f.sim.baseUrl(), "rotated", "rotated-private")) {
        assertThat(rotated.get(f.list()).code()).isEqualTo(200);
      }
    }
  }

  @Test
  void withoutTheOptionKeysAreNeverRevoked() {
    MutableClock clock = new MutableClock();
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().clock(clock).build())) {
      clock.advance(Duration.ofDays(400));
      f.sim.expireNonces();

      assertThat(f.api.get(f.list()).code()).isEqualTo(200);
    }
  }

  @Test
  void removeApiKeyRevokesOneKeyAtOnce() {
    try (SimFixture f = SimFixture.start()) {
      f.sim.addApiKey("other", "other-private");
      try (SimulatorClient other = SimulatorClient.digest(f.sim.baseUrl(), "other", "other-private")) {
        assertThat(f.api.get(f.list()).code()).isEqualTo(200);

        assertThat(f.sim.removeApiKey(SimFixture.PUBLIC_KEY)).isTrue();

        assertError(f.api.get(f.list()), 401, "USER_UNAUTHORIZED");
        assertThat(other.get(f.list()).code()).isEqualTo(200);
        assertThat(f.sim.removeApiKey(SimFixture.PUBLIC_KEY)).isFalse();
      }
    }
  }

  @Test
  void revokeProjectTakesOneProjectAwayFromAKeyAndLeavesItsOthers() {
    try (SimFixture f = SimFixture.start()) {
      String other = f.sim.addProject();
      f.sim.addApiKey("scoped", "scoped-private", Set.of(f.project, other));
      try (SimulatorClient scoped = SimulatorClient.digest(f.sim.baseUrl(), "scoped", "scoped-private")) {
        assertThat(scoped.get(f.list()).code()).isEqualTo(200);

        f.sim.revokeProject("scoped", f.project);

        // the project still exists (the all-projects key sees it): only this key lost it
        assertError(scoped.get(f.list()), 401, "NOT_IN_GROUP");
        assertThat(scoped.get(SimFixture.path(other, null)).code()).isEqualTo(200);
        assertThat(f.api.get(f.list()).code()).isEqualTo(200);
      }
      assertThatThrownBy(() -> f.sim.revokeProject(SimFixture.PUBLIC_KEY, f.project))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reaches every project");
    }
  }
}
