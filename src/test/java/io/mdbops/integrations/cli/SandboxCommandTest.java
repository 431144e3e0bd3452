package io.mdbops.integrations.cli;

import io.mdbops.integrations.mapping.ProductSupport;
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
