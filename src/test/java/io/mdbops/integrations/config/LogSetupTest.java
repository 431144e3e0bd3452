package io.mdbops.integrations.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `--log-format=json` gives one JSON object per line with the field names log pipelines expect, the
 * resource and reconcile id from MDC, and never a plain line in between.
 */
class LogSetupTest {

  @Test
  void jsonLinesCarryLevelLoggerMessageAndMdc() throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dlogback.configurationFile=src/main/resources/logback.xml",
        JsonLogProbe.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    JsonNode line = null;
    for (String l : out.split("\n")) {
      if (l.contains("PUT SLACK in project")) {
        line = new ObjectMapper().readTree(l);
      }
    }
    assertThat(line).as(out).isNotNull();
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("logger_name").asText()).isEqualTo("probe");
    assertThat(line.get("message").asText()).isEqualTo("PUT SLACK in project 5e22: Created in 12 ms");
    assertThat(java.time.OffsetDateTime.parse(line.get("@timestamp").asText())).isNotNull();
    assertThat(line.get("resource.namespace").asText()).isEqualTo("payments");
    assertThat(line.get("reconcileId").asText()).isEqualTo("7");
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        assertThat(new ObjectMapper().readTree(l).isObject()).as("a JSON object: %s", l).isTrue();
      }
    }
  }

  /** Runs in its own JVM: LogSetup reconfigures the process-wide logging. */
  public static final class JsonLogProbe {
    public static void main(String[] args) {
      LogSetup.fromCommandLine(java.util.List.of("run", "--log-format", "json"), name -> null);
      org.slf4j.MDC.put("resource.namespace", "payments");
      org.slf4j.MDC.put("reconcileId", "7");
      org.slf4j.LoggerFactory.getLogger("probe").info("PUT {} in project {}: {} in {} ms", "SLACK", "5e22", "Created", 12);
    }
  }
}
