package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.packaging.Kstatus.Result;
import io.mdbops.integrations.packaging.Kstatus.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What kstatus-based tools (Flux's health checks, cli-utils/kpt waiters) make of each status the
 * operator writes, by kstatus's own generic rules.
 */
class KstatusTest {

  static final String SAMPLES = "io.mdbops.integrations.packaging.StatusSamples#";

  @Test
  void syncedOrInSyncForTheCurrentGenerationIsCurrent() {
    assertThat(Kstatus.compute(StatusSamples.synced()).status()).isEqualTo(Status.Current);
    assertThat(Kstatus.compute(StatusSamples.observed(true)).status()).isEqualTo(Status.Current);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource(SAMPLES + "STALLED_REASONS")
  void aFailureThatNeedsAHumanIsFailed(String reason) {
    assertThat(Kstatus.compute(StatusSamples.stalled(reason)))
        .isEqualTo(new Result(Status.Failed, StatusSamples.message(reason)));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource(SAMPLES + "RECONCILING_REASONS")
  void workUnderWayOrARetriedFailureIsInProgress(String reason) {
    Result result = Kstatus.compute(StatusSamples.reconciling(reason));
    if (reason.equals("Deleting")) {
      // kstatus looks at the deletionTimestamp before any condition
      assertThat(result.status()).isEqualTo(Status.Terminating);
    } else {
      assertThat(result).isEqualTo(new Result(Status.InProgress, StatusSamples.message(reason)));
    }
  }

  @Test
  void anEditTheOperatorHasNotActedOnYetIsInProgress() {
    assertThat(Kstatus.compute(StatusSamples.generationNotObserved())).isEqualTo(new Result(Status.InProgress,
        "ThirdPartyIntegration generation is 4, but latest observed generation is 3"));
  }

  /**
   * kstatus has no "needs a human, though not stalled" state: Ready=False reads as in progress, so
   * a kstatus waiter waits on drift of an observed resource until its own timeout (Argo CD's check
   * says Degraded at once).
   */
  @Test
  void anOutOfSyncObservedResourceIsInProgress() {
    assertThat(Kstatus.compute(StatusSamples.observed(false)).status()).isEqualTo(Status.InProgress);
  }

  /**
   * kstatus's documented corner case: with no status and no conditions it assumes the resource is
   * reconciled. A kstatus waiter can therefore pass a resource the operator has not picked up yet,
   * until the operator's first status write (Argo CD's check says Progressing).
   */
  @Test
  void aResourceWithoutStatusOrConditionsIsCurrentToKstatus() {
    assertThat(Kstatus.compute(StatusSamples.withoutStatus()).status()).isEqualTo(Status.Current);
    assertThat(Kstatus.compute(StatusSamples.withoutReadyCondition()).status()).isEqualTo(Status.Current);
  }
}
