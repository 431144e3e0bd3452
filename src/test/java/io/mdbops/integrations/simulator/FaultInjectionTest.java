package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  SimFixture f;

  @BeforeEach
  void start() {
    f = SimFixture.start(SimulatorOptions.builder().randomSeed(42).build());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void theNextNMatchingRequestsFailWith500() {
    FaultRule rule = f.sim.faults().add(FaultRule.respond(500).method("PUT").times(2).build());

    Reply first = f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body());
    Reply read = f.api.get(f.list());
    Reply second = f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body());
    assertThat(f.sim.stored(f.project, "SLACK")).isEmpty();
    Reply third = f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body());

    assertError(first, 500, "UNEXPECTED_ERROR");
    assertThat(first.json().get("detail").asText()).isEqualTo("Unexpected error.");
    assertError(second, 500, "UNEXPECTED_ERROR");
    assertThat(read.code()).isEqualTo(200);
    assertThat(third.code()).isEqualTo(200);
    assertThat(rule.fired()).isEqualTo(2);
    assertThat(rule.remaining()).isZero();
    assertThat(f.sim.journal().entries(e -> e.faulted())).extracting(JournalEntry::status).containsExactly(500, 500);
  }

  @Test
  void a429CarriesRetryAfter() {
    f.sim.faults().add(FaultRule.respond(429).type("SLACK").retryAfter(Duration.ofSeconds(7)).times(1).build());

    Reply limited = f.api.get(f.path("SLACK"));
    Reply other = f.api.get(f.path("WEBHOOK"));
    Reply after = f.api.get(f.path("SLACK"));

    assertError(limited, 429, "RATE_LIMITED");
    assertThat(limited.header("Retry-After")).isEqualTo("7");
    assertThat(other.errorCode()).isEqualTo("INTEGRATION_NOT_CONFIGURED");
    assertThat(after.errorCode()).isEqualTo("INTEGRATION_NOT_CONFIGURED");
  }

  @Test
  void rulesMatchByProjectAndOtherStatusesGetAGenericBody() {
    String other = f.sim.addProject();
    f.sim.faults().add(FaultRule.respond(503).project(other).build());

    Reply down = f.api.get(SimFixture.path(other, null));

    assertError(down, 503, "SERVICE_UNAVAILABLE");
    assertThat(down.header("Retry-After")).isNull();
    assertThat(f.api.get(f.list()).code()).isEqualTo(200);
  }

  @Test
  void aRuleMayAnswerWithAGivenError() {
    ApiError error = ApiError.of(ErrorCode.GROUP_NOT_FOUND, f.project);
    f.sim.faults().add(FaultRule.respond(error).times(1).build());

    assertError(f.api.get(f.list()), 404, "GROUP_NOT_FOUND");
    assertThat(f.api.get(f.list()).code()).isEqualTo(200);
  }

  @Test
  void probabilisticRulesFireSometimes() {
    FaultRule never = f.sim.faults().add(FaultRule.respond(500).probability(0).build());
    FaultRule half = f.sim.faults().add(FaultRule.respond(502).probability(0.5).build());

    List<Integer> statuses = java.util.stream.IntStream.range(0, 100).mapToObj(i -> f.api.get(f.list()).code()).toList();

    assertThat(never.fired()).isZero();
    assertThat(half.fired()).isBetween(25, 75);
    assertThat(statuses).containsOnly(200, 502);
    assertThat(statuses.stream().filter(s -> s == 502).count()).isEqualTo(half.fired());
  }

  @Test
  void faultsStartAfterAuthenticationSoTheChallengeStillWorks() {
    f.sim.faults().add(FaultRule.respond(500).times(1).build());
    try (SimulatorClient fresh = SimulatorClient.digest(f.sim.baseUrl(), SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY)) {
      assertThat(fresh.get(f.list()).code()).isEqualTo(500);
    }

    assertThat(f.sim.journal().entries()).extracting(JournalEntry::status, JournalEntry::auth, JournalEntry::faulted)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(401, AuthOutcome.NONE, false),
            org.assertj.core.groups.Tuple.tuple(500, AuthOutcome.VALID, true));
  }

  @Test
  void latencyDelaysEveryRequest() {
    f.api.get(f.list());
    f.sim.faults().setLatency(Duration.ofMillis(20));
    f.sim.journal().clear();

    long started = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      f.api.get(f.list());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(f.sim.journal().entries()).hasSize(5)
        .allMatch(e -> e.duration().compareTo(Duration.ofMillis(20)) >= 0);
  }

  @Test
  void randomLatencyStaysWithinItsBounds() {
    try (SimFixture g = SimFixture.start(SimulatorOptions.builder()
        .latency(Duration.ofMillis(5), Duration.ofMillis(15)).randomSeed(7).build())) {
      for (int i = 0; i < 10; i++) {
        g.api.get(g.list());
      }
      assertThat(g.sim.journal().entries()).allMatch(e -> e.duration().toMillis() >= 5 && e.duration().toMillis() < 200);
      assertThat(g.sim.journal().entries().stream().map(JournalEntry::duration).distinct().count()).isGreaterThan(1);
    }
  }

  @Test
  void clearRemovesRulesAndLatency() {
    f.sim.faults().add(FaultRule.respond(500).build());
    f.sim.faults().setLatency(Duration.ofSeconds(5));

    f.sim.faults().clear();

    assertThat(f.sim.faults().rules()).isEmpty();
    assertThat(f.api.get(f.list()).code()).isEqualTo(200);
  }
}
