package io.mdbops.integrations.sync;

import static io.mdbops.integrations.opsmanager.FakeIntegrationsApi.error;
import static io.mdbops.integrations.sync.CoreRig.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Synced is a verified fact: under every reading of the API docs (merging PUTs, servers that keep
 * what an empty value should clear, masks of their own, refused keys), the status says what the
 * project holds, and no reading makes the operator write again and again.
 */
class StatusTruthTest {

  final CoreRig rig = new CoreRig();
  final String project = rig.project();

  ThirdPartyIntegration victorOpsWithRoutingKey() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.VICTOR_OPS, project);
    assertThat(rig.synced(r)).isEqualTo(Change.Created);
    assertThat(r.getStatus().getAppliedFields()).contains("routingKey");
    return r;
  }

  @Test
  void onAMergingServerARemovedOptionalFieldIsClearedWithOnePut() {
    rig.api.merging();
    ThirdPartyIntegration r = victorOpsWithRoutingKey();
    rig.edit(r, x -> x.getSpec().getVictorOps().setRoutingKey(null));
    assertThat(rig.synced(r)).isEqualTo(Change.Updated);
    assertThat(rig.api.stored(project, "VICTOR_OPS").orElseThrow()).doesNotContainKey("routingKey");
    assertThat(rig.api.calls("PUT")).isEqualTo(2);
    assertThat(r.getStatus().getAppliedFields()).doesNotContain("routingKey");
  }

  @Test
  void aFieldTheServerRefusesToClearIsReportedByNameAndNeverWrittenAgain() {
    rig.api.merging().ignoringEmptyStrings();
    ThirdPartyIntegration r = victorOpsWithRoutingKey();
    rig.edit(r, x -> x.getSpec().getVictorOps().setRoutingKey(null));
    SyncOutcome outcome = rig.pass(r);
    assertThat(outcome).isInstanceOf(SyncOutcome.NotHeld.class);
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.FieldNotApplied);
    assertThat(r.getStatus().ready().orElseThrow().getMessage()).contains("still holds routingKey");
    for (int resync = 0; resync < 3; resync++) {
      rig.later();
      rig.driftWatch.pollNow();
      assertThat(CoreRig.reason(rig.pass(r))).isEqualTo(ConditionReason.FieldNotApplied);
    }
    assertThat(rig.api.calls("PUT")).as("one write, then none").isEqualTo(2);

    // someone clears it in the UI: the project now holds the spec, and the status says so
    Map<String, Object> cleared = rig.api.stored(project, "VICTOR_OPS").orElseThrow();
    cleared.remove("routingKey");
    rig.api.store(project, "VICTOR_OPS", cleared);
    rig.later();
    assertThat(rig.synced(r)).isEqualTo(Change.None);
  }

  @Test
  void afterARestartANotHeldWriteIsNotRepeatedEither() {
    rig.api.merging().ignoringEmptyStrings();
    ThirdPartyIntegration r = victorOpsWithRoutingKey();
    rig.edit(r, x -> x.getSpec().getVictorOps().setRoutingKey(null));
    rig.pass(r);
    IntegrationSync restarted = new IntegrationSync(rig.targets, rig.snapshots, rig.driftWatch, CoreRig.RESYNC);
    rig.later();
    assertThat(restarted.sync(r)).isInstanceOf(SyncOutcome.Failed.class);
    assertThat(rig.api.calls("PUT")).isEqualTo(2);
  }

  @Test
  void aFieldTheServerDropsIsReportedByName() {
    rig.api.dropping("channelName");
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    SyncOutcome.NotHeld outcome = (SyncOutcome.NotHeld) rig.pass(r);
    assertThat(outcome.message()).contains("holds no channelName, which the spec sets");
    assertThat(r.getStatus().getAppliedSecrets()).as("the token was sent").isNotEmpty();
    rig.later();
    assertThat(CoreRig.reason(rig.pass(r))).isEqualTo(ConditionReason.FieldNotApplied);
    assertThat(rig.api.calls("PUT")).isEqualTo(1);
  }

  @Test
  void aRestartOverAnInSyncProjectWritesNothingWhateverTheServersMaskRule() {
    rig.api.masking(v -> v.isEmpty() ? v : "[redacted]");
    for (IntegrationType type : new IntegrationType[] {IntegrationType.SLACK, IntegrationType.WEBHOOK,
        IntegrationType.MICROSOFT_TEAMS, IntegrationType.PROMETHEUS, IntegrationType.PAGER_DUTY}) {
      ThirdPartyIntegration r = rig.resource(type.name().toLowerCase().replace('_', '-'), type, project);
      assertThat(rig.synced(r)).isEqualTo(Change.Created);
      // Prometheus's password is never shown: there is no mask to keep, only its Secret version
      assertThat(r.getStatus().getMaskedSecrets()).hasSize(type == IntegrationType.PROMETHEUS ? 0
          : type == IntegrationType.WEBHOOK ? 2 : 1).allSatisfy(m -> assertThat(m.getShownAs()).isEqualTo("[redacted]"));
      IntegrationSync restarted = new IntegrationSync(rig.targets, rig.snapshots, rig.driftWatch, CoreRig.RESYNC);
      rig.later();
      assertThat(restarted.sync(r)).as(type.name()).isInstanceOfSatisfying(SyncOutcome.InSync.class,
          s -> assertThat(s.change()).isEqualTo(Change.None));
    }
    assertThat(rig.api.calls("PUT")).isEqualTo(5);
  }

  @Test
  void aRevokedKeySeenByTheDriftCheckReachesEveryResourceOfTheProjectWithoutMoreCalls() {
    ThirdPartyIntegration slack = rig.resource("slack", IntegrationType.SLACK, project);
    ThirdPartyIntegration pd = rig.resource("pd", IntegrationType.PAGER_DUTY, project);
    rig.synced(slack);
    rig.synced(pd);
    rig.api.failOn("LIST", error(401, null));
    rig.later();
    assertThat(rig.driftWatch.pollNow()).isEqualTo(2);
    assertThat(rig.woken).containsExactlyInAnyOrder(ResourceID.fromResource(slack), ResourceID.fromResource(pd));
    long calls = rig.api.calls().size();
    assertThat(CoreRig.reason(rig.pass(slack))).isEqualTo(ConditionReason.Unauthorized);
    assertThat(CoreRig.reason(rig.pass(pd))).isEqualTo(ConditionReason.Unauthorized);
    assertThat(rig.api.calls()).as("the drift check's answer is reused").hasSize((int) calls);

    // a new key in the connection Secret: new credentials are tried at once and heal every resource
    rig.secrets.put(NS, CoreRig.CONNECTION, Map.of("publicKey", "pub", "privateKey", Fixtures.secretValue("new"),
        "baseUrl", CoreRig.BASE_URL));
    assertThat(rig.synced(slack)).isEqualTo(Change.None);
    assertThat(rig.synced(pd)).isEqualTo(Change.None);
  }

  @Test
  void aServerThatRecoversHealsResourcesWhoseReadsFailedAtTheNextDriftCheck() {
    ThirdPartyIntegration slack = rig.resource("slack", IntegrationType.SLACK, project);
    rig.synced(slack);
    rig.api.failOn("LIST", error(403, "IP_ADDRESS_NOT_ON_ACCESS_LIST"));
    rig.later();
    assertThat(CoreRig.reason(rig.pass(slack))).isEqualTo(ConditionReason.Forbidden);
    rig.woken.clear();
    rig.later();
    assertThat(rig.driftWatch.pollNow()).as("the key works again: its resource is woken").isEqualTo(1);
    assertThat(rig.synced(slack)).isEqualTo(Change.None);
  }

  @Test
  void oneTransientDriftCheckFailureDoesNotReachTheResourcesTwoInARowDo() {
    ThirdPartyIntegration slack = rig.resource("slack", IntegrationType.SLACK, project);
    rig.synced(slack);
    rig.api.failOn("LIST", error(503, null));
    assertThat(rig.driftWatch.pollNow()).isZero();
    rig.api.failOn("LIST", error(503, null));
    assertThat(rig.driftWatch.pollNow()).isEqualTo(1);
    rig.driftWatch.pollNow();
    assertThat(rig.driftWatch.pollNow()).as("a good read resets the count").isZero();
  }

  @Test
  void aWriteTheAnswerDoesNotListYetIsLookedUpOnceAndVerified() {
    rig.api.leavingWrittenOutOfAnswer();
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.OPS_GENIE, project);
    assertThat(rig.synced(r)).isEqualTo(Change.Created);
    assertThat(rig.api.calls()).extracting(c -> c.method()).containsExactly("LIST", "PUT", "GET");
  }

  @Test
  void slackRefusedOnCreateSaysToConnectItInTheUiFirst() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.api.failOn("PUT", error(400, "INTEGRATION_FIELDS_INVALID"));
    SyncOutcome.Failed failed = (SyncOutcome.Failed) rig.pass(r);
    assertThat(failed.reason()).isEqualTo(ConditionReason.ApiRejected);
    assertThat(failed.message()).contains("connected once in the project's Integrations page");
  }
}
