package io.mdbops.integrations.packaging;

import static io.mdbops.integrations.packaging.StatusSamples.GENERATION;
import static io.mdbops.integrations.packaging.StatusSamples.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.packaging.ArgoCdHealthCheck.Health;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What Argo CD shows for a ThirdPartyIntegration in each state, through the chart's health check. */
class ArgoCdHealthCheckTest {

  static final String SAMPLES = "io.mdbops.integrations.packaging.StatusSamples#";

  @Test
  void syncedForTheCurrentGenerationIsHealthy() {
    assertThat(ArgoCdHealthCheck.of(StatusSamples.synced()))
        .isEqualTo(new Health("Healthy", "the project holds the desired SLACK integration"));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource(SAMPLES + "STALLED_REASONS")
  void aFailureThatNeedsAHumanIsDegradedWithTheStalledMessage(String reason) {
    assertThat(ArgoCdHealthCheck.of(StatusSamples.stalled(reason)))
        .isEqualTo(new Health("Degraded", StatusSamples.message(reason)));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource(SAMPLES + "RECONCILING_REASONS")
  void workUnderWayOrARetriedFailureIsProgressingWithItsMessage(String reason) {
    assertThat(ArgoCdHealthCheck.of(StatusSamples.reconciling(reason)))
        .isEqualTo(new Health("Progressing", StatusSamples.message(reason)));
  }

  @Test
  void aResourceTheOperatorHasNotSeenYetIsProgressing() {
    assertThat(ArgoCdHealthCheck.of(StatusSamples.withoutStatus()).status()).isEqualTo("Progressing");
    assertThat(ArgoCdHealthCheck.of(StatusSamples.withoutReadyCondition()).status()).isEqualTo("Progressing");
  }

  @Test
  void anEditTheOperatorHasNotActedOnYetIsProgressingWhateverTheOldConditionsSay() {
    assertThat(ArgoCdHealthCheck.of(StatusSamples.generationNotObserved()))
        .isEqualTo(new Health("Progressing", "Waiting for the operator to act on generation " + GENERATION));
    assertThat(ArgoCdHealthCheck.of(StatusSamples.readyForAnOlderGeneration()).status()).isEqualTo("Progressing");
    // fixing the spec of a stalled resource shows at once, before the operator's next pass
    Map<String, Object> fixed = StatusSamples.stalled("InvalidSpec");
    StatusSamples.metadata(fixed).put("generation", GENERATION + 1);
    assertThat(ArgoCdHealthCheck.of(fixed).status()).isEqualTo("Progressing");
  }

  @Test
  void anObservedResourceIsHealthyInSyncAndDegradedOutOfSync() {
    Map<String, Object> inSync = StatusSamples.observed(true);
    Map<String, Object> outOfSync = StatusSamples.observed(false);
    assertThat(ArgoCdHealthCheck.of(inSync)).isEqualTo(new Health("Healthy", StatusSamples.readyMessage(inSync)));
    assertThat(ArgoCdHealthCheck.of(outOfSync))
        .isEqualTo(new Health("Degraded", StatusSamples.readyMessage(outOfSync)));
    assertThat(StatusSamples.readyMessage(outOfSync)).contains("differs from this resource in channelName");
  }

  @Test
  void notReadyWithoutStalledOrReconcilingIsProgressing() {
    assertThat(ArgoCdHealthCheck.of(StatusSamples.resource(GENERATION,
        condition("Ready", "Unknown", "Progressing", "Checking the project")))).isEqualTo(new Health("Progressing", "Checking the project"));
    assertThat(ArgoCdHealthCheck.of(StatusSamples.resource(GENERATION,
        condition("Ready", "False", "ApiUnavailable", "")))).isEqualTo(new Health("Progressing", "ApiUnavailable"));
  }
}
