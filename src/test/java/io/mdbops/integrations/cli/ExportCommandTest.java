package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.plan.ManifestAdmission;
import io.mdbops.integrations.plan.ManifestReader;
import io.mdbops.integrations.plan.Manifests;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} of a project holding an integration of every type the simulator's Ops Manager
 * offers: valid manifests (the API server's admission and the operator's parser take them as they
 * are), observe-only, with empty Secret skeletons; {@code plan} over them finds everything in sync;
 * filled in and switched to Manage, plan compares the secrets too. Reads only; nothing secret printed.
 */
class ExportCommandTest {

  static final String PUBLIC_KEY = "export-public";
  /** What the simulator's Ops Manager and this operator both offer (New Relic is gone from both). */
  static final List<IntegrationType> TYPES = Arrays.stream(IntegrationType.values())
      .filter(t -> t != IntegrationType.NEW_RELIC).toList();

  static ApiSimulator sim;
  static Path privateKeyFile;
  static String project;
  static Map<IntegrationType, Map<String, String>> credentials = new EnumMap<>(IntegrationType.class);

  @TempDir
  Path dir;

  @BeforeAll
  static void seed() throws Exception {
    sim = ApiSimulator.start(SimulatorOptions.builder().product(Product.OPS_MANAGER).build());
    String privateKey = Fixtures.secretValue("export-private-");
    sim.addApiKey(PUBLIC_KEY, privateKey);
    privateKeyFile = Files.createTempFile("export-key", ".txt");
    Files.writeString(privateKeyFile, privateKey);
    project = sim.addProject();
    try (OkHttpIntegrationsApiFactory factory = new OkHttpIntegrationsApiFactory()) {
      IntegrationsApi api = factory.create(new ApiConnection(URI.create(sim.baseUrl()), PUBLIC_KEY, privateKey, null));
      for (IntegrationType type : TYPES) {
        Map<String, String> values = Fixtures.credentials(type);
        credentials.put(type, values);
        ThirdPartyIntegrationSpec spec = SampleIntegrations.spec(type, project, "api", "creds");
        api.put(project, DesiredIntegrations.build(spec,
            SecretValues.of(spec, ref -> values.get(ref.getKey()), name -> "1")).payload());
      }
    }
    sim.putStored(project, "HIP_CHAT", Map.of("roomName", "ops", "notificationToken", Fixtures.secretValue("hc")));
  }

  @AfterAll
  static void stop() throws IOException {
    sim.close();
    Files.deleteIfExists(privateKeyFile);
  }

  @Test
  void exportsValidObserveOnlyManifestsThatPlanFindsInSync() throws IOException {
    sim.journal().clear();
    CommandRun export = export("--project", project, "--namespace", "demo", "--connection-secret", "api");

    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.err()).contains("note: HIP_CHAT in project " + project + " is not a type this operator manages");
    assertReadOnly();
    Manifests manifests = new ManifestReader(ManifestAdmission.ofBuiltCrd(), "default").read("export.yaml", export.out());
    assertThat(manifests.unreadable()).isEmpty();
    assertThat(manifests.resources()).hasSize(TYPES.size())
        .allSatisfy(r -> assertThat(r.problems()).as(r.name()).isEmpty());
    assertThat(manifests.resources()).extracting(Manifests.Resource::name).containsExactly(
        "datadog", "microsoft-teams", "ops-genie", "pager-duty", "prometheus", "slack", "victor-ops", "webhook");
    assertThat(manifests.resources()).allSatisfy(r -> {
      ThirdPartyIntegrationSpec spec = r.resource().getSpec();
      assertThat(spec.getManagementPolicy()).isEqualTo(ManagementPolicy.Observe);
      assertThat(spec.getConnectionSecretRef().getName()).isEqualTo("api");
      assertThat(r.namespace()).isEqualTo("demo");
    });
    // every plain field the project holds, and one empty key per secret field, each commented
    assertThat(export.out()).contains("channelName: \"#alerts\"").contains("region: EU")
        .contains("routingKey: payments-team").contains("listenAddress: 0.0.0.0:9216").contains("enabled: true");
    int secretKeys = manifests.secrets().stream().mapToInt(s -> s.secret().getStringData().size()).sum();
    assertThat(secretKeys).isEqualTo(TYPES.stream().mapToInt(t -> credentials.get(t).size()).sum());
    assertThat(manifests.secrets()).allSatisfy(s -> assertThat(s.secret().getStringData().values()).containsOnly(""));
    assertThat(export.out().lines().filter(l -> l.trim().startsWith("# fill in:"))).hasSize(secretKeys);
    assertThat(export.out()).contains("# fill in: the Slack API token.");

    Path file = dir.resolve("export.yaml");
    Files.writeString(file, export.out(), StandardCharsets.UTF_8);
    CommandRun plan = plan(file);
    assertThat(plan.exit()).as(plan.out()).isZero();
    assertThat(plan.out().lines().filter(l -> l.startsWith("  = in sync"))).hasSize(TYPES.size())
        .allSatisfy(l -> assertThat(l).contains("observe-only: no action would be taken"));
    assertThat(plan.out()).contains("not compared: apiToken (Secret demo/slack-credentials (from the manifests) has"
        + " an empty value at key apiToken: fill it in)");
    assertReadOnly();
    assertNoSecretIn(export, plan);
  }

  @Test
  void theExportAppliesThroughTheApiServersAdmissionUnchanged() {
    CommandRun export = export("--project", project, "--namespace", "demo");
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.startForKubectl(0)) {
      List<HasMetadata> objects = new ArrayList<>();
      for (String document : export.out().split("(?m)^---$")) {
        if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
          objects.add(Serialization.unmarshal(document));
        }
      }
      kube.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
          .withNewMetadata().withName("demo").endMetadata().build()).create();
      objects.forEach(o -> kube.client().resource(o).create());
      assertThat(kube.client().resources(ThirdPartyIntegration.class).inNamespace("demo").list().getItems())
          .hasSize(TYPES.size());
      assertThat(kube.client().secrets().inNamespace("demo").list().getItems()).hasSize(TYPES.size());
    }
  }

  @Test
  void filledInAndManagedPlanComparesTheSecretsAndSeesAChange() throws IOException {
    String text = export("--project", project, "--namespace", "demo").out();
    String token = credentials.get(IntegrationType.SLACK).get("apiToken");
    text = text.replace("  apiToken: \"\"", "  apiToken: " + token)
        .replaceFirst("(name: slack\\n(?:.*\\n)*?  )managementPolicy: Observe", "$1managementPolicy: Manage");
    Path file = dir.resolve("filled.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    CommandRun inSync = plan(file);
    assertThat(inSync.exit()).as(inSync.out()).isZero();
    assertThat(inSync.out()).containsPattern("= in sync +demo/slack +SLACK in project \\w+  \\(\\S+\\)\\n")
        .doesNotContain("not compared: apiToken");

    Files.writeString(file, text.replace("\"#alerts\"", "\"#changed\""), StandardCharsets.UTF_8);
    CommandRun changed = plan(file);
    assertThat(changed.exit()).isEqualTo(2);
    assertThat(changed.out()).contains("channelName: \"#alerts\" → \"#changed\"")
        .contains("Plan: 0 to create, 1 to update, 0 to delete; 7 in sync; 7 observe-only");
    assertNoSecretIn(inSync, changed);
  }

  @Test
  void outWritesOneFilePerIntegrationAndNeverOverwritesUnasked() throws IOException {
    Path out = dir.resolve("adopted");
    CommandRun first = export("--project", project, "--out", out.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("datadog.yaml",
          "microsoft-teams.yaml", "ops-genie.yaml", "pager-duty.yaml", "prometheus.yaml", "slack.yaml",
          "victor-ops.yaml", "webhook.yaml");
    }
    Files.writeString(out.resolve("slack.yaml"), "filled in by hand");
    CommandRun again = export("--project", project, "--out", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("slack.yaml").contains("--overwrite");
    assertThat(Files.readString(out.resolve("slack.yaml"))).isEqualTo("filled in by hand");
    assertThat(export("--project", project, "--out", out.toString(), "--overwrite").exit()).isZero();
    assertThat(Files.readString(out.resolve("slack.yaml"))).contains("kind: ThirdPartyIntegration");
  }

  @Test
  void severalProjectsGetProjectSuffixesAndAnUnreadableProjectFails() {
    String other = sim.addProject();
    CommandRun both = export("--project", project, "--project", other);
    assertThat(both.exit()).isZero();
    assertThat(both.out()).contains("name: slack-" + project.substring(18) + "\n")
        .contains("name: slack-" + project.substring(18) + "-credentials\n");
    assertThat(both.err()).contains("note: project " + other + " has no integrations");

    CommandRun unknown = export("--project", "0123456789abcdef01234567");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("error: project 0123456789abcdef01234567 could not be read");
    assertThat(export("--project", "nope").exit()).isEqualTo(2);
    assertThat(CommandRun.of("export", "--project", project).err()).contains("--api-url");
  }

  private static CommandRun export(String... more) {
    List<String> args = new ArrayList<>(List.of("export", "--api-url", sim.baseUrl(), "--public-key", PUBLIC_KEY,
        "--private-key-file", privateKeyFile.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static CommandRun plan(Path file) {
    return CommandRun.of("plan", "-f", file.toString(), "--api-url", sim.baseUrl(), "--public-key", PUBLIC_KEY,
        "--private-key-file", privateKeyFile.toString());
  }

  private static void assertReadOnly() {
    assertThat(sim.journal().entries()).isNotEmpty().extracting(JournalEntry::method).containsOnly("GET");
    sim.journal().clear();
  }

  private static void assertNoSecretIn(CommandRun... runs) {
    List<String> texts = Arrays.stream(runs).map(CommandRun::all).toList();
    assertThat(LeakScanner.scan(Fixtures.SECRET_VALUES, texts)).isEmpty();
  }

}
