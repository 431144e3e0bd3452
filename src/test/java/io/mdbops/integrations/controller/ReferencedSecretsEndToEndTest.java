package io.mdbops.integrations.controller;

import static io.mdbops.integrations.controller.ResourceIndex.CachedSecret.COMPLETE;
import static io.mdbops.integrations.controller.ResourceIndex.CachedSecret.METADATA_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Secret informers keep the data of referenced Secrets only, whether one informer watches all
 * namespaces or one per watched namespace: a Secret no resource references (a Helm release, a token)
 * is cached as metadata, and one that becomes referenced is read when a pass needs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferencedSecretsEndToEndTest {

  static final String TEAM_A = "watched-a";
  static final String TEAM_B = "watched-b";
  OperatorHarness h;

  /** The operator's watchNamespaces; empty for all namespaces. */
  abstract Set<String> watchNamespaces();

  @BeforeAll
  void start() {
    Set<String> watched = watchNamespaces();
    h = OperatorHarness.start(c -> watched.isEmpty() ? c : c.watchNamespaces(watched), s -> s);
    for (String ns : new String[] {TEAM_A, TEAM_B}) {
      h.create(Fixtures.connectionSecret(ns, OperatorHarness.CONNECTION, h.sim.baseUrl(), OperatorHarness.PUBLIC_KEY,
          h.privateKey));
    }
  }

  @AfterAll
  void stop() {
    h.close();
  }

  @Test
  void onlyReferencedSecretsKeepTheirDataAndAnUnreferencedOneIsReadOnceItIsNeeded() {
    String project = h.project();
    ThirdPartyIntegration a = Fixtures.resource(TEAM_A, "slack", IntegrationType.SLACK, project, OperatorHarness.CONNECTION);
    ThirdPartyIntegration b = Fixtures.resource(TEAM_B, "webhook", IntegrationType.WEBHOOK, project, OperatorHarness.CONNECTION);
    h.createWithCredentials(a);
    h.createWithCredentials(b);
    Map<String, String> later = Fixtures.credentials(IntegrationType.DATADOG);
    // not h.create: its wait for the cache reads the Secret, as a pass would
    h.client.secrets().resource(Fixtures.secret(TEAM_A, Fixtures.credentialsSecretName("datadog"), later)).create();
    h.client.secrets().resource(Fixtures.secret(TEAM_B, "helm-release", Map.of("release", "x".repeat(4096)))).create();
    h.awaitReason(TEAM_A, "slack", ConditionReason.Synced);
    h.awaitReason(TEAM_B, "webhook", ConditionReason.Synced);

    ManagedOperator operator = h.operator();
    assertThat(operator.secretCacheState(TEAM_A, Fixtures.credentialsSecretName("slack"))).isEqualTo(COMPLETE);
    assertThat(operator.secretCacheState(TEAM_B, Fixtures.credentialsSecretName("webhook"))).isEqualTo(COMPLETE);
    await().atMost(OperatorHarness.WAIT).untilAsserted(() -> {
      assertThat(operator.secretCacheState(TEAM_A, Fixtures.credentialsSecretName("datadog")))
          .as("no resource references it yet").isEqualTo(METADATA_ONLY);
      assertThat(operator.secretCacheState(TEAM_B, "helm-release")).as("nothing ever references it")
          .isEqualTo(METADATA_ONLY);
    });

    h.create(Fixtures.resource(TEAM_A, "datadog", IntegrationType.DATADOG, project, OperatorHarness.CONNECTION));
    h.awaitReason(TEAM_A, "datadog", ConditionReason.Synced);

    assertThat(h.sim.stored(project, "DATADOG")).get().satisfies(stored ->
        assertThat(stored.get("apiKey")).isEqualTo(later.values().iterator().next()));
    assertThat(operator.secretCacheState(TEAM_A, Fixtures.credentialsSecretName("datadog"))).isEqualTo(COMPLETE);
    assertThat(operator.secretCacheState(TEAM_B, "helm-release")).isEqualTo(METADATA_ONLY);
  }
}
