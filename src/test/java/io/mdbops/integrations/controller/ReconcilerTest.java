package io.mdbops.integrations.controller;

import static io.mdbops.integrations.opsmanager.FakeIntegrationsApi.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.sync.CoreRig;
import io.mdbops.integrations.testing.MetricsText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reconciler over the real core and an in-memory API: what one pass writes to the status, which
 * Events it records, what it counts and when it looks again.
 */
class ReconcilerTest {

  record Event(String type, String reason, String message) {}

  final CoreRig rig = new CoreRig();
  final String project = rig.project();
  final List<ThirdPartyIntegrationStatus> statusWrites = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final OperatorMetrics metrics = new OperatorMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), rig.clock);
  final ThirdPartyIntegrationReconciler reconciler = new ThirdPartyIntegrationReconciler(
      new ResourceIndex("ops", null, Set.of()),
      rig.sync,
      rig.removal,
      new Verdicts(rig.statuses, new RetryPolicy(CoreRig.RESYNC)),
      (resource, context, next) -> {
        statusWrites.add(next);
        resource.setStatus(next); // what the cache holds after the write
      },
      (resource, type, reason, message) -> events.add(new Event(type, reason, message)),
      new WakeUpSource(),
      metrics);

  @Test
  void aFirstPassCreatesWritesTheStatusOnceAndSaysSo() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    UpdateControl<ThirdPartyIntegration> control = reconciler.reconcile(r, null);
    assertThat(statusWrites).hasSize(1);
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.Synced);
    assertThat(events).extracting(Event::reason).containsExactly("Created");
    assertThat(control.getScheduleDelay()).isEmpty();
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_integration_writes_total",
        "cause", "Created", "type", "SLACK")).isEqualTo(1);
  }

  @Test
  void aPassThatChangesNothingWritesNothing() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, null);
    rig.later();
    reconciler.reconcile(r, null);
    assertThat(statusWrites).hasSize(1);
    assertThat(events).hasSize(1);
  }

  @Test
  void aRepeatedFailureIsReportedOnceAndBacksOffSlowlyForCredentials() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.api.failNext(error(401, null)).failNext(error(401, null));
    UpdateControl<ThirdPartyIntegration> first = reconciler.reconcile(r, null);
    UpdateControl<ThirdPartyIntegration> second = reconciler.reconcile(r, null);
    assertThat(statusWrites).hasSize(1);
    assertThat(events).extracting(Event::type, Event::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", "Unauthorized"));
    assertThat(first.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isBetween(24_000L, 36_000L));
    assertThat(second.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isBetween(48_000L, 72_000L));
  }

  @Test
  void aPassHeldBackByTheRequestBudgetChangesNothingAndComesBackWhenItRefills() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.api.failNext(io.mdbops.integrations.opsmanager.FakeIntegrationsApi.throttled());
    UpdateControl<ThirdPartyIntegration> control = reconciler.reconcile(r, null);
    assertThat(statusWrites).isEmpty();
    assertThat(events).isEmpty();
    assertThat(control.getScheduleDelay()).contains(700L);
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_api_rate_limit_deferrals_total")).isEqualTo(1);
  }

  @Test
  void aPassThatThrowsIsReportedAsReconcilingWithoutItsMessage() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    var control = reconciler.updateErrorStatus(r, null, new IllegalStateException("secret-looking detail"));
    assertThat(control.getResource()).get().satisfies(res -> assertThat(res.getStatus().ready().orElseThrow().getMessage())
        .contains("IllegalStateException").doesNotContain("secret-looking"));
  }

  @Test
  void aPassInterruptedByShutdownLeavesTheStatusAsItWas() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    var patch = new java.io.InterruptedIOException("patch");
    patch.initCause(new InterruptedException());
    var interrupted = new io.javaoperatorsdk.operator.OperatorException(patch);

    var control = reconciler.updateErrorStatus(r, null, interrupted);

    assertThat(control.getResource()).isEmpty();
    assertThat(control.isDefaultErrorProcessing()).isFalse();
    assertThat(events).isEmpty();
  }

  @Test
  void aProblemOnlyAChangeCanFixWaitsForThatChange() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    r.getSpec().getSlack().setTeamName(null);
    assertThat(reconciler.reconcile(r, null).getScheduleDelay()).isEmpty();
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.InvalidSpec);
  }

  @Test
  void deletionRemovesTheIntegrationAndReleasesTheFinalizer() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, null);
    DeleteControl control = reconciler.cleanup(r, null);
    assertThat(control.isRemoveFinalizer()).isTrue();
    assertThat(rig.api.stored(project, "SLACK")).isEmpty();
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Deleted");
    assertThat(rig.driftWatch.watchedProjects()).isZero();
  }

  @Test
  void aDeletionRefusedForCredentialsKeepsTheFinalizerAndBacksOffSlowly() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, null);
    rig.api.failOn("DELETE", error(403, null)).failOn("DELETE", error(403, null));
    DeleteControl first = reconciler.cleanup(r, null);
    DeleteControl second = reconciler.cleanup(r, null);
    assertThat(first.isRemoveFinalizer()).isFalse();
    assertThat(first.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isGreaterThanOrEqualTo(24_000L));
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.Deleting);
    assertThat(statusWrites).as("created, then deleting once").hasSize(2);
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Deleting");
    assertThat(second.isRemoveFinalizer()).isFalse();
  }

  @Test
  void aDeletionThatFailsBecauseTheApiIsDownRetriesFast() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, null);
    rig.api.failOn("DELETE", error(503, null));
    assertThat(reconciler.cleanup(r, null).getScheduleDelay()).get()
        .satisfies(ms -> assertThat(ms).isLessThan(Duration.ofSeconds(2).toMillis()));
  }
}
