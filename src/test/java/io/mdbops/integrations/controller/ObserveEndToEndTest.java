package io.mdbops.integrations.controller;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Observe-only resources end to end, each claim read from the simulator's journal (no write of any
 * kind) and its unmasked store: what an applied {@code export} gives, and what a user then does.
 */
class ObserveEndToEndTest {

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** An observed resource; the project already holds what it describes, with these Secret values. */
  static ThirdPartyIntegration observed(String ns, String name, IntegrationType type, String project,
      Map<String, String> liveSecrets) {
    ThirdPartyIntegration r = Fixtures.resource(ns, name, type, project, CONNECTION);
    r.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    Map<String, Object> held = new LinkedHashMap<>(DesiredIntegrations.build(r.getSpec(),
        SecretValues.of(r.getSpec(), ref -> liveSecrets.get(ref.getKey()), n -> "1")).payload().fields());
    h.sim.putStored(project, type.name(), held);
    return r;
  }

  /** The Secret {@code export} writes next to a resource: every key there, every value empty. */
  static void skeleton(String ns, String name, Map<String, String> keys) {
    Map<String, String> empty = new HashMap<>();
    keys.keySet().forEach(k -> empty.put(k, ""));
    h.create(Fixtures.secret(ns, Fixtures.credentialsSecretName(name), empty));
  }

  @Test
  void anAppliedExportIsInSyncWithoutAnyWriteAndFillingOneSecretThenManagingWritesExactlyThatIntegration() {
    String ns = h.namespace("export");
    String project = h.project();
    Map<String, String> slackLive = Fixtures.credentials(IntegrationType.SLACK);
    Map<String, String> pagerDutyLive = Fixtures.credentials(IntegrationType.PAGER_DUTY);
    ThirdPartyIntegration slack = observed(ns, "slack", IntegrationType.SLACK, project, slackLive);
    ThirdPartyIntegration pagerDuty = observed(ns, "pagerduty", IntegrationType.PAGER_DUTY, project, pagerDutyLive);
    skeleton(ns, "slack", slackLive);
    skeleton(ns, "pagerduty", pagerDutyLive);
    h.create(slack);
    h.create(pagerDuty);

    ThirdPartyIntegration seen = h.awaitReason(ns, "slack", ConditionReason.InSync);
    h.awaitReason(ns, "pagerduty", ConditionReason.InSync);
    h.awaitQuiet();
    assertThat(seen.getStatus().getNotCompared()).containsExactly("apiToken");
    assertThat(OperatorHarness.ready(seen).getMessage()).contains("not compared: apiToken (Secret " + ns
        + "/slack-creds has an empty value at key apiToken)");
    assertThat(h.calls(project, "PUT")).isZero();
    assertThat(h.calls(project, "DELETE")).isZero();
    assertThat(h.eventReasons(ns, "slack")).containsExactly("InSync");

    // the user fills the Secret (with the token the project holds) and lets the operator manage it
    h.update(Fixtures.secret(ns, Fixtures.credentialsSecretName("slack"), slackLive));
    h.awaitResource(ns, "slack", r -> r.getStatus().getNotCompared() == null);
    h.edit(ns, "slack", r -> {
      r.getSpec().setManagementPolicy(ManagementPolicy.Manage);
      return r;
    });
    h.awaitReason(ns, "slack", ConditionReason.Synced);
    h.awaitQuiet();
    assertThat(h.calls(project, "PUT")).as("exactly that integration, once").isEqualTo(1);
    assertThat(h.sim.journal().count(e -> project.equals(e.projectId()) && "PUT".equals(e.method())
        && "SLACK".equals(e.type()))).isEqualTo(1);
    assertThat(h.get(ns, "pagerduty").getStatus().getLastAppliedTime()).isNull();
  }

  @Test
  void driftOfAnObservedResourceShowsInStatusAndNothingIsWritten() {
    String ns = h.namespace("observe-drift");
    String project = h.project();
    Map<String, String> live = Fixtures.credentials(IntegrationType.SLACK);
    ThirdPartyIntegration r = observed(ns, "it", IntegrationType.SLACK, project, live);
    h.create(Fixtures.secret(ns, Fixtures.credentialsSecretName("it"), live));
    h.create(r);
    h.awaitReason(ns, "it", ConditionReason.InSync);

    Map<String, Object> edited = new HashMap<>(h.sim.stored(project, "SLACK").orElseThrow());
    edited.put("channelName", "#somewhere-else");
    h.sim.putStored(project, "SLACK", edited);
    h.driftCheck();

    ThirdPartyIntegration drifted = h.awaitReason(ns, "it", ConditionReason.OutOfSync);
    h.awaitQuiet();
    assertThat(drifted.getStatus().getDifferences()).containsExactly("channelName");
    assertThat(OperatorHarness.ready(drifted).getStatus()).isEqualTo("False");
    assertThat(drifted.getStatus().getConditions()).extracting(c -> c.getType()).containsExactly("Ready");
    assertThat(h.calls(project, "PUT")).isZero();
    assertThat(h.sim.stored(project, "SLACK").orElseThrow()).containsEntry("channelName", "#somewhere-else");
    assertThat(h.eventReasons(ns, "it")).containsExactly("InSync", "OutOfSync");

    // quiet again: a second drift check with nothing new changes nothing, in status or Events
    int kubeWrites = h.kubeWrites(ns).size();
    h.driftCheck();
    h.awaitQuiet();
    assertThat(h.kubeWrites(ns)).hasSize(kubeWrites);
    assertThat(h.calls(project, "PUT")).isZero();
  }

  @Test
  void deletingAnObservedResourceLeavesTheIntegrationWithoutAnyApiCall() {
    String ns = h.namespace("observe-delete");
    String project = h.project();
    Map<String, String> live = Fixtures.credentials(IntegrationType.WEBHOOK);
    ThirdPartyIntegration r = observed(ns, "it", IntegrationType.WEBHOOK, project, live);
    h.create(Fixtures.secret(ns, Fixtures.credentialsSecretName("it"), live));
    h.create(r);
    h.awaitReason(ns, "it", ConditionReason.InSync);
    h.awaitQuiet();
    long calls = h.calls(project).size();

    h.delete(ns, "it");
    h.awaitGone(ns, "it");
    h.awaitQuiet();

    assertThat(h.sim.stored(project, "WEBHOOK")).isPresent();
    assertThat(h.calls(project)).as("no API call at all").hasSize((int) calls);
    assertThat(h.eventReasons(ns, "it")).containsExactly("InSync", "Retained");
  }

  @Test
  void anObservedResourceWhoseProjectLacksTheIntegrationSaysSoAndCreatesNothing() {
    String ns = h.namespace("observe-absent");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "it", IntegrationType.OPS_GENIE, project, CONNECTION);
    r.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    h.createWithCredentials(r);

    ThirdPartyIntegration seen = h.awaitReason(ns, "it", ConditionReason.OutOfSync);
    h.awaitQuiet();
    assertThat(seen.getStatus().getDifferences()).containsExactly("integration not configured");
    assertThat(h.sim.stored(project, "OPS_GENIE")).isEmpty();
    assertThat(h.calls(project, "PUT")).isZero();
  }
}
