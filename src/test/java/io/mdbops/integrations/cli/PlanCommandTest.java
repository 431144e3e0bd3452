package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakScanner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} against the API simulator over HTTP: a directory of manifests gives create, update,
 * in sync and (with --prune) delete, with exit codes 0, 2 and 1, reading each project once and writing
 * nothing; its JSON has the same keys for every resource; nothing secret is printed.
 */
class PlanCommandTest {

  static final String PUBLIC_KEY = "plan-public";
  static ApiSimulator sim;
  static String privateKey;
  static Path privateKeyFile;
  static String slackToken;
  static String pagerDutyKey;
  static String webhookUrl;

  @TempDir
  Path dir;
  String project;

  @BeforeAll
  static void start() throws IOException {
    sim = ApiSimulator.start(SimulatorOptions.defaults());
    privateKey = Fixtures.secretValue("plan-private-");
    sim.addApiKey(PUBLIC_KEY, privateKey);
    privateKeyFile = Files.createTempFile("plan-key", ".txt");
    Files.writeString(privateKeyFile, privateKey + "\n");
    slackToken = Fixtures.secretValue("xoxb-");
    pagerDutyKey = Fixtures.secretValue("pd");
    webhookUrl = "https://hooks.example.com/alerts/" + Fixtures.secretValue("wh");
    Fixtures.SECRET_VALUES.add(webhookUrl);
  }

  @AfterAll
  static void stop() throws IOException {
    sim.close();
    Files.deleteIfExists(privateKeyFile);
  }

  /** A project holding Slack (#old), PagerDuty and Opsgenie, written through the API. */
  @BeforeEach
  void seed() throws Exception {
    project = sim.addProject();
    try (OkHttpIntegrationsApiFactory factory = new OkHttpIntegrationsApiFactory()) {
      IntegrationsApi api = factory.create(new ApiConnection(URI.create(sim.baseUrl()), PUBLIC_KEY, privateKey, null));
      api.put(project, payload("SLACK", Map.of("apiToken", slackToken, "teamName", "Payments", "channelName", "#old"),
          "apiToken"));
      api.put(project, payload("PAGER_DUTY", Map.of("serviceKey", pagerDutyKey), "serviceKey"));
      api.put(project, payload("OPS_GENIE", Map.of("apiKey", Fixtures.secretValue("og"), "region", "EU"), "apiKey"));
    }
    sim.journal().clear();
  }

  @Test
  void aDirectoryOfManifestsGivesCreateUpdateInSyncAndWithPruneDeleteReadingOnly() throws IOException {
    write("slack.yaml", slack("#new"));
    write("pagerduty.yaml", pagerDuty());
    write("webhook.yaml", webhook());
    write("unrelated.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

    CommandRun plan = plan();

    assertThat(plan.exit()).as(plan.all()).isEqualTo(2);
    assertThat(plan.out())
        .containsPattern("~ update +demo/slack +SLACK in project " + project)
        .contains("channelName: \"#old\" → \"#new\"")
        .containsPattern("= in sync +demo/pagerduty")
        .containsPattern("\\+ create +demo/webhook")
        .contains("url (secret): set from Secret webhook-token, key url")
        .contains("1 document(s) of other kinds left aside (ConfigMap)")
        .contains("Plan: 1 to create, 1 to update, 0 to delete; 1 in sync. Read only: nothing was written.")
        .doesNotContain("delete  ");
    assertReadOnlyOneListPerProject();

    CommandRun pruned = plan("--prune");
    assertThat(pruned.exit()).isEqualTo(2);
    assertThat(pruned.out()).containsPattern("- delete +OPS_GENIE in project " + project + " +no manifest declares it")
        .contains("1 to delete");
    assertNoSecretIn(plan, pruned);
  }

  @Test
  void exitsZeroWhenEverythingIsInSyncAndOneOnAnInvalidManifest() throws IOException {
    write("slack.yaml", slack("#old"));
    write("pagerduty.yaml", pagerDuty());
    CommandRun clean = plan();
    assertThat(clean.exit()).as(clean.all()).isZero();
    assertThat(clean.out()).contains("Plan: 0 to create, 0 to update, 0 to delete; 2 in sync.");

    write("broken.yaml", """
        apiVersion: integrations.mdbops.io/v1alpha1
        kind: ThirdPartyIntegration
        metadata: {name: broken, namespace: demo}
        spec:
          projectId: %s
          type: SLACK
          slack:
            apiTokenSecretRef: {name: slack-token, key: apiToken}
        """.formatted(project));
    write("notyaml.yaml", "a: [unclosed\n");
    CommandRun broken = plan();
    assertThat(broken.exit()).as(broken.all()).isEqualTo(1);
    assertThat(broken.out()).containsPattern("! error +demo/broken")
        .contains("refused by the API server: spec.slack.teamName: Required value")
        .containsPattern("! error +\\S*notyaml.yaml\\s+not valid YAML")
        .contains("2 errors");
    assertReadOnlyOneListPerProject();
    assertNoSecretIn(clean, broken);
  }

  @Test
  void jsonHasTheSameKeysForEveryResourceAndTheSameExitCode() throws IOException {
    write("slack.yaml", slack("#new"));
    write("pagerduty.yaml", pagerDuty());
    write("webhook.yaml", webhook());
    CommandRun plan = plan("-o", "json", "--prune");

    assertThat(plan.exit()).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(plan.out());
    assertThat(fields(json)).containsExactly("changes", "exitCode", "formatVersion", "notes", "resources", "summary");
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    assertThat(json.get("changes").asBoolean()).isTrue();
    assertThat(json.get("summary").toString())
        .isEqualTo("{\"create\":1,\"update\":1,\"inSync\":1,\"delete\":1,\"error\":0,\"observeOnly\":0}");
    Set<String> entryKeys = Set.of("action", "observeOnly", "namespace", "name", "source", "projectId", "type",
        "changes", "notCompared", "errors");
    List<String> actions = new ArrayList<>();
    json.get("resources").forEach(r -> {
      assertThat(fields(r)).isEqualTo(new TreeSet<>(entryKeys));
      actions.add(r.get("action").asText());
    });
    assertThat(actions).containsExactly("in sync", "update", "create", "delete");
    JsonNode slack = json.get("resources").get(1);
    assertThat(slack.get("changes").toString()).isEqualTo(
        "[{\"field\":\"channelName\",\"secret\":false,\"from\":\"#old\",\"to\":\"#new\",\"reason\":null}]");
    assertThat(json.get("resources").get(3).get("type").asText()).isEqualTo("OPS_GENIE");
    assertNoSecretIn(plan);
  }

  @Test
  void usageErrorsExitOneAsTheIssueAsksNotTwo() {
    assertThat(CommandRun.of("plan").exit()).isEqualTo(1);
    CommandRun missing = CommandRun.of("plan", "-f", dir.resolve("nothing-here").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("-f: no such file or directory");
    CommandRun keys = CommandRun.of("plan", "-f", dir.toString(), "--api-url", sim.baseUrl());
    assertThat(keys.exit()).isEqualTo(1);
    assertThat(keys.err()).contains("--api-url needs --public-key and --private-key-file");
    assertThat(CommandRun.of("plan", "--help").exit()).isZero();
  }

  @Test
  void aResourceOfAnotherConnectionWithoutFlagsSaysWhatIsMissing() throws IOException {
    write("slack.yaml", slack("#old"));
    CommandRun plan = CommandRun.of("plan", "-f", dir.toString());
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out()).contains("no connection: Secret demo/mdb-api is not in the manifests")
        .contains("--api-url").contains("--kubeconfig");
    assertThat(sim.journal().size()).isZero();
  }

  private CommandRun plan(String... more) {
    List<String> args = new ArrayList<>(List.of("plan", "-f", dir.toString(), "--api-url", sim.baseUrl(),
        "--public-key", PUBLIC_KEY, "--private-key-file", privateKeyFile.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  /** Every request a GET, one authenticated list per run of plan. */
  private void assertReadOnlyOneListPerProject() {
    List<JournalEntry> entries = sim.journal().entries();
    assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.method()).isEqualTo("GET"));
    assertThat(entries).filteredOn(JournalEntry::authenticated)
        .allSatisfy(e -> assertThat(e.type()).isNull())
        .allSatisfy(e -> assertThat(e.projectId()).isEqualTo(project));
    sim.journal().clear();
  }

  private void assertNoSecretIn(CommandRun... runs) {
    List<String> texts = new ArrayList<>();
    for (CommandRun run : runs) {
      texts.add(run.all());
    }
    assertThat(LeakScanner.scan(Fixtures.SECRET_VALUES, texts)).isEmpty();
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static IntegrationPayload payload(String type, Map<String, Object> fields, String secret) {
    return new IntegrationPayload(type, new LinkedHashMap<>(fields), Set.of(secret));
  }

  private String slack(String channel) {
    return """
        apiVersion: v1
        kind: Secret
        metadata: {name: slack-token, namespace: demo}
        stringData:
          apiToken: %s
        ---
        apiVersion: integrations.mdbops.io/v1alpha1
        kind: ThirdPartyIntegration
        metadata: {name: slack, namespace: demo}
        spec:
          projectId: %s
          type: SLACK
          connectionSecretRef: {name: mdb-api}
          slack:
            apiTokenSecretRef: {name: slack-token, key: apiToken}
            teamName: Payments
            channelName: "%s"
        """.formatted(slackToken, project, channel);
  }

  private String pagerDuty() {
    return """
        apiVersion: v1
        kind: Secret
        metadata: {name: pagerduty-token, namespace: demo}
        stringData: {serviceKey: %s}
        ---
        apiVersion: integrations.mdbops.io/v1alpha1
        kind: ThirdPartyIntegration
        metadata: {name: pagerduty, namespace: demo}
        spec:
          projectId: %s
          type: PAGER_DUTY
          connectionSecretRef: {name: mdb-api}
          pagerDuty:
            serviceKeySecretRef: {name: pagerduty-token, key: serviceKey}
        """.formatted(pagerDutyKey, project);
  }

  private String webhook() {
    return """
        apiVersion: v1
        kind: Secret
        metadata: {name: webhook-token, namespace: demo}
        stringData: {url: "%s"}
        ---
        apiVersion: integrations.mdbops.io/v1alpha1
        kind: ThirdPartyIntegration
        metadata: {name: webhook, namespace: demo}
        spec:
          projectId: %s
          type: WEBHOOK
          connectionSecretRef: {name: mdb-api}
          webhook:
            urlSecretRef: {name: webhook-token, key: url}
        """.formatted(webhookUrl, project);
  }
}
