package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sandbox.Sandbox;
import io.mdbops.integrations.sandbox.SandboxSettings;
import io.mdbops.integrations.sandbox.StatusTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's kubectl walkthrough, run as written against a sandbox: every command succeeds, the
 * sandbox shows what the README says it shows, and the checkout is left exactly as it was.
 */
class ReadmeWalkthroughTest {

  static final Path README = Path.of("README.md");
  static final String SAMPLE_DIR = "/tmp/integrations-sandbox-1006";
  static final String SAMPLE_API = "http://127.0.0.1:44133";
  static final String PROJECT = "5e2211c17a3e5a48f5497de3";

  final List<String> lines = new CopyOnWriteArrayList<>();
  Sandbox sandbox;
  /** Lines before this one came before the walkthrough. */
  int mark;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void theWalkthroughWorksAsWrittenAndLeavesTheCheckoutAsItWas() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")), "needs kubectl at /usr/bin/kubectl");
    String before = gitStatus();
    sandbox = Sandbox.start(SandboxSettings.builder().resyncInterval(Duration.ofSeconds(2)).build(), lines::add);
    assertThat(sandbox.awaitExamplesReady(Duration.ofSeconds(30)).values()).allMatch(StatusTable.Row::isReady);
    String block = walkthrough();

    assertThat(block).as("the README starts with the lines the sandbox prints")
        .contains(String.join("\n", SandboxCommand.walkthroughSetup(sandbox)).replace(dir(), SAMPLE_DIR)
            .replace(sandbox.apiBaseUrl(), SAMPLE_API));

    mark = lines.size();
    Run run = bash(block.replace(SAMPLE_DIR, dir()).replace(SAMPLE_API, sandbox.apiBaseUrl()));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("thirdpartyintegration.integrations.mdbops.io/slack configured")
        .contains("unknown field \"spec.slack.teamname\"")
        .contains("thirdpartyintegration.integrations.mdbops.io \"webhook\" deleted");
    await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
      assertThat(writes("PUT", "SLACK")).as("the apply, then the drift correction").hasSize(2);
      assertThat(slack().getStatus().getDriftCorrections()).isEqualTo(1);
      assertThat(writes("DELETE", "WEBHOOK")).hasSize(1).allMatch(l -> l.endsWith("-> 204"));
      assertThat(sandbox.kube().client().resources(ThirdPartyIntegration.class).inNamespace("demo")
          .withName("webhook").get()).isNull();
    });
    assertThat(writes("PUT", "SLACK")).allMatch(l -> l.endsWith("-> 200"));
    assertThat(gitStatus()).as("git status after the walkthrough").isEqualTo(before);
  }

  private ThirdPartyIntegration slack() {
    return sandbox.kube().client().resources(ThirdPartyIntegration.class).inNamespace("demo").withName("slack").get();
  }

  private List<String> writes(String method, String type) {
    return lines.subList(mark, lines.size()).stream().filter(l -> l.matches(".*API " + method + "\\s+" + PROJECT + " " + type + " -> .*")).toList();
  }

  private String dir() {
    return sandbox.workDir().toAbsolutePath().toString();
  }

  /** The shell code between the walkthrough markers, without its fences. */
  static String walkthrough() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("<!-- walkthrough:start -->");
    int end = readme.indexOf("<!-- walkthrough:end -->");
    assertThat(start).as("README has the walkthrough markers").isNotNegative().isLessThan(end);
    return readme.substring(start, end).lines().filter(l -> !l.startsWith("```") && !l.startsWith("<!--"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  record Run(int exitCode, String output) {}

  static Run bash(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", "set -eo pipefail\nshopt -s expand_aliases\n" + script)
        .redirectErrorStream(true).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the walkthrough did not finish in 90 s");
    }
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** {@code git status --porcelain} of the checkout, or a note when this is not one. */
  static String gitStatus() throws IOException, InterruptedException {
    try {
      Process p = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : "(not a git checkout)";
    } catch (IOException noGit) {
      return "(no git)";
    }
  }
}
