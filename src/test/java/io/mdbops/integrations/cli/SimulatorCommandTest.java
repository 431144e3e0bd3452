package io.mdbops.integrations.cli;

import io.mdbops.integrations.opsmanager.Product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.simulator.ApiSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code simulator}: what it seeds and prints, and that what it prints works. */
class SimulatorCommandTest {

  private static SimulatorCommand parse(String... args) {
    SimulatorCommand command = new SimulatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void printsAConnectionSecretThatReachesTheSeededProject() throws Exception {
    SimulatorCommand command = parse("--port", "0", "--latency", "5ms");
    StringWriter out = new StringWriter();
    try (ApiSimulator sim = command.start(new PrintWriter(out, true))) {
      String printed = out.toString();
      assertThat(printed).contains("project id   " + SimulatorCommand.DEMO_PROJECT)
          .contains("curl --digest -u simulator:").contains(sim.baseUrl() + "/api/public/v1.0/groups/");
      Secret secret = new ObjectMapper(new YAMLFactory()).readValue(
          printed.substring(printed.indexOf("---") + 3, printed.lastIndexOf("---")), Secret.class);
      Map<String, String> keys = secret.getStringData();
      assertThat(keys).containsEntry("publicKey", "simulator").containsEntry("baseUrl", sim.baseUrl());
      assertThat(sim.projects()).containsExactly(SimulatorCommand.DEMO_PROJECT);

      try (OkHttpIntegrationsApiFactory factory = new OkHttpIntegrationsApiFactory()) {
        var api = factory.create(new ApiConnection(URI.create(keys.get("baseUrl")), keys.get("publicKey"),
            keys.get("privateKey"), null));
        api.put(SimulatorCommand.DEMO_PROJECT, new IntegrationPayload("PAGER_DUTY",
            Map.of("serviceKey", "0123456789abcdef"), Set.of("serviceKey")));
        assertThat(api.list(SimulatorCommand.DEMO_PROJECT)).singleElement()
            .satisfies(v -> assertThat(v.field("serviceKey")).isEqualTo("************cdef"));
      }
    }
  }

  @Test
  void tlsPutsTheCaIntoTheSecretAndOptionsReachTheSimulator() throws Exception {
    SimulatorCommand command = parse("--port", "0", "--tls", "--product", "OPS_MANAGER",
        "--project-id", "0123456789abcdef01234567", "--public-key", "me", "--private-key", "fixed-key",
        "--fail-rate", "5xx=0.25", "--fail-rate", "429=0.1");
    StringWriter out = new StringWriter();
    try (ApiSimulator sim = command.start(new PrintWriter(out, true))) {
      assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
      assertThat(sim.options().product()).isEqualTo(Product.OPS_MANAGER);
      assertThat(sim.projects()).containsExactly("0123456789abcdef01234567");
      assertThat(sim.apiKey("me").orElseThrow().privateKey()).isEqualTo("fixed-key");
      assertThat(sim.faults().rules()).extracting(r -> r.status()).containsExactly(500, 429);
      assertThat(out.toString()).contains("  ca.crt: |").contains("    -----BEGIN CERTIFICATE-----")
          .contains("--cacert ");
    }
  }

  @Test
  void theBannerNamesTheNonDefaultModesInOneLine() throws Exception {
    StringWriter changed = new StringWriter();
    try (ApiSimulator sim = parse("--port", "0", "--put-semantics", "merge",
        "--secret-mask", "full", "--url-mask", "host").start(new PrintWriter(changed, true))) {
      assertThat(changed.toString().lines().filter(l -> l.contains("modes")))
          .containsExactly("  modes        putSemantics=merge, secretMask=full");
    }
    StringWriter plain = new StringWriter();
    try (ApiSimulator sim = parse("--port", "0", "--product", "ops-manager").start(new PrintWriter(plain, true))) {
      assertThat(plain.toString()).startsWith("API simulator (Ops Manager) on ")
          .contains("  modes        product=ops-manager\n");
    }
    StringWriter defaults = new StringWriter();
    try (ApiSimulator sim = parse("--port", "0").start(new PrintWriter(defaults, true))) {
      assertThat(defaults.toString()).doesNotContain("modes");
    }
  }

  @Test
  void badValuesAreRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> parse("--fail-rate", "500=2").faultRules())
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--fail-rate");
    assertThatThrownBy(() -> parse("--fail-rate", "200=0.1").faultRules())
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--project-id", "XYZ").options())
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--project-id");
  }
}
