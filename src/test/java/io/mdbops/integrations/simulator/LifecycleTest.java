package io.mdbops.integrations.simulator;

import io.mdbops.integrations.opsmanager.Product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void bindsLoopbackOnAnEphemeralOrAGivenPort() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    try (ApiSimulator ephemeral = ApiSimulator.start(SimulatorOptions.defaults());
        ApiSimulator fixed = ApiSimulator.start(SimulatorOptions.builder().port(free).build())) {
      assertThat(ephemeral.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
      assertThat(fixed.baseUrl()).isEqualTo("http://127.0.0.1:" + free);
      assertThatThrownBy(fixed::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closeIsPromptEvenWithARequestInFlight() throws Exception {
    SimFixture f = SimFixture.start();
    String baseUrl = f.sim.baseUrl();
    f.api.get(f.list());
    f.sim.faults().setLatency(Duration.ofSeconds(10));
    CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> f.api.get(f.list()));
    Thread.sleep(100);

    long started = System.nanoTime();
    f.sim.close();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThatThrownBy(() -> inFlight.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(UncheckedIOException.class);
    try (SimulatorClient late = SimulatorClient.anonymous(baseUrl)) {
      assertThatThrownBy(() -> late.get(f.list())).isInstanceOf(UncheckedIOException.class);
    }
    f.api.close();
  }

  @Test
  void optionsAndAdminInputsAreChecked() {
    assertThatThrownBy(() -> SimulatorOptions.builder().writeStatus(202).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorOptions.builder().deleteStatus(404).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorOptions.builder().acceptedTypes(java.util.Set.of("FLOWDOCK")).build())
        .isInstanceOf(IllegalArgumentException.class);
    try (ApiSimulator sim = ApiSimulator.start(SimulatorOptions.defaults())) {
      assertThatThrownBy(() -> sim.addProject("xyz")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> sim.stored("5e2211c17a3e5a48f5497de3", "SLACK"))
          .isInstanceOf(IllegalArgumentException.class);
      String project = sim.addProject();
      assertThat(sim.projects()).containsExactly(project);
      sim.putStored(project, "SLACK", Map.of("apiToken", "t0k3n-abcdef", "teamName", "T"));
      assertThat(sim.stored(project, "SLACK")).contains(Map.of("type", "SLACK", "apiToken", "t0k3n-abcdef",
          "teamName", "T"));
      assertThat(sim.removeProject(project)).isTrue();
      assertThat(sim.projects()).isEmpty();
    }
  }

  @Test
  void defaultsMatchTheDocumentedApi() {
    SimulatorOptions defaults = SimulatorOptions.defaults();

    assertThat(defaults.product()).isEqualTo(Product.CLOUD_MANAGER);
    assertThat(defaults.acceptedTypes()).containsExactlyInAnyOrderElementsOf(ProductTypes.COMMON_TYPES);
    assertThat(ProductTypes.accepted(Product.OPS_MANAGER)).containsAll(ProductTypes.COMMON_TYPES).contains("HIP_CHAT").hasSize(10);
    assertThat(defaults.putSemantics()).isEqualTo(PutSemantics.REPLACE);
    assertThat(defaults.writeStatus()).isEqualTo(200);
    assertThat(defaults.deleteStatus()).isEqualTo(204);
    assertThat(defaults.nonceTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.readAfterWriteDelay()).isZero();
    assertThat(defaults.rateLimit()).isZero();
    assertThat(defaults.rejectMaskedValues()).isTrue();
    assertThat(defaults.tls()).isFalse();
  }
}
