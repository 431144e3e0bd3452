package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.simulator.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A real kubectl against the sandbox's kubeconfig: get, apply of an edited example, delete. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxKubectlTest {

  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path tmp;
  static Sandbox sandbox;
  static final List<String> lines = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl is not installed at " + KUBECTL);
    sandbox = Sandbox.start(SandboxSettings.defaults(), lines::add);
    assertThat(sandbox.awaitExamplesReady(WAIT).values()).allMatch(StatusTable.Row::isReady);
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  @Order(1)
  void getShowsTheExamplesReadyWithTheirPrinterColumns() throws Exception {
    JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(kubectl("get", "tpi", "-o", "yaml"));
    List<String> names = new ArrayList<>();
    for (JsonNode item : list.get("items")) {
      names.add(item.at("/metadata/name").asText());
      JsonNode ready = item.at("/status/conditions/0");
      assertThat(ready.get("type").asText()).isEqualTo("Ready");
      assertThat(ready.get("status").asText()).as(names.get(names.size() - 1)).isEqualTo("True");
      assertThat(ready.get("reason").asText()).isEqualTo("Synced");
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(
        sandbox.exampleKeys().stream().map(k -> k.substring(k.indexOf('/') + 1)).toList());

    String table = kubectl("get", "tpi");
    assertThat(table.lines().findFirst().orElseThrow())
        .containsSubsequence("NAME", "TYPE", "PROJECT", "READY", "REASON", "AGE");
    assertThat(table).containsPattern("slack\\s+SLACK\\s+5e2211c17a3e5a48f5497de3\\s+True\\s+Synced");
  }

  @Test
  @Order(2)
  void reApplyingAnEditedExampleMakesExactlyOnePut() throws Exception {
    String project = sandbox.examples().projectIds().iterator().next();
    Predicate<JournalEntry> slackPuts = e -> "PUT".equals(e.method()) && "SLACK".equals(e.type())
        && project.equals(e.projectId());
    long before = sandbox.simulator().journal().count(slackPuts);
    Path edited = tmp.resolve("slack.yaml");
    Files.writeString(edited, Files.readString(sandbox.examples().directory().resolve("slack.yaml"))
        .replace("\"#mongodb-alerts\"", "\"#payments-alerts\""), StandardCharsets.UTF_8);

    String applied = kubectl("apply", "-f", edited.toString());

    assertThat(applied).contains("secret/slack-token unchanged")
        .contains("thirdpartyintegration.integrations.mdbops.io/slack configured");
    ThirdPartyIntegration slack = awaitSlack(r -> r.getMetadata().getGeneration() == 2
        && r.getStatus().ready().filter(c -> c.getObservedGeneration() == 2 && "True".equals(c.getStatus()))
            .isPresent());
    assertThat(slack.getSpec().getSlack().getChannelName()).isEqualTo("#payments-alerts");
    assertThat(sandbox.simulator().stored(project, "SLACK").orElseThrow())
        .containsEntry("channelName", "#payments-alerts");
    Thread.sleep(500); // anything else the edit set off would show by now
    assertThat(sandbox.simulator().journal().count(slackPuts)).isEqualTo(before + 1);
    assertThat(lines).anyMatch(l -> l.matches(".*API PUT\\s+" + project + " SLACK -> 200"));
  }

  @Test
  @Order(3)
  void deleteRemovesTheIntegrationFromTheProject() throws Exception {
    String project = sandbox.examples().projectIds().iterator().next();
    kubectl("delete", "--wait=false", "tpi", "webhook");
    await().atMost(WAIT).until(() -> sandbox.simulator().stored(project, "WEBHOOK").isEmpty());
    await().atMost(WAIT).until(() -> sandbox.kube().client().resources(ThirdPartyIntegration.class)
        .inNamespace("demo").withName("webhook").get() == null);
    assertThat(lines).anyMatch(l -> l.matches(".*API DELETE " + project + " WEBHOOK -> 204"));
    assertThat(kubectl("get", "tpi")).doesNotContain("webhook");
  }

  private static ThirdPartyIntegration awaitSlack(Predicate<ThirdPartyIntegration> test) {
    ThirdPartyIntegration[] seen = new ThirdPartyIntegration[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
      seen[0] = sandbox.kube().client().resources(ThirdPartyIntegration.class)
          .inNamespace("demo").withName("slack").get();
      return seen[0] != null && seen[0].getStatus() != null && test.test(seen[0]);
    });
    return seen[0];
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(),
        "--kubeconfig=" + sandbox.kubeconfig(), "--cache-dir=" + sandbox.kubectlCache(), "--request-timeout=10s"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl %s:%n%s", String.join(" ", args), output).isZero();
    return output;
  }
}
