package io.mdbops.integrations.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.sync.Change;
import io.mdbops.integrations.sync.Observation;
import io.mdbops.integrations.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusBuilderTest {

  static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-29T11:00:00Z");

  static ThirdPartyIntegration resource(long generation) {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.SLACK, Fixtures.projectId(), "c");
    r.getMetadata().setGeneration(generation);
    return r;
  }

  static final Map<String, String> APPLIED = Map.of("s", "7");

  @Test
  void aPassThatChangedNothingGivesAnEqualStatus() {
    ThirdPartyIntegration r = resource(3);
    r.setStatus(new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC)).synced(r, Change.Created, APPLIED));
    ThirdPartyIntegrationStatus later = new StatusBuilder(Clock.fixed(T1, ZoneOffset.UTC)).synced(r, Change.None, APPLIED);
    assertThat(later).isEqualTo(r.getStatus());
  }

  @Test
  void readyCarriesReasonGenerationAndTransitionTime() {
    ThirdPartyIntegration r = resource(3);
    ThirdPartyIntegrationStatus s = new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC)).synced(r, Change.Created, APPLIED);
    Condition ready = s.ready().orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo(ConditionReason.Synced);
    assertThat(ready.getObservedGeneration()).isEqualTo(3);
    assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(s.getObservedGeneration()).isEqualTo(3);
    assertThat(s.getLastAppliedTime()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(s.getAppliedSecrets()).extracting("name", "resourceVersion").containsExactly(org.assertj.core.groups.Tuple.tuple("s", "7"));
  }

  @Test
  void transitionTimeMovesOnlyWhenStatusFlips() {
    ThirdPartyIntegration r = resource(1);
    r.setStatus(new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC))
        .failed(r, ConditionReason.ApiUnavailable, "HTTP 503"));
    ThirdPartyIntegrationStatus otherFailure = new StatusBuilder(Clock.fixed(T1, ZoneOffset.UTC))
        .failed(r, ConditionReason.RateLimited, "HTTP 429");
    assertThat(otherFailure.ready().orElseThrow().getLastTransitionTime()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(otherFailure.ready().orElseThrow().getReason()).isEqualTo(ConditionReason.RateLimited);
    ThirdPartyIntegrationStatus recovered = new StatusBuilder(Clock.fixed(T1, ZoneOffset.UTC)).synced(r, Change.Updated, APPLIED);
    assertThat(recovered.ready().orElseThrow().getLastTransitionTime()).isEqualTo("2026-11-29T11:00:00Z");
  }

  @Test
  void driftCorrectionsCount() {
    ThirdPartyIntegration r = resource(1);
    StatusBuilder b = new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC));
    r.setStatus(b.synced(r, Change.DriftCorrected, APPLIED));
    r.setStatus(b.synced(r, Change.DriftCorrected, APPLIED));
    assertThat(r.getStatus().getDriftCorrections()).isEqualTo(2);
  }

  @Test
  void aFailureKeepsWhatWasAppliedBefore() {
    ThirdPartyIntegration r = resource(1);
    StatusBuilder b = new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC));
    r.setStatus(b.synced(r, Change.Created, APPLIED));
    r.getMetadata().setGeneration(2L);
    ThirdPartyIntegrationStatus failed = b.failed(r, ConditionReason.ApiRejected, "HTTP 400");
    assertThat(failed.getAppliedSecrets()).isEqualTo(r.getStatus().getAppliedSecrets());
    assertThat(failed.getLastAppliedTime()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(failed.ready().orElseThrow().getObservedGeneration()).isEqualTo(2);
  }

  @Test
  void aFailureOnlyAPersonCanFixIsStalledATransientOneIsReconcilingNeverBoth() {
    ThirdPartyIntegration r = resource(2);
    StatusBuilder b = new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC));
    r.setStatus(b.failed(r, ConditionReason.ApiUnavailable, "HTTP 503"));
    assertThat(r.getStatus().condition(Condition.RECONCILING)).get()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"))
        .satisfies(c -> assertThat(c.getReason()).isEqualTo(ConditionReason.ApiUnavailable));
    assertThat(r.getStatus().condition(Condition.STALLED)).isEmpty();

    r.setStatus(new StatusBuilder(Clock.fixed(T1, ZoneOffset.UTC)).failed(r, ConditionReason.Unauthorized, "HTTP 401"));
    assertThat(r.getStatus().condition(Condition.STALLED)).get()
        .satisfies(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-29T11:00:00Z"));
    assertThat(r.getStatus().condition(Condition.RECONCILING)).isEmpty();

    r.setStatus(b.synced(r, Change.Updated, APPLIED));
    assertThat(r.getStatus().getConditions()).extracting(Condition::getType).containsExactly(Condition.READY);
  }

  @Test
  void everyReasonIsDoneReportedInProgressOrStalled() {
    for (ConditionReason reason : ConditionReason.values()) {
      ThirdPartyIntegration r = resource(1);
      ThirdPartyIntegrationStatus s = reason == ConditionReason.Synced
          ? new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC)).synced(r, Change.None, APPLIED)
          : new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC)).failed(r, reason, "m");
      long extra = s.getConditions().stream().filter(c -> !c.getType().equals(Condition.READY)).count();
      boolean alone = reason.progress() == ConditionReason.Progress.DONE
          || reason.progress() == ConditionReason.Progress.REPORTED;
      assertThat(extra).as(reason.name()).isEqualTo(alone ? 0 : 1);
    }
  }

  @Test
  void anObservedResourceIsInSyncOrOutOfSyncAndNothingElse() {
    StatusBuilder b = new StatusBuilder(Clock.fixed(T0, ZoneOffset.UTC));
    ThirdPartyIntegration r = resource(1);
    r.getSpec().setManagementPolicy(ManagementPolicy.Observe);

    r.setStatus(b.observed(r, new Observation(List.of(), Map.of("apiToken", "the API shows it fully masked"))));
    assertThat(r.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo(Condition.TRUE);
      assertThat(c.getReason()).isEqualTo(ConditionReason.InSync);
    });
    assertThat(r.getStatus().getDifferences()).as("left out when empty").isNull();
    assertThat(r.getStatus().getNotCompared()).containsExactly("apiToken");

    r.setStatus(b.observed(r, new Observation(List.of("channelName"), Map.of())));
    assertThat(r.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo(Condition.FALSE);
      assertThat(c.getReason()).isEqualTo(ConditionReason.OutOfSync);
    });
    assertThat(r.getStatus().getDifferences()).containsExactly("channelName");
    assertThat(r.getStatus().getNotCompared()).isNull();

    r.getSpec().setManagementPolicy(ManagementPolicy.Manage);
    r.setStatus(b.synced(r, Change.Adopted, APPLIED));
    assertThat(r.getStatus().getDifferences()).as("observe only").isNull();
  }
}
