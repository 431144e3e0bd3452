package io.mdbops.integrations.controller;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DESIGN §3 end to end: the real operator against the embedded Kubernetes API and the simulator,
 * every claim checked from the simulator's journal (API calls), its unmasked store, and the
 * Kubernetes request log.
 */
class ReconcilerEndToEndTest {

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** What the simulator must hold: the spec's plain fields and the Secrets' values, unmasked. */
  static Map<String, Object> expectedStored(ThirdPartyIntegration r, Map<String, Map<String, String>> secretsByName)
      throws Exception {
    var desired = DesiredIntegrations.build(r.getSpec(), SecretValues.of(
        r.getSpec(), ref -> secretsByName.get(ref.getName()).get(ref.getKey()), name -> "any"));
    Map<String, Object> expected = new LinkedHashMap<>(desired.payload().fields());
    expected.put("type", r.getSpec().getType().name());
    return expected;
  }

  static void settle() {
    h.awaitQuiet();
  }

  @ParameterizedTest
  @EnumSource(value = IntegrationType.class, names = "NEW_RELIC", mode = EnumSource.Mode.EXCLUDE)
  void createsEachTypeThenWritesNothingUntilTheSpecChanges(IntegrationType type) throws Exception {
    String ns = h.namespace("type-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "it", type, project, CONNECTION);
    Map<String, String> creds = h.createWithCredentials(r);

    ThirdPartyIntegration synced = h.awaitReason(ns, "it", ConditionReason.Synced);
    String secretName = Fixtures.credentialsSecretName("it");
    Secret secret = h.client.secrets().inNamespace(ns).withName(secretName).get();
    assertThat(h.sim.stored(project, type.name())).contains(expectedStored(r, Map.of(secretName, creds)));
    assertThat(synced.getStatus().getAppliedSecrets())
        .containsExactly(new AppliedSecret(secretName, secret.getMetadata().getResourceVersion()));
    assertThat(synced.getStatus().getLastAppliedTime()).isNotNull();
    assertThat(synced.getMetadata().getFinalizers()).isNotEmpty();
    assertThat(h.eventReasons(ns, "it")).containsExactly("Created");
    assertThat(h.calls(project, "PUT")).isEqualTo(1);

    // a drift check with nothing changed: one GET for the project, no PUT, no Kubernetes write
    settle();
    long gets = h.calls(project, "GET");
    int writes = h.kubeWrites(ns).size();
    h.driftCheck();
    settle();
    assertThat(h.calls(project, "GET")).isEqualTo(gets + 1);
    assertThat(h.calls(project, "PUT")).isEqualTo(1);
    assertThat(h.kubeWrites(ns)).hasSize(writes);

    // a spec change: point the first secret field at another Secret -> exactly one PUT
    FieldMapping first = IntegrationFields.of(type).stream().filter(FieldMapping::isSecret).findFirst().orElseThrow();
    String newValue = first.apiField().equals("url") || first.apiField().equals("microsoftTeamsWebhookUrl")
        ? "https://hooks.example.com/next/" + Fixtures.secretValue("n")
        : Fixtures.secretValue("abcdef"); // hexadecimal, as Datadog requires
    h.create(Fixtures.secret(ns, "next", Map.of("value", newValue)));
    ThirdPartyIntegration edited = h.edit(ns, "it", cur -> {
      first.secretRef().apply(cur.getSpec().block(type)).setName("next");
      first.secretRef().apply(cur.getSpec().block(type)).setKey("value");
      return cur;
    });
    h.awaitReason(ns, "it", ConditionReason.Synced);
    Map<String, Map<String, String>> all = new HashMap<>();
    all.put(secretName, creds);
    all.put("next", Map.of("value", newValue));
    assertThat(h.sim.stored(project, type.name())).contains(expectedStored(edited, all));
    settle();
    assertThat(h.calls(project, "PUT")).isEqualTo(2);
    assertThat(h.eventReasons(ns, "it")).containsExactly("Created", "Updated");
  }

  @Test
  void aSecretThatExistedBeforeAnyResourceReferencedItIsReadOnceFromTheApi() throws Exception {
    String ns = h.namespace("late-reference");
    String project = h.project();
    String token = Fixtures.secretValue("xoxb-");
    // created directly: nothing references it, so the operator keeps only its metadata
    Secret old = h.client.secrets().resource(Fixtures.secret(ns, "old-token", Map.of("apiToken", token))).create();
    Thread.sleep(500);
    ThirdPartyIntegration r = Fixtures.resource(ns, "it", IntegrationType.SLACK, project, CONNECTION);
    r.getSpec().getSlack().getApiTokenSecretRef().setName("old-token");
    h.create(r);
    h.awaitReason(ns, "it", ConditionReason.Synced);
    assertThat(h.sim.stored(project, "SLACK").orElseThrow()).containsEntry("apiToken", token);
    String path = "/api/v1/namespaces/" + ns + "/secrets/old-token";
    assertThat(h.kube.requests().stream().filter(q -> q.method().equals("GET") && q.path().startsWith(path)))
        .as("read once from the API, then cached").hasSize(1);

    String rotated = Fixtures.secretValue("xoxb-");
    // an update carrying the resourceVersion: the test itself does not read the Secret
    old.setData(Map.of("apiToken", Fixtures.base64(rotated)));
    h.client.secrets().resource(old).update();
    await().atMost(OperatorHarness.WAIT).until(() -> rotated.equals(h.sim.stored(project, "SLACK").orElseThrow().get("apiToken")));
    assertThat(h.kube.requests().stream().filter(q -> q.method().equals("GET") && q.path().startsWith(path)))
        .as("now referenced: the informer keeps its data").hasSize(1);
  }

  @Test
  void rotatingASharedSecretRewritesEveryResourceUsingItOnce() throws Exception {
    String ns = h.namespace("rotate");
    String project = h.project();
    ThirdPartyIntegration slack = Fixtures.resource(ns, "slack", IntegrationType.SLACK, project, CONNECTION);
    ThirdPartyIntegration pd = Fixtures.resource(ns, "pd", IntegrationType.PAGER_DUTY, project, CONNECTION);
    slack.getSpec().getSlack().getApiTokenSecretRef().setName("shared");
    pd.getSpec().getPagerDuty().getServiceKeySecretRef().setName("shared");
    h.create(Fixtures.secret(ns, "shared", Map.of("apiToken", Fixtures.secretValue("xoxb"), "serviceKey", Fixtures.secretValue("pd"))));
    h.create(slack);
    h.create(pd);
    h.awaitReason(ns, "slack", ConditionReason.Synced);
    h.awaitReason(ns, "pd", ConditionReason.Synced);
    settle();
    assertThat(h.calls(project, "PUT")).isEqualTo(2);

    String token = Fixtures.secretValue("xoxb");
    String key = Fixtures.secretValue("pd");
    Secret rotated = h.update(Fixtures.secret(ns, "shared", Map.of("apiToken", token, "serviceKey", key)));
    String version = rotated.getMetadata().getResourceVersion();
    for (String name : List.of("slack", "pd")) {
      h.awaitResource(ns, name, r -> r.getStatus().getAppliedSecrets().equals(List.of(new AppliedSecret("shared", version))));
    }
    assertThat(h.sim.stored(project, "SLACK").orElseThrow()).containsEntry("apiToken", token);
    assertThat(h.sim.stored(project, "PAGER_DUTY").orElseThrow()).containsEntry("serviceKey", key);
    settle();
    assertThat(h.calls(project, "PUT")).isEqualTo(4);
    assertThat(h.eventReasons(ns, "slack")).containsExactly("Created", "SecretRotated");
  }

  @Test
  void aRotationWhoseWriteFailsIsRetriedUntilItLands() throws Exception {
    String ns = h.namespace("rotate-fail");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "wh", IntegrationType.WEBHOOK, project, CONNECTION);
    Map<String, String> creds = h.createWithCredentials(r);
    h.awaitReason(ns, "wh", ConditionReason.Synced);

    // three failures outlast the client's tries within one pass, so the pass fails and is retried
    h.sim.faults().add(FaultRule.respond(500).method("PUT").project(project).times(3).build());
    Map<String, String> next = new HashMap<>(creds);
    next.put("secret", Fixtures.secretValue("sig"));
    h.update(Fixtures.secret(ns, Fixtures.credentialsSecretName("wh"), next));
    await().atMost(OperatorHarness.WAIT).until(() ->
        next.get("secret").equals(h.sim.stored(project, "WEBHOOK").orElseThrow().get("secret")));
    ThirdPartyIntegration after = h.awaitReason(ns, "wh", ConditionReason.Synced);
    assertThat(h.calls(project).stream().filter(e -> e.method().equals("PUT")).map(e -> e.status()))
        .containsExactly(200, 500, 500, 500, 200);
    assertThat(h.eventReasons(ns, "wh")).containsExactly("Created", "ApiUnavailable", "SecretRotated");
    assertThat(after.getStatus().getDriftCorrections()).isNull();
  }

  @Test
  void aBriefOutageIsAbsorbedWithinThePassWithoutAStatusFlip() throws Exception {
    String ns = h.namespace("blip");
    String project = h.project();
    h.sim.faults().add(FaultRule.respond(503).method("PUT").project(project).times(1).build());
    h.createWithCredentials(Fixtures.resource(ns, "it", IntegrationType.SLACK, project, CONNECTION));
    h.awaitReason(ns, "it", ConditionReason.Synced);
    assertThat(h.calls(project).stream().filter(e -> e.method().equals("PUT")).map(e -> e.status()))
        .containsExactly(503, 200);
    assertThat(h.eventReasons(ns, "it")).containsExactly("Created");
  }

  @Test
  void aPlainFieldChangedInTheUiIsUndoneOnTheNextDriftCheck() throws Exception {
    String ns = h.namespace("drift-plain");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "slack", IntegrationType.SLACK, project, CONNECTION);
    h.createWithCredentials(r);
    h.awaitReason(ns, "slack", ConditionReason.Synced);
    Map<String, Object> good = h.sim.stored(project, "SLACK").orElseThrow();

    Map<String, Object> edited = new HashMap<>(good);
    edited.put("channelName", "#somewhere-else");
    h.sim.putStored(project, "SLACK", edited);
    assertThat(h.driftCheck()).isEqualTo(1);
    ThirdPartyIntegration fixed = h.awaitResource(ns, "slack",
        x -> x.getStatus().getDriftCorrections() != null && x.getStatus().getDriftCorrections() == 1);
    assertThat(h.sim.stored(project, "SLACK")).contains(good);
    assertThat(HarnessAsserts.ready(fixed)).isEqualTo(ConditionReason.Synced);
    assertThat(h.eventReasons(ns, "slack")).containsExactly("Created", "DriftCorrected");
    assertThat(h.events(ns, "slack").get(1).getMessage()).contains("channelName");
  }

  @Test
  void aTokenReplacedInTheUiIsCaughtThroughItsMask() throws Exception {
    String ns = h.namespace("drift-token");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "og", IntegrationType.OPS_GENIE, project, CONNECTION);
    Map<String, String> creds = h.createWithCredentials(r);
    h.awaitReason(ns, "og", ConditionReason.Synced);

    Map<String, Object> edited = new HashMap<>(h.sim.stored(project, "OPS_GENIE").orElseThrow());
    edited.put("apiKey", "someone-elses-key-0000");
    h.sim.putStored(project, "OPS_GENIE", edited);
    assertThat(h.driftCheck()).isEqualTo(1);
    h.awaitResource(ns, "og", x -> x.getStatus().getDriftCorrections() != null);
    assertThat(h.sim.stored(project, "OPS_GENIE").orElseThrow()).containsEntry("apiKey", creds.get("apiKey"));
  }

  @Test
  void anIntegrationRemovedInTheUiIsPutBack() throws Exception {
    String ns = h.namespace("drift-removed");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "teams", IntegrationType.MICROSOFT_TEAMS, project, CONNECTION);
    h.createWithCredentials(r);
    h.awaitReason(ns, "teams", ConditionReason.Synced);
    Map<String, Object> good = h.sim.stored(project, "MICROSOFT_TEAMS").orElseThrow();
    h.sim.removeStored(project, "MICROSOFT_TEAMS");
    h.driftCheck();
    await().atMost(OperatorHarness.WAIT).until(() -> h.sim.stored(project, "MICROSOFT_TEAMS").isPresent());
    assertThat(h.sim.stored(project, "MICROSOFT_TEAMS")).contains(good);
    h.awaitResource(ns, "teams", x -> x.getStatus().getDriftCorrections() != null);
  }

  @Test
  void anExistingIntegrationIsAdoptedAndMadeToMatch() throws Exception {
    String ns = h.namespace("adopt");
    String project = h.project();
    h.sim.putStored(project, "VICTOR_OPS", Map.of("apiKey", "made-by-hand-1234", "routingKey", "old-team"));
    ThirdPartyIntegration r = Fixtures.resource(ns, "vo", IntegrationType.VICTOR_OPS, project, CONNECTION);
    Map<String, String> creds = h.createWithCredentials(r);
    h.awaitReason(ns, "vo", ConditionReason.Synced);
    assertThat(h.sim.stored(project, "VICTOR_OPS").orElseThrow())
        .containsEntry("apiKey", creds.get("apiKey")).containsEntry("routingKey", "payments-team");
    assertThat(h.eventReasons(ns, "vo")).containsExactly("Adopted");
  }

  @Test
  void theOlderOfTwoResourcesOwnsAnIntegrationAndTheOtherTakesOverWhenItGoes() throws Exception {
    String ns = h.namespace("conflict");
    String project = h.project();
    ThirdPartyIntegration first = Fixtures.resource(ns, "first", IntegrationType.OPS_GENIE, project, CONNECTION);
    first.getSpec().getOpsGenie().setRegion(io.mdbops.integrations.api.v1alpha1.OpsGenieRegion.US);
    h.createWithCredentials(first);
    h.awaitReason(ns, "first", ConditionReason.Synced);
    Thread.sleep(1100); // creation timestamps have one-second resolution
    ThirdPartyIntegration second = Fixtures.resource(ns, "second", IntegrationType.OPS_GENIE, project, CONNECTION);
    second.getSpec().getOpsGenie().setRegion(io.mdbops.integrations.api.v1alpha1.OpsGenieRegion.EU);
    Map<String, String> secondCreds = h.createWithCredentials(second);
    ThirdPartyIntegration blocked = h.awaitReason(ns, "second", ConditionReason.Conflict);
    assertThat(OperatorHarness.ready(blocked).getMessage()).contains(ns + "/first");
    settle();
    assertThat(h.calls(project, "PUT")).isEqualTo(1);
    assertThat(h.sim.stored(project, "OPS_GENIE").orElseThrow()).containsEntry("region", "US");

    h.delete(ns, "first");
    h.awaitGone(ns, "first");
    h.awaitReason(ns, "second", ConditionReason.Synced);
    assertThat(h.sim.stored(project, "OPS_GENIE").orElseThrow())
        .containsEntry("region", "EU").containsEntry("apiKey", secondCreds.get("apiKey"));
    assertThat(h.calls(project).stream().map(e -> e.method() + " " + e.status()))
        .containsSubsequence("PUT 200", "DELETE 204", "PUT 200");
  }

  @Test
  void aResourceInConflictNeverDeletesTheOwnersIntegration() throws Exception {
    String ns = h.namespace("conflict-delete");
    String project = h.project();
    h.createWithCredentials(Fixtures.resource(ns, "owner", IntegrationType.SLACK, project, CONNECTION));
    h.awaitReason(ns, "owner", ConditionReason.Synced);
    Thread.sleep(1100);
    h.createWithCredentials(Fixtures.resource(ns, "late", IntegrationType.SLACK, project, CONNECTION));
    h.awaitReason(ns, "late", ConditionReason.Conflict);
    h.delete(ns, "late");
    h.awaitGone(ns, "late");
    assertThat(h.calls(project, "DELETE")).isZero();
    assertThat(h.sim.stored(project, "SLACK")).isPresent();
  }

  @Test
  void deletionPolicyDeleteRemovesTheIntegrationAndRetainKeepsIt() throws Exception {
    String ns = h.namespace("delete");
    String project = h.project();
    h.createWithCredentials(Fixtures.resource(ns, "gone", IntegrationType.PAGER_DUTY, project, CONNECTION));
    ThirdPartyIntegration kept = Fixtures.resource(ns, "kept", IntegrationType.SLACK, project, CONNECTION);
    kept.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    h.createWithCredentials(kept);
    h.awaitReason(ns, "gone", ConditionReason.Synced);
    h.awaitReason(ns, "kept", ConditionReason.Synced);

    h.delete(ns, "gone");
    h.delete(ns, "kept");
    h.awaitGone(ns, "gone");
    h.awaitGone(ns, "kept");
    assertThat(h.sim.stored(project, "PAGER_DUTY")).isEmpty();
    assertThat(h.sim.stored(project, "SLACK")).isPresent();
    assertThat(h.calls(project, "DELETE")).isEqualTo(1);
  }

  @Test
  void aFailingDeleteKeepsTheFinalizerUntilItSucceeds() throws Exception {
    String ns = h.namespace("delete-fail");
    String project = h.project();
    h.createWithCredentials(Fixtures.resource(ns, "pd", IntegrationType.PAGER_DUTY, project, CONNECTION));
    h.awaitReason(ns, "pd", ConditionReason.Synced);
    // four failures: the first pass's three tries and the first try of the next pass
    FaultRule failing = h.sim.faults().add(FaultRule.respond(500).method("DELETE").project(project).times(4).build());
    h.delete(ns, "pd");
    ThirdPartyIntegration held = h.awaitReason(ns, "pd", ConditionReason.Deleting);
    assertThat(held.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(held.getMetadata().getFinalizers()).isNotEmpty();
    assertThat(OperatorHarness.ready(held).getMessage()).contains("HTTP 500").contains("Retain");
    h.awaitGone(ns, "pd");
    assertThat(failing.fired()).isEqualTo(4);
    assertThat(h.sim.stored(project, "PAGER_DUTY")).isEmpty();
    assertThat(h.calls(project).stream().filter(e -> e.method().equals("DELETE")).map(e -> e.status()))
        .containsExactly(500, 500, 500, 500, 204);
  }

  @Test
  void observesEachProjectOnceForAllItsResources() throws Exception {
    String ns = h.namespace("shared-observe");
    String project = h.project();
    for (IntegrationType type : List.of(IntegrationType.SLACK, IntegrationType.PAGER_DUTY, IntegrationType.OPS_GENIE,
        IntegrationType.WEBHOOK, IntegrationType.PROMETHEUS)) {
      h.createWithCredentials(Fixtures.resource(ns, type.name().toLowerCase(Locale.ROOT).replace('_', '-'), type, project, CONNECTION));
    }
    for (String name : List.of("slack", "pager-duty", "ops-genie", "webhook", "prometheus")) {
      h.awaitReason(ns, name, ConditionReason.Synced);
    }
    settle();
    // one list call on first sight of the project (plus its Digest challenge at most), then PUTs only
    assertThat(h.calls(project).stream().filter(e -> e.method().equals("GET") && e.status() == 200)).hasSize(1);
    assertThat(h.calls(project, "PUT")).isEqualTo(5);
    long gets = h.calls(project, "GET");
    h.driftCheck();
    settle();
    assertThat(h.calls(project, "GET")).isEqualTo(gets + 1);
    assertThat(h.calls(project, "PUT")).isEqualTo(5);
  }
}
