package io.mdbops.integrations.sync;

import static io.mdbops.integrations.opsmanager.FakeIntegrationsApi.error;
import static io.mdbops.integrations.sync.CoreRig.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import io.mdbops.integrations.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegrationRemovalTest {

  final CoreRig rig = new CoreRig();
  final String project = rig.project();
  ThirdPartyIntegration r;

  @BeforeEach
  void written() {
    r = rig.resource("it", IntegrationType.WEBHOOK, project);
    rig.synced(r);
  }

  @Test
  void deleteRemovesTheIntegration() {
    assertThat(rig.removal.remove(r)).isEqualTo(new RemovalOutcome.Removed(true));
    assertThat(rig.api.stored(project, "WEBHOOK")).isEmpty();
  }

  @Test
  void anIntegrationAlreadyGoneCountsAsRemoved() {
    rig.api.removeStored(project, "WEBHOOK");
    assertThat(rig.removal.remove(r)).isEqualTo(new RemovalOutcome.Removed(false));
  }

  @Test
  void retainLeavesItWithoutACall() {
    r.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    assertThat(rig.removal.remove(r)).isInstanceOf(RemovalOutcome.Left.class);
    assertThat(rig.api.calls("DELETE")).isZero();
    assertThat(rig.api.stored(project, "WEBHOOK")).isPresent();
  }

  @Test
  void aResourceThatNeverWroteRemovesNothing() {
    ThirdPartyIntegration never = rig.resource("never", IntegrationType.SLACK, project);
    assertThat(rig.removal.remove(never)).isInstanceOf(RemovalOutcome.Left.class);
    assertThat(rig.api.calls("DELETE")).isZero();
  }

  @Test
  void anIntegrationAnotherResourceManagesIsLeftInPlace() {
    ThirdPartyIntegration older = Fixtures.resource("other", "first", IntegrationType.WEBHOOK, project, CoreRig.CONNECTION);
    older.getMetadata().setCreationTimestamp("2020-01-01T00:00:00Z");
    rig.secrets.put("other", CoreRig.CONNECTION, Map.of("publicKey", "p", "privateKey", "k", "baseUrl", CoreRig.BASE_URL));
    rig.secrets.put("other", Fixtures.credentialsSecretName("first"), Fixtures.credentials(IntegrationType.WEBHOOK));
    rig.resources.add(older);
    assertThat(rig.removal.remove(r)).isInstanceOf(RemovalOutcome.Left.class);
    assertThat(rig.api.stored(project, "WEBHOOK")).isPresent();
  }

  @Test
  void aMissingConnectionNotKeptSinceARestartIsAFailureWithItsOwnReason() {
    rig.targets.forget(r); // as after a restart that never saw the Secret
    rig.secrets.remove(NS, CoreRig.CONNECTION);
    RemovalOutcome.Failed failed = (RemovalOutcome.Failed) rig.removal.remove(r);
    assertThat(failed.reason()).isEqualTo(ConditionReason.SecretNotFound);
    assertThat(failed.message()).startsWith("cannot remove the WEBHOOK integration of project " + project)
        .contains("connection Secret team/api does not exist");
    assertThat(rig.api.calls("DELETE")).isZero();
  }

  @Test
  void aConnectionSecretDeletedBeforeTheResourceIsStoodInForByTheConnectionItWroteThrough() {
    rig.secrets.remove(NS, CoreRig.CONNECTION);
    RemovalOutcome.Removed removed = (RemovalOutcome.Removed) rig.removal.remove(r);
    assertThat(removed.existed()).isTrue();
    assertThat(removed.note()).get().asString()
        .contains("through connection Secret team/api as the operator kept it").contains("deleted first");
    assertThat(rig.api.stored(project, "WEBHOOK")).isEmpty();
  }

  @Test
  void theKeptConnectionIsTheOneOfTheSecretTheSpecNamesToday() {
    rig.secrets.remove(NS, CoreRig.CONNECTION);
    r.getSpec().getConnectionSecretRef().setName("elsewhere");
    RemovalOutcome.Failed failed = (RemovalOutcome.Failed) rig.removal.remove(r);
    assertThat(failed.reason()).isEqualTo(ConditionReason.SecretNotFound);
    assertThat(failed.message()).contains("team/elsewhere does not exist");
    assertThat(rig.api.calls("DELETE")).isZero();
  }

  @Test
  void anExistingSecretIsAlwaysReadAgainRatherThanTheKeptConnection() {
    rig.secrets.put(NS, CoreRig.CONNECTION, Map.of("publicKey", "pub", "privateKey", "k", "baseUrl", "https://elsewhere.example.com"));
    RemovalOutcome.Failed failed = (RemovalOutcome.Failed) rig.removal.remove(r);
    assertThat(failed.reason()).isEqualTo(ConditionReason.EndpointNotAllowed);
    assertThat(rig.api.calls("DELETE")).isZero();
  }

  @Test
  void theKeptConnectionStaysWhileAResourceThatWroteThroughItLivesAndGoesWithTheLast() {
    ThirdPartyIntegration sibling = rig.resource("sibling", IntegrationType.SLACK, project);
    rig.synced(sibling);
    assertThat(rig.connectionMemory.size()).isEqualTo(1);
    rig.sync.forget(r);
    rig.secrets.remove(NS, CoreRig.CONNECTION);
    assertThat(rig.removal.remove(sibling)).isInstanceOf(RemovalOutcome.Removed.class);
    assertThat(rig.connectionMemory.size()).isEqualTo(1);
    rig.sync.forget(sibling);
    assertThat(rig.connectionMemory.size()).isZero();
  }

  @Test
  void aDeletedProjectCountsAsRemovedAndSaysSo() {
    rig.api.removeProject(project);
    RemovalOutcome.Removed removed = (RemovalOutcome.Removed) rig.removal.remove(r);
    assertThat(removed.existed()).isFalse();
    assertThat(removed.note()).get().asString()
        .contains("project " + project + " no longer exists at " + CoreRig.BASE_URL).contains("GROUP_NOT_FOUND");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"401, NOT_IN_GROUP, Unauthorized", "404, ATLAS_GROUP, ProjectNotFound",
      "404, INVALID_GROUP_ID, ProjectNotFound", "404, RESOURCE_NOT_FOUND, ApiRejected", "403, GROUP_NOT_FOUND, Forbidden"})
  void onlyAProjectNotFoundAnswerCountsAsRemoved(int status, String errorCode, ConditionReason reason) {
    rig.api.failOn("DELETE", error(status, errorCode));
    RemovalOutcome.Failed failed = (RemovalOutcome.Failed) rig.removal.remove(r);
    assertThat(failed.reason()).isEqualTo(reason);
    assertThat(failed.message()).contains(errorCode);
    assertThat(rig.api.stored(project, "WEBHOOK")).isPresent();
  }

  @Test
  void refusedCredentialsAreAFailureSaidSo() {
    rig.api.failOn("DELETE", error(401, null));
    assertThat(((RemovalOutcome.Failed) rig.removal.remove(r)).reason()).isEqualTo(ConditionReason.Unauthorized);
    assertThat(rig.api.stored(project, "WEBHOOK")).isPresent();
  }

  @Test
  void aSpentRequestBudgetIsRateLimited() {
    rig.api.failOn("DELETE", FakeIntegrationsApi.throttled());
    RemovalOutcome.Failed failed = (RemovalOutcome.Failed) rig.removal.remove(r);
    assertThat(failed.reason()).isEqualTo(ConditionReason.RateLimited);
    assertThat(failed.cause()).isPresent();
  }

  @Test
  void aProjectTheNamespaceMayNotTargetIsLeftAlone() {
    rig.refusedProjects.put(NS + "/" + project, "namespace team may not target it");
    assertThat(rig.removal.remove(r)).isInstanceOf(RemovalOutcome.Left.class);
    assertThat(rig.api.calls("DELETE")).isZero();
  }
}
