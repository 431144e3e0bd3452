package io.mdbops.integrations.simulator;

import io.mdbops.integrations.testing.MutableClock;
import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which project a key may reach, from where, and how often. */
class AccessTest {

  static final String UNKNOWN_PROJECT = "5e2211c17a3e5a48f5497de3";

  @Test
  void anUnknownProjectIsNotFound() {
    try (SimFixture f = SimFixture.start()) {
      Reply reply = f.api.get(SimFixture.path(UNKNOWN_PROJECT, null));

      assertError(reply, 404, "GROUP_NOT_FOUND");
      assertThat(reply.json().get("detail").asText()).isEqualTo("No group with ID " + UNKNOWN_PROJECT + " exists.");
    }
  }

  @Test
  void aMalformedProjectIdIsInvalid() {
    try (SimFixture f = SimFixture.start()) {
      Reply reply = f.api.get(SimFixture.path("not-a-project-id", "SLACK"));

      assertError(reply, 404, "INVALID_GROUP_ID");
      assertThat(reply.json().get("detail").asText()).isEqualTo("An invalid group ID not-a-project-id was specified.");
    }
  }

  @Test
  void aKeyWithoutAccessToTheProjectIsNotInGroup() {
    try (SimFixture f = SimFixture.start()) {
      String other = f.sim.addProject();
      f.sim.addApiKey("limited", "limited-private", Set.of(f.project));
      try (SimulatorClient limited = SimulatorClient.digest(f.sim.baseUrl(), "limited", "limited-private")) {
        assertThat(limited.get(SimFixture.path(f.project, null)).code()).isEqualTo(200);
        f.sim.journal().clear();

        Reply reply = limited.get(SimFixture.path(other, null));

        assertError(reply, 401, "NOT_IN_GROUP");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Digest ");
        // okhttp-digest drops its cached nonce on any 401 and retries once from a fresh challenge
        assertThat(f.sim.journal().entries()).extracting(JournalEntry::status).containsExactly(401, 401, 401);
        assertThat(f.sim.journal().entries()).extracting(JournalEntry::errorCode)
            .containsExactly("NOT_IN_GROUP", "USER_UNAUTHORIZED", "NOT_IN_GROUP");

        f.sim.grantProject("limited", other);
        assertThat(limited.get(SimFixture.path(other, null)).code()).isEqualTo(200);
      }
    }
  }

  @Test
  void aKeyUsedFromAnAddressOffItsAccessListIsForbidden() {
    try (SimFixture f = SimFixture.start()) {
      f.sim.setAccessList(SimFixture.PUBLIC_KEY, Set.of("10.1.2.3"));

      Reply reply = f.api.get(f.list());

      assertError(reply, 403, "IP_ADDRESS_NOT_ON_ACCESS_LIST");
      assertThat(reply.json().get("detail").asText())
          .isEqualTo("IP address 127.0.0.1 is not allowed to access this resource.");

      f.sim.setAccessList(SimFixture.PUBLIC_KEY, Set.of("10.1.2.3", "127.0.0.1"));
      assertThat(f.api.get(f.list()).code()).isEqualTo(200);
      f.sim.setAccessList(SimFixture.PUBLIC_KEY, Set.of());
      assertThat(f.api.get(f.list()).code()).isEqualTo(200);
    }
  }

  @Test
  void aProjectOverItsRequestLimitIsRateLimitedUntilTheWindowEnds() {
    MutableClock clock = new MutableClock();
    SimulatorOptions options = SimulatorOptions.builder().clock(clock).rateLimit(3, Duration.ofMinutes(1)).build();
    try (SimFixture f = SimFixture.start(options)) {
      String other = f.sim.addProject();
      for (int i = 0; i < 3; i++) {
        assertThat(f.api.get(f.list()).code()).isEqualTo(200);
      }
      clock.advance(Duration.ofSeconds(15));

      Reply limited = f.api.get(f.list());

      assertError(limited, 429, "RATE_LIMITED");
      assertThat(limited.header("Retry-After")).isEqualTo("45");
      assertThat(limited.json().get("detail").asText()).isEqualTo("Resource /api/public/v1.0/groups/" + f.project
          + "/integrations is limited to 3 requests every 1 minutes.");
      assertThat(f.api.get(SimFixture.path(other, null)).code()).isEqualTo(200);

      clock.advance(Duration.ofSeconds(45));
      assertThat(f.api.get(f.list()).code()).isEqualTo(200);
    }
  }
}
