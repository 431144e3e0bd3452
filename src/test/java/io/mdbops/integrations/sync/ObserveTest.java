package io.mdbops.integrations.sync;

import static io.mdbops.integrations.opsmanager.FakeIntegrationsApi.error;
import static io.mdbops.integrations.sync.CoreRig.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import io.mdbops.integrations.mapping.SecretForm;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import io.mdbops.integrations.testing.Fixtures;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Observe-only resources against an in-memory API: they read and compare, report what differs or
 * could not be compared, and never write or delete, whatever the project or their Secrets hold.
 */
class ObserveTest {

  final CoreRig rig = new CoreRig();
  final String project = rig.project();

  /** An observed resource of {@code type} whose project already holds exactly what it describes. */
  ThirdPartyIntegration observedAndHeld(String name, IntegrationType type) {
    ThirdPartyIntegration r = observed(name, type);
    rig.api.store(project, type.name(), desiredFields(r));
    return r;
  }

  ThirdPartyIntegration observed(String name, IntegrationType type) {
    ThirdPartyIntegration r = rig.resource(name, type, project);
    r.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    return r;
  }

  /** The fields the resource describes, with its current Secrets' values, unmasked. */
  Map<String, Object> desiredFields(ThirdPartyIntegration r) {
    Map<String, String> creds = values(Fixtures.credentialsSecretName(r.getMetadata().getName()));
    return new LinkedHashMap<>(DesiredIntegrations.build(r.getSpec(),
        SecretValues.of(r.getSpec(), ref -> creds.get(ref.getKey()), n -> "1")).payload().fields());
  }

  Map<String, String> values(String secretName) {
    Map<String, String> values = new HashMap<>();
    rig.secrets.get(NS, secretName).orElseThrow().getData()
        .forEach((k, v) -> values.put(k, new String(java.util.Base64.getDecoder().decode(v))));
    return values;
  }

  static List<String> neverShown(IntegrationType type) {
    return IntegrationFields.of(type).stream().filter(f -> f.form() == SecretForm.WRITE_ONLY)
        .map(FieldMapping::apiField).toList();
  }

  @ParameterizedTest
  @EnumSource(value = IntegrationType.class, names = "NEW_RELIC", mode = EnumSource.Mode.EXCLUDE)
  void aProjectHoldingWhatTheResourceDescribesIsInSyncAfterOneListAndNoWrite(IntegrationType type) {
    ThirdPartyIntegration r = observedAndHeld("it", type);

    Observation observation = rig.observed(r);

    assertThat(observation.differences()).isEmpty();
    assertThat(observation.notCompared()).containsOnlyKeys(
        IntegrationFields.of(type).stream().filter(f -> f.form() == SecretForm.WRITE_ONLY || f.form() == SecretForm.HIDDEN)
            .map(FieldMapping::apiField).filter(desiredFields(r)::containsKey).toArray(String[]::new));
    assertThat(rig.api.calls()).extracting(FakeIntegrationsApi.Call::method).containsExactly("LIST");
    Condition ready = r.getStatus().ready().orElseThrow();
    assertThat(ready.getStatus()).isEqualTo(Condition.TRUE);
    assertThat(ready.getReason()).isEqualTo(ConditionReason.InSync);
    assertThat(r.getStatus().getConditions()).extracting(Condition::getType).containsExactly(Condition.READY);
    assertThat(r.getStatus().getLastAppliedTime()).as("nothing was written").isNull();
    assertThat(r.getStatus().getAppliedSecrets()).isEmpty();
  }

  @Test
  void driftIsReportedByFieldNameAndNothingIsWritten() {
    ThirdPartyIntegration r = observedAndHeld("it", IntegrationType.SLACK);
    rig.observed(r);
    Map<String, Object> edited = new HashMap<>(rig.api.stored(project, "SLACK").orElseThrow());
    edited.put("channelName", "#elsewhere");
    edited.put("apiToken", Fixtures.secretValue("xoxb-other-"));
    rig.api.store(project, "SLACK", edited);
    rig.later();

    Observation observation = rig.observed(r);

    assertThat(observation.differences()).containsExactly("apiToken", "channelName");
    assertThat(rig.api.calls("PUT")).isZero();
    assertThat(r.getStatus().getDifferences()).containsExactly("apiToken", "channelName");
    Condition ready = r.getStatus().ready().orElseThrow();
    assertThat(ready.getStatus()).isEqualTo(Condition.FALSE);
    assertThat(ready.getReason()).isEqualTo(ConditionReason.OutOfSync);
    assertThat(ready.getMessage()).contains("differs from this resource in apiToken, channelName")
        .contains("spec.managementPolicy to Manage")
        .doesNotContain("#elsewhere");
    assertThat(r.getStatus().getConditions()).as("not stalled, not reconciling: a report")
        .extracting(Condition::getType).containsExactly(Condition.READY);
  }

  @Test
  void anAbsentIntegrationIsReportedAndNotCreated() {
    ThirdPartyIntegration r = observed("it", IntegrationType.PAGER_DUTY);

    Observation observation = rig.observed(r);

    assertThat(observation.differences()).containsExactly(Observation.NOT_CONFIGURED);
    assertThat(rig.api.stored(project, "PAGER_DUTY")).isEmpty();
    assertThat(rig.api.calls("PUT")).isZero();
    assertThat(r.getStatus().ready().orElseThrow().getMessage()).contains("has no PAGER_DUTY integration");
  }

  /** What {@code export} writes: the resource, and a Secret whose keys are still empty. */
  @Test
  void anEmptySecretSkeletonIsComparedAsFarAsItCanBeAndNeverFails() {
    ThirdPartyIntegration r = observedAndHeld("it", IntegrationType.SLACK);
    rig.secrets.put(NS, Fixtures.credentialsSecretName("it"), Map.of("apiToken", ""));

    Observation observation = rig.observed(r);

    assertThat(observation.inSync()).isTrue();
    assertThat(observation.notCompared()).containsOnlyKeys("apiToken");
    assertThat(observation.notCompared().get("apiToken")).contains("empty value at key apiToken");
    assertThat(r.getStatus().getNotCompared()).containsExactly("apiToken");
    assertThat(r.getStatus().ready().orElseThrow().getMessage())
        .contains("matches this resource; not compared: apiToken (Secret team/it-creds has an empty value");
  }

  @Test
  void aMissingSecretIsNoFailureEither() {
    ThirdPartyIntegration r = observedAndHeld("it", IntegrationType.PROMETHEUS);
    rig.secrets.remove(NS, Fixtures.credentialsSecretName("it"));

    Observation observation = rig.observed(r);

    assertThat(observation.inSync()).isTrue();
    assertThat(observation.notCompared().get("password")).contains("does not exist");
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.InSync);
  }

  @Test
  void aSecretTheProjectDoesNotHoldDiffersEvenWhenItsValueIsUnknown() {
    ThirdPartyIntegration r = observedAndHeld("it", IntegrationType.OPS_GENIE);
    Map<String, Object> withoutKey = new HashMap<>(rig.api.stored(project, "OPS_GENIE").orElseThrow());
    withoutKey.remove("apiKey");
    rig.api.store(project, "OPS_GENIE", withoutKey);
    rig.secrets.remove(NS, Fixtures.credentialsSecretName("it"));

    assertThat(rig.observed(r).differences()).containsExactly("apiKey");
  }

  @Test
  void aServersOwnMaskRuleIsReadWithoutAWrite() {
    rig.api.masking(v -> v.isEmpty() ? v : "****" + v.substring(Math.max(0, v.length() - 4)));
    ThirdPartyIntegration r = observedAndHeld("it", IntegrationType.PAGER_DUTY);

    assertThat(rig.observed(r).inSync()).isTrue();
    assertThat(rig.api.calls("PUT")).isZero();
  }

  @Test
  void switchingToManageWritesOnceOnTheNextPass() {
    ThirdPartyIntegration r = observedAndHeld("it", IntegrationType.SLACK);
    rig.observed(r);
    rig.edit(r, x -> x.getSpec().setManagementPolicy(ManagementPolicy.Manage));

    // the operator never sent these Secrets: it sends them once, taking the integration over
    assertThat(rig.synced(r)).isEqualTo(Change.Adopted);
    assertThat(rig.synced(r)).isEqualTo(Change.None);
    assertThat(rig.api.calls("PUT")).isEqualTo(1);
    assertThat(r.getStatus().getDifferences()).isNull();
    assertThat(r.getStatus().getNotCompared()).isNull();
  }

  @Test
  void switchingAManagedResourceToObserveStopsCorrectingDrift() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.VICTOR_OPS, project);
    rig.synced(r);
    rig.edit(r, x -> x.getSpec().setManagementPolicy(ManagementPolicy.Observe));
    Map<String, Object> edited = new HashMap<>(rig.api.stored(project, "VICTOR_OPS").orElseThrow());
    edited.put("routingKey", "someone-else");
    rig.api.store(project, "VICTOR_OPS", edited);
    rig.later();

    assertThat(rig.observed(r).differences()).containsExactly("routingKey");
    assertThat(rig.api.calls("PUT")).isEqualTo(1);
    assertThat(rig.api.stored(project, "VICTOR_OPS").orElseThrow()).containsEntry("routingKey", "someone-else");
  }

  @Test
  void deletingAnObservedResourceCallsNoApiEvenIfItOnceWroteTheIntegration() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.WEBHOOK, project);
    rig.synced(r);
    r.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    r.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    long calls = rig.api.calls().size();

    RemovalOutcome outcome = rig.removal.remove(r);

    assertThat(outcome).isInstanceOfSatisfying(RemovalOutcome.Left.class,
        left -> assertThat(left.why()).contains("managementPolicy is Observe"));
    assertThat(rig.api.calls()).hasSize((int) calls);
    assertThat(rig.api.stored(project, "WEBHOOK")).isPresent();
  }

  @Test
  void anObserverNeitherOwnsNorIsRefusedAsAConflict() {
    ThirdPartyIntegration older = observedAndHeld("older", IntegrationType.OPS_GENIE);
    ThirdPartyIntegration managed = rig.resource("managed", IntegrationType.OPS_GENIE, project);

    assertThat(rig.synced(managed)).as("the older observer stands in no one's way").isEqualTo(Change.Adopted);
    assertThat(rig.pass(older)).as("and is not refused as a conflict").isInstanceOf(SyncOutcome.Observed.class);
  }

  @Test
  void aFailedReadIsStillReportedAsSuch() {
    ThirdPartyIntegration r = observed("it", IntegrationType.SLACK);
    rig.api.failOn("LIST", error(401, null));

    assertThat(CoreRig.reason(rig.pass(r))).isEqualTo(ConditionReason.Unauthorized);
    assertThat(rig.api.calls("PUT")).isZero();
  }

  @Test
  void theDriftWatchWakesAnObserverWhenTheProjectChanges() {
    ThirdPartyIntegration r = observedAndHeld("it", IntegrationType.SLACK);
    rig.observed(r);
    assertThat(rig.driftWatch.pollNow()).as("nothing changed").isZero();

    Map<String, Object> edited = new HashMap<>(rig.api.stored(project, "SLACK").orElseThrow());
    edited.put("teamName", "Other team");
    rig.api.store(project, "SLACK", edited);

    assertThat(rig.driftWatch.pollNow()).isEqualTo(1);
    assertThat(rig.woken).containsExactly(io.javaoperatorsdk.operator.processing.event.ResourceID.fromResource(r));
    assertThat(rig.observed(r).differences()).containsExactly("teamName");
  }
}
