package io.mdbops.integrations.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

  final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(5));

  @ParameterizedTest
  @EnumSource(value = ConditionReason.class, names = {"InvalidSpec", "SecretNotFound", "SecretKeyMissing",
      "ConnectionInvalid", "ConnectionNotAllowed", "EndpointNotAllowed", "ProjectNotAllowed", "ApiRejected", "Synced"})
  void problemsOnlyAChangeCanFixWaitForThatChange(ConditionReason reason) {
    assertThat(policy.after(reason, 1, Optional.empty())).isEmpty();
    assertThat(policy.after(reason, 50, Optional.empty())).isEmpty();
  }

  @Test
  void unavailabilityBacksOffExponentiallyWithJitterAndACap() {
    for (int i = 0; i < 100; i++) {
      assertThat(policy.after(ConditionReason.ApiUnavailable, 1, Optional.empty()).orElseThrow())
          .isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
      assertThat(policy.after(ConditionReason.ApiUnavailable, 4, Optional.empty()).orElseThrow())
          .isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
      assertThat(policy.after(ConditionReason.ApiUnavailable, 1000, Optional.empty()).orElseThrow())
          .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
    }
  }

  @Test
  void rateLimitsWaitAtLeastWhatTheApiAskedFor() {
    for (int i = 0; i < 100; i++) {
      assertThat(policy.after(ConditionReason.RateLimited, 3, Optional.of(Duration.ofSeconds(20))).orElseThrow())
          .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(22));
    }
  }

  @Test
  void credentialProblemsBackOffSlowly() {
    assertThat(policy.after(ConditionReason.Unauthorized, 1, Optional.empty()).orElseThrow())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(24));
    assertThat(policy.after(ConditionReason.Forbidden, 100, Optional.empty()).orElseThrow())
        .isLessThanOrEqualTo(Duration.ofMinutes(18));
  }

  @Test
  void aConflictIsRecheckedEveryResync() {
    assertThat(policy.after(ConditionReason.Conflict, 1, Optional.empty())).contains(Duration.ofMinutes(5));
  }
}
