package io.mdbops.integrations.cli;

import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.Main;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.sandbox.Examples;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sandbox --exit-when-ready}, in process: exit codes, what it prints and where the examples land. */
class SandboxCommandTest {

  private static final Path EXAMPLES = Path.of("deploy", "examples");

  private record Run(int exitCode, String out, String err) {}

  private static Run sandbox(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = Stream.concat(Stream.of("sandbox"), Arrays.stream(args)).toArray(String[]::new);
    int code = cli.execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyExampleBecomesReadyAndTheExitCodeIsZero() throws Exception {
    Run run = sandbox("--exit-when-ready=30s");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("All 8 examples are Ready.");
    for (IntegrationType type : ProductSupport.offeredTypes(Product.OPS_MANAGER)) {
      assertThat(run.out()).containsPattern("API PUT\\s+5e2211c17a3e5a48f5497de3 " + type + " -> 200");
      assertThat(run.out()).containsPattern("demo/\\S+\\s+" + type + "\\s+True\\s+Synced");
    }
    assertThat(run.out()).contains("kubectl --cache-dir=").containsPattern("apply -f \\S+/examples/slack.yaml").doesNotContain("apply -f deploy/examples")
        .contains("export KUBECONFIG=");
    // never a token: the console shows names, types and statuses only
    for (Examples.Example e : Examples.fromPath(EXAMPLES).all()) {
      e.secrets().forEach(s -> s.getStringData().values().forEach(v -> assertThat(run.out()).doesNotContain(v)));
    }
  }

  @Test
  void withoutItsOperatorTheSandboxPrintsTheRunCommandForYourOwn() {
    Run run = sandbox("--no-operator", "--exit-when-ready=1s");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("no operator...").contains("Operator        not started (--no-operator)")
        .containsPattern("KUBECONFIG=\\S+/kubeconfig java -jar target/integrations-operator.jar run"
            + " --allowed-base-urls http://127\\.0\\.0\\.1:\\d+ --leader-election false --http-port 8081")
        .doesNotContain("API PUT").doesNotContain("Metrics ");
  }

  @Test
  void anOutageRehearsedWithFaultFlagsStillEndsReady() {
    Run run = sandbox("--exit-when-ready=60s", "--fail-rate", "5xx=0.3", "--rate-limit-rate", "0.1",
        "--reset-rate", "0.05", "--latency", "5ms..30ms", "--nonce-ttl", "2s");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("All 8 examples are Ready.");
    // the outage was real: some writes failed before they landed
    assertThat(run.out()).containsPattern("API PUT\\s+\\S+ \\S+ -> (5\\d\\d|429|no response)");
  }

  @Test
  void faultFlagsAreValidated() {
    assertThat(sandbox("--fail-rate", "200=0.5").exitCode()).isEqualTo(2);
    assertThat(sandbox("--reset-rate", "1.5").exitCode()).isEqualTo(2);
    assertThat(sandbox("--latency", "50ms..10ms").exitCode()).isEqualTo(2);
  }

  @Test
  void aBrokenExampleMakesItExitNonZeroNamingTheResourceAndItsReason(@TempDir Path dir) throws Exception {
    copyExamples(dir);
    Path slack = dir.resolve("slack.yaml");
    String text = Files.readString(slack);
    Files.writeString(slack, text.substring(text.indexOf("---") + 3)); // drop its token Secret

    Run run = sandbox("--examples", dir.toString(), "--exit-when-ready=6s");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("Not every example became Ready within 6s:")
        .contains("demo/slack (SLACK): Ready=False, reason SecretNotFound: Secret demo/slack-token does not exist");
    assertThat(run.out().lines().filter(l -> l.startsWith("  demo/"))).hasSize(1);
  }

  @Test
  void apiUrlWritesTheExamplesIntoThatApisProject(@TempDir Path dir) throws Exception {
    try (ApiSimulator real = ApiSimulator.start(SimulatorOptions.defaults())) {
      String project = real.addProject();
      real.addApiKey("real-public", "real-private-key-0123456789");
      Path keyFile = dir.resolve("private-key");
      Files.writeString(keyFile, "real-private-key-0123456789\n");

      Run run = sandbox("--api-url", real.baseUrl(), "--public-key", "real-public",
          "--private-key-file", keyFile.toString(), "--project-id", project, "--exit-when-ready=30s");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(real.storedAll(project).keySet()).containsExactlyInAnyOrderElementsOf(
          ProductSupport.offeredTypes(Product.OPS_MANAGER).stream().map(Enum::name).toList());
      assertThat(real.stored(project, "PROMETHEUS").orElseThrow()).containsEntry("username", "prom_user_" + project);
      List<JournalEntry> puts = real.journal().entries(e -> "PUT".equals(e.method()));
      assertThat(puts).hasSize(ProductSupport.offeredTypes(Product.OPS_MANAGER).size())
          .allMatch(e -> project.equals(e.projectId()) && "real-public".equals(e.publicKey()));
      assertThat(run.out()).contains("re-targeted to project(s) " + project).doesNotContain("real-private-key");
    }
  }

  @Test
  void atlasWithAServiceAccountAppliesTheAtlasExamplesToo() {
    Run run = sandbox("--api", "atlas-v2", "--service-account", "--exit-when-ready=30s");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("All 9 examples are Ready.")
        .containsPattern("API POST\\s+5e2211c17a3e5a48f5497de3 NEW_RELIC -> 200")
        .containsPattern("demo/prometheus\\s+PROMETHEUS\\s+True\\s+Synced")
        .doesNotContain("mdb_sa_sk_");
  }

  @Test
  void apiUrlWithAServiceAccountOnAtlas(@TempDir Path dir) throws Exception {
    try (ApiSimulator atlas = ApiSimulator.start(SimulatorOptions.builder().api(ApiGeneration.ATLAS_V2).build())) {
      String project = atlas.addProject();
      atlas.addServiceAccount("mdb_sa_id_real", "mdb_sa_sk_real-secret-0123456789");
      Path secretFile = dir.resolve("client-secret");
      Files.writeString(secretFile, "mdb_sa_sk_real-secret-0123456789\n");

      Run run = sandbox("--api-url", atlas.baseUrl(), "--api", "atlas-v2", "--client-id", "mdb_sa_id_real",
          "--client-secret-file", secretFile.toString(), "--project-id", project, "--exit-when-ready=30s");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(atlas.storedAll(project).keySet()).containsExactlyInAnyOrderElementsOf(
          ProductSupport.offeredTypes(Product.ATLAS).stream().map(Enum::name).toList());
      assertThat(atlas.journal().entries(e -> "POST".equals(e.method()) && project.equals(e.projectId())))
          .hasSize(ProductSupport.offeredTypes(Product.ATLAS).size())
          .allMatch(e -> "mdb_sa_id_real".equals(e.publicKey()) && e.status() == 200);
      assertThat(run.out()).doesNotContain("real-secret");
    }
  }

  @Test
  void aServiceAccountNeedsBothHalvesAndNotAKeyPairToo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "s");
    Run half = sandbox("--api-url", "https://cloud.mongodb.com", "--client-id", "id", "--project-id",
        "0123456789abcdef01234567", "--exit-when-ready");
    assertThat(half.exitCode()).isEqualTo(2);
    assertThat(half.err()).contains("--client-id needs --client-secret-file");
    Run both = sandbox("--api-url", "https://cloud.mongodb.com", "--client-id", "id", "--client-secret-file",
        file.toString(), "--public-key", "p", "--private-key-file", file.toString(), "--exit-when-ready");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("not both");
    assertThat(sandbox("--api", "atlas-v3", "--exit-when-ready").err()).contains("public-v1, atlas-v2");
  }

  @Test
  void apiUrlNeedsItsCompanionsAndTheyNeedIt() {
    assertThat(sandbox("--api-url", "https://cloud.mongodb.com", "--exit-when-ready").exitCode()).isEqualTo(2);
    Run alone = sandbox("--public-key", "x", "--exit-when-ready");
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("go with --api-url");
    Run badProject = sandbox("--api-url", "https://cloud.mongodb.com", "--public-key", "p",
        "--private-key-file", "nowhere", "--project-id", "not-a-project", "--exit-when-ready");
    assertThat(badProject.err()).contains("--project-id");
  }

  private static void copyExamples(Path target) throws Exception {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
  }
}
