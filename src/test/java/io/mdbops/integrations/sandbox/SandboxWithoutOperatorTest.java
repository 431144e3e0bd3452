package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.simulator.RequestJournal;
import io.mdbops.integrations.testing.OperatorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandbox --no-operator} with the user's own {@code run} pointed at its kubeconfig, as the
 * README describes: that operator converges the examples, and the sandbox still shows its writes.
 */
class SandboxWithoutOperatorTest {

  @TempDir
  Path logs;

  @Test
  void anOperatorRunAgainstTheSandboxsKubeconfigConvergesTheExamples() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (Sandbox sandbox = Sandbox.start(SandboxSettings.builder().withoutOperator().build(), lines::add)) {
      assertThat(sandbox.metricsUrl()).isNull();
      assertThat(sandbox.simulator().journal().count(RequestJournal.method("PUT"))).isZero();

      try (OperatorProcess run = OperatorProcess.start("own", logs, Map.of(
          "KUBECONFIG", sandbox.kubeconfig().toAbsolutePath().toString(),
          "INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS", sandbox.apiBaseUrl(),
          "INTEGRATIONS_OPERATOR_LEADER_ELECTION", "false",
          "INTEGRATIONS_OPERATOR_HTTP_PORT", "0"))) {
        assertThat(sandbox.awaitExamplesReady(Duration.ofSeconds(60)).values()).as(run.output())
            .allMatch(StatusTable.Row::isReady);
      }
      assertThat(lines.stream().filter(l -> l.matches(".*API PUT\\s+\\S+ \\S+ -> 200"))).as(String.join("\n", lines))
          .hasSize(sandbox.exampleKeys().size());
    }
  }
}
