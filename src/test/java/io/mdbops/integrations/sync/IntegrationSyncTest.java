package io.mdbops.integrations.sync;

import static io.mdbops.integrations.opsmanager.FakeIntegrationsApi.error;
import static io.mdbops.integrations.sync.CoreRig.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import io.mdbops.integrations.testing.Fixtures;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link Change} and every failure class of a pass, against an in-memory API. */
class IntegrationSyncTest {

  final CoreRig rig = new CoreRig();
  final String project = rig.project();

  @ParameterizedTest
  @EnumSource(value = IntegrationType.class, names = "NEW_RELIC", mode = EnumSource.Mode.EXCLUDE)
  void createsAnAbsentIntegrationWithOneListAndOnePut(IntegrationType type) {
    ThirdPartyIntegration r = rig.resource("it", type, project);
    assertThat(rig.synced(r)).isEqualTo(Change.Created);
    assertThat(rig.api.calls()).extracting(FakeIntegrationsApi.Call::method).containsExactly("LIST", "PUT");
    assertThat(rig.api.stored(project, type.name())).isPresent();
  }

  @ParameterizedTest
  @EnumSource(value = IntegrationType.class, names = "NEW_RELIC", mode = EnumSource.Mode.EXCLUDE)
  void aPassOverAnInSyncIntegrationWritesNothing(IntegrationType type) {
    ThirdPartyIntegration r = rig.resource("it", type, project);
    rig.synced(r);
    assertThat(rig.synced(r)).as("the snapshot is fresh: no call at all").isEqualTo(Change.None);
    assertThat(rig.api.calls()).hasSize(2);
    rig.later();
    assertThat(rig.synced(r)).as("an aged snapshot costs one list, masked values still match").isEqualTo(Change.None);
    assertThat(rig.api.calls()).extracting(FakeIntegrationsApi.Call::method).containsExactly("LIST", "PUT", "LIST");
  }

  @Test
  void anExistingIntegrationIsAdoptedAndMadeToMatch() {
    rig.api.store(project, "SLACK", Map.of("apiToken", "xoxb-old-token", "teamName", "Old team"));
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    assertThat(rig.synced(r)).isEqualTo(Change.Adopted);
    assertThat(rig.api.stored(project, "SLACK").orElseThrow()).containsEntry("teamName", "Payments");
  }

  @Test
  void aSpecEditIsAnUpdateNamingTheField() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.synced(r);
    rig.edit(r, x -> x.getSpec().getSlack().setChannelName("#other"));
    SyncOutcome.InSync outcome = (SyncOutcome.InSync) rig.pass(r);
    assertThat(outcome.change()).isEqualTo(Change.Updated);
    assertThat(outcome.differences().items()).containsExactly("channelName");
    assertThat(rig.api.stored(project, "SLACK").orElseThrow()).containsEntry("channelName", "#other");
  }

  @Test
  void aRotatedSecretIsReSent() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.PAGER_DUTY, project);
    rig.synced(r);
    String key = Fixtures.secretValue("pd");
    rig.secrets.put(NS, Fixtures.credentialsSecretName("it"), Map.of("serviceKey", key));
    assertThat(rig.synced(r)).isEqualTo(Change.SecretRotated);
    assertThat(rig.api.stored(project, "PAGER_DUTY").orElseThrow()).containsEntry("serviceKey", key);
  }

  @Test
  void aHandEditIsDriftAndIsUndone() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.VICTOR_OPS, project);
    rig.synced(r);
    Map<String, Object> edited = new HashMap<>(rig.api.stored(project, "VICTOR_OPS").orElseThrow());
    edited.put("routingKey", "someone-else");
    rig.api.store(project, "VICTOR_OPS", edited);
    rig.later();
    assertThat(rig.synced(r)).isEqualTo(Change.DriftCorrected);
    assertThat(rig.api.stored(project, "VICTOR_OPS").orElseThrow()).containsEntry("routingKey", "payments-team");
  }

  @Test
  void aFailedWriteIsTriedAgainAndCountsAsTheSameChange() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.OPS_GENIE, project);
    rig.api.failOn("PUT", error(503, null));
    assertThat(CoreRig.reason(rig.pass(r))).isEqualTo(ConditionReason.ApiUnavailable);
    assertThat(r.getStatus().getAppliedSecrets()).as("nothing recorded as applied").isEmpty();
    assertThat(rig.synced(r)).isEqualTo(Change.Created);
  }

  @Test
  void aWriteHeldBackByTheRequestBudgetIsDeferredWithoutAFailure() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.OPS_GENIE, project);
    rig.api.failNext(FakeIntegrationsApi.throttled());
    assertThat(rig.sync.sync(r)).isEqualTo(new SyncOutcome.Deferred(Duration.ofMillis(700)));
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        failure(ConditionReason.InvalidSpec, 0, (rig, r) -> r.getSpec().getSlack().setTeamName(null)),
        failure(ConditionReason.InvalidSpec, 0, (rig, r) -> r.getSpec().setProjectId("not-a-project")),
        failure(ConditionReason.ProjectNotAllowed, 0,
            (rig, r) -> rig.refusedProjects.put(NS + "/" + r.getSpec().getProjectId(), "not this one")),
        failure(ConditionReason.SecretNotFound, 0,
            (rig, r) -> rig.secrets.remove(NS, Fixtures.credentialsSecretName("it"))),
        failure(ConditionReason.SecretKeyMissing, 0,
            (rig, r) -> rig.secrets.put(NS, Fixtures.credentialsSecretName("it"), Map.of("other", "x"))),
        failure(ConditionReason.ConnectionInvalid, 0,
            (rig, r) -> rig.secrets.put(NS, CoreRig.CONNECTION, Map.of("publicKey", "p"))),
        failure(ConditionReason.ConnectionNotAllowed, 0, (rig, r) -> r.getSpec().setConnectionSecretRef(null)),
        failure(ConditionReason.EndpointNotAllowed, 0, (rig, r) -> rig.secrets.put(NS, CoreRig.CONNECTION,
            Map.of("publicKey", "p", "privateKey", "k", "baseUrl", "https://elsewhere.example.com"))),
        failure(ConditionReason.Unauthorized, 1, (rig, r) -> rig.api.failNext(error(401, null))),
        failure(ConditionReason.Forbidden, 1,
            (rig, r) -> rig.api.failNext(error(403, "IP_ADDRESS_NOT_ON_ACCESS_LIST"))),
        failure(ConditionReason.ProjectNotFound, 1, (rig, r) -> r.getSpec().setProjectId(Fixtures.projectId())),
        failure(ConditionReason.ApiRejected, 2,
            (rig, r) -> rig.api.failOn("PUT", error(400, "INTEGRATION_FIELDS_INVALID"))),
        failure(ConditionReason.RateLimited, 1, (rig, r) -> rig.api.failNext(error(429, "RATE_LIMITED"))),
        failure(ConditionReason.ApiUnavailable, 1, (rig, r) -> rig.api.failNext(error(500, "UNEXPECTED_ERROR"))),
        failure(ConditionReason.EndpointNotAllowed, 1, (rig, r) -> rig.api.failNext(error(302, null))),
        failure(ConditionReason.Conflict, 0,
            (rig, r) -> rig.resources.add(0, older(rig, r))));
  }

  private static Arguments failure(ConditionReason reason, int calls, BiConsumer<CoreRig, ThirdPartyIntegration> setUp) {
    return Arguments.of(reason, calls, setUp);
  }

  private static ThirdPartyIntegration older(CoreRig rig, ThirdPartyIntegration r) {
    ThirdPartyIntegration older = Fixtures.resource("other", "first", IntegrationType.SLACK,
        r.getSpec().getProjectId(), CoreRig.CONNECTION);
    older.getMetadata().setCreationTimestamp("2020-01-01T00:00:00Z");
    rig.secrets.put("other", CoreRig.CONNECTION, Map.of("publicKey", "p", "privateKey", "k", "baseUrl", CoreRig.BASE_URL));
    rig.secrets.put("other", Fixtures.credentialsSecretName("first"), Fixtures.credentials(IntegrationType.SLACK));
    return older;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void eachFailureIsReportedWithItsReasonAndOnlyTheCallsItNeeded(
      ConditionReason reason, int calls, BiConsumer<CoreRig, ThirdPartyIntegration> setUp) {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    setUp.accept(rig, r);
    SyncOutcome outcome = rig.pass(r);
    assertThat(CoreRig.reason(outcome)).isEqualTo(reason);
    assertThat(((SyncOutcome.Failed) outcome).message()).isNotBlank();
    assertThat(rig.api.calls()).hasSize(calls);
  }

  @Test
  void whatTheProductDoesNotHaveIsRefusedBeforeAnyCallNamingFieldAndProduct() {
    ThirdPartyIntegration newRelic = rig.resource("nr", IntegrationType.NEW_RELIC, project);
    assertThat(((SyncOutcome.Failed) rig.pass(newRelic)).message())
        .contains("spec.type NEW_RELIC is not available on Ops Manager");
    ThirdPartyIntegration pd = rig.resource("pd", IntegrationType.PAGER_DUTY, project);
    pd.getSpec().getPagerDuty().setRegion(io.mdbops.integrations.api.v1alpha1.PagerDutyRegion.EU);
    rig.secrets.put(NS, CoreRig.CONNECTION, Map.of("publicKey", "p", "privateKey", "k",
        "baseUrl", CoreRig.BASE_URL, "product", "cloud-manager"));
    SyncOutcome.Failed failed = (SyncOutcome.Failed) rig.pass(pd);
    assertThat(failed.reason()).isEqualTo(ConditionReason.InvalidSpec);
    assertThat(failed.message()).contains("spec.pagerDuty.region EU is not available on Cloud Manager");
    ThirdPartyIntegration dd = rig.resource("dd", IntegrationType.DATADOG, project);
    dd.getSpec().getDatadog().setRegion(io.mdbops.integrations.api.v1alpha1.DatadogRegion.EU);
    assertThat(((SyncOutcome.Failed) rig.pass(dd)).message()).contains("spec.datadog.region EU");
    assertThat(rig.api.calls()).isEmpty();
  }

  @Test
  void anUnknownProductInTheConnectionSecretIsConnectionInvalid() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.secrets.put(NS, CoreRig.CONNECTION, Map.of("publicKey", "p", "privateKey", "k",
        "baseUrl", CoreRig.BASE_URL, "product", "atlas-ish"));
    SyncOutcome.Failed failed = (SyncOutcome.Failed) rig.pass(r);
    assertThat(failed.reason()).isEqualTo(ConditionReason.ConnectionInvalid);
    assertThat(failed.message()).contains("cloud-manager or ops-manager");
  }

  @Test
  void forgettingAResourceStopsItsDriftWatch() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.synced(r);
    assertThat(rig.driftWatch.watchedProjects()).isEqualTo(1);
    rig.sync.forget(r);
    assertThat(rig.driftWatch.watchedProjects()).isZero();
  }
}
