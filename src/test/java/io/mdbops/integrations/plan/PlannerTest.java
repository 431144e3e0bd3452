package io.mdbops.integrations.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import io.mdbops.integrations.testing.Fixtures;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan's verdicts against an in-memory API: one list per project, nothing else called, every refusal said. */
class PlannerTest {

  static ManifestAdmission admission;
  final FakeIntegrationsApi api = new FakeIntegrationsApi();
  final ApiConnection flags = new ApiConnection(URI.create("https://om.example.com"), "pub", "priv-key-never-shown", null);
  final String p1 = Fixtures.projectId();
  final String p2 = Fixtures.projectId();

  @BeforeAll
  static void crd() {
    admission = ManifestAdmission.ofBuiltCrd();
  }

  @Test
  void readsEachProjectOnceAndCallsNothingElse() {
    api.project(p1).project(p2);
    api.store(p1, "PAGER_DUTY", Map.of("serviceKey", "****************1234"));
    Plan plan = plan(false, pagerDuty("a", p1) + "---\n" + slack("b", p1, "#x") + "---\n" + pagerDuty("c", p2));

    assertThat(plan.entries()).extracting(PlanEntry::action)
        .containsExactly(Action.IN_SYNC, Action.CREATE, Action.CREATE);
    assertThat(api.calls()).extracting(FakeIntegrationsApi.Call::method).containsExactly("LIST", "LIST");
    assertThat(plan.exitCode()).isEqualTo(Plan.CHANGES);
  }

  @Test
  void aNameDeclaredTwiceAndTwoResourcesOnOneIntegrationAreErrors() {
    api.project(p1);
    Plan plan = plan(false, slack("a", p1, "#x") + "---\n" + slack("a", p1, "#y") + "---\n" + slack("b", p1, "#z"));

    assertThat(plan.entries()).extracting(PlanEntry::action).containsExactly(Action.CREATE, Action.ERROR, Action.ERROR);
    assertThat(plan.entries().get(1).errors()).singleElement().asString()
        .startsWith("declared twice: demo/a is also in test.yaml#1");
    assertThat(plan.entries().get(2).errors()).singleElement().asString()
        .contains("is also declared by demo/a").contains("Conflict");
    assertThat(plan.exitCode()).isEqualTo(Plan.ERROR);

    String observed = slack("o", p1, "#o").replace("  slack:", "  managementPolicy: Observe\n  slack:");
    assertThat(plan(false, observed + "---\n" + slack("m", p1, "#m")).entries())
        .allSatisfy(e -> assertThat(e.errors()).isEmpty());
  }

  @Test
  void whatTheProductLacksAndAProjectThatCannotBeReadAreErrorsOfTheirOwnResources() {
    api.project(p1).project(p2);
    api.failOn("LIST", FakeIntegrationsApi.error(401, "NOT_IN_GROUP"));
    Plan plan = plan(false, pagerDuty("a", p1) + "---\n" + newRelic("nr", p2) + "---\n" + pagerDuty("c", p2));

    assertThat(plan.entries()).extracting(PlanEntry::action).containsExactly(Action.ERROR, Action.ERROR, Action.CREATE);
    assertThat(plan.entries().get(0).errors()).singleElement().asString()
        .contains("project " + p1 + " could not be read at https://om.example.com").contains("NOT_IN_GROUP");
    assertThat(plan.entries().get(1).errors()).singleElement().asString()
        .startsWith("refused by the operator (InvalidSpec): spec.type NEW_RELIC is not available on Ops Manager");
  }

  @Test
  void anObserveOnlyDifferenceIsReportedButChangesNothing() {
    api.project(p1);
    api.store(p1, "SLACK", Map.of("apiToken", "****abcd", "teamName", "Payments", "channelName", "#old"));
    Plan plan = plan(false, slack("a", p1, "#new").replace("  slack:", "  managementPolicy: Observe\n  slack:"));

    assertThat(plan.entries()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(Action.UPDATE);
      assertThat(e.observeOnly()).isTrue();
      assertThat(e.changesProject()).isFalse();
      assertThat(e.changes()).containsExactly(PlanEntry.Change.plain("channelName", "#old", "#new"));
    });
    assertThat(plan.exitCode()).isEqualTo(Plan.NO_CHANGES);
    assertThat(TextPlan.summary(plan)).startsWith("Plan: 0 to create, 0 to update, 0 to delete; 0 in sync;"
        + " 1 observe-only");
  }

  @Test
  void pruneListsUndeclaredManagedTypesAndLeavesOthersAlone() {
    api.project(p1);
    api.store(p1, "PAGER_DUTY", Map.of("serviceKey", "****************1234"));
    api.store(p1, "DATADOG", Map.of("apiKey", "****1234"));
    api.store(p1, "SLACK", Map.of("apiToken", "****1234", "teamName", "T"));
    api.store(p1, "HIP_CHAT", Map.of("roomName", "r"));
    String invalidSlack = slack("s", p1, "#x").replace("    teamName: Payments\n", "");
    Plan plan = plan(true, pagerDuty("a", p1) + "---\n" + invalidSlack);

    assertThat(plan.entries()).extracting(PlanEntry::action).containsExactly(Action.IN_SYNC, Action.ERROR, Action.DELETE);
    assertThat(plan.entries().get(2).type()).isEqualTo("DATADOG");
    assertThat(plan.entries().get(2).label()).isEqualTo("DATADOG in project " + p1);
    assertThat(plan.notes()).containsExactly(
        "HIP_CHAT in project " + p1 + " is not a type this operator manages; left as it is");
  }

  @Test
  void aConnectionFromTheFlagsIsJudgedAsTheProductItsApiReaches() {
    api.project(p1);
    String euPagerDuty = pagerDuty("a", p1) + "    region: EU\n";
    URI cloud = URI.create("https://cloud.mongodb.com");

    Plan cloudManager = plan(ApiConnection.apiKey(cloud, "pub", "priv", null, ApiGeneration.PUBLIC_V1), euPagerDuty);
    assertThat(cloudManager.entries()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(Action.ERROR);
      assertThat(e.errors()).singleElement().asString().contains("Cloud Manager");
    });
    Plan atlas = plan(ApiConnection.apiKey(cloud, "pub", "priv", null, ApiGeneration.ATLAS_V2), euPagerDuty);
    assertThat(atlas.entries()).extracting(PlanEntry::action).containsExactly(Action.CREATE);
  }

  @Test
  void theDefaultConnectionNeedsFlagsOrItsSecret() {
    api.project(p1);
    String noRef = pagerDuty("a", p1).replace("  connectionSecretRef: {name: mdb-api}\n", "");
    PlanSecrets secrets = new PlanSecrets(read(noRef), null);
    Plan without = new Planner(new PlanConnections(secrets, null, null, null), live(), secrets, false).plan(read(noRef));
    assertThat(without.entries()).singleElement().satisfies(e -> assertThat(e.errors()).singleElement().asString()
        .contains("the operator would use its default connection").contains("--default-connection-secret"));

    String withSecret = noRef + "---\n" + """
        apiVersion: v1
        kind: Secret
        metadata: {name: default-api, namespace: ops}
        stringData: {publicKey: pub, privateKey: priv-from-manifest, baseUrl: "https://om.example.com"}
        """;
    Manifests manifests = read(withSecret);
    PlanSecrets fromManifests = new PlanSecrets(manifests, null);
    Plan with = new Planner(new PlanConnections(fromManifests, null, "ops", "default-api"), live(), fromManifests,
        false).plan(manifests);
    assertThat(with.entries()).extracting(PlanEntry::action).containsExactly(Action.CREATE);
  }

  private Plan plan(boolean prune, String text) {
    return plan(flags, prune, text);
  }

  /** The manifests' connection Secret stays out of them: the flags stand for it. */
  private Plan plan(ApiConnection connection, String text) {
    return plan(connection, false, text);
  }

  private Plan plan(ApiConnection connection, boolean prune, String text) {
    Manifests manifests = read(text);
    PlanSecrets secrets = new PlanSecrets(manifests, null);
    return new Planner(new PlanConnections(secrets, connection, null, null), live(), secrets, prune).plan(manifests);
  }

  private LiveProjects live() {
    return new LiveProjects(connection -> api);
  }

  private static Manifests read(String text) {
    return new ManifestReader(admission, "default").read("test.yaml", text);
  }

  private static String header(String name, String project, IntegrationType type) {
    return """
        apiVersion: integrations.mdbops.io/v1alpha1
        kind: ThirdPartyIntegration
        metadata: {name: %s, namespace: demo}
        spec:
          projectId: %s
          type: %s
          connectionSecretRef: {name: mdb-api}
        """.formatted(name, project, type);
  }

  private static String pagerDuty(String name, String project) {
    return header(name, project, IntegrationType.PAGER_DUTY)
        + "  pagerDuty:\n    serviceKeySecretRef: {name: pd, key: serviceKey}\n";
  }

  private static String slack(String name, String project, String channel) {
    return header(name, project, IntegrationType.SLACK) + "  slack:\n    apiTokenSecretRef: {name: s, key: apiToken}\n"
        + "    teamName: Payments\n    channelName: \"" + channel + "\"\n";
  }

  private static String newRelic(String name, String project) {
    return header(name, project, IntegrationType.NEW_RELIC) + """
          newRelic:
            accountId: "123"
            licenseKeySecretRef: {name: nr, key: l}
            writeTokenSecretRef: {name: nr, key: w}
            readTokenSecretRef: {name: nr, key: r}
        """;
  }
}
