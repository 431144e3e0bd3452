package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox with each API generation and each kind of credentials (as {@code sandbox --api
 * atlas-v2 --service-account} runs it): every example becomes Ready — on Atlas the Atlas variants
 * of {@code deploy/examples/atlas/} too — and at rest each resync reads the project once and writes
 * nothing.
 */
class SandboxApiGenerationsTest {

  private static final Duration RESYNC = Duration.ofSeconds(1);

  record Combination(String name, ApiGeneration api, boolean serviceAccount) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Combination> combinations() {
    return Stream.of(
        new Combination("v1.0 + Digest", ApiGeneration.PUBLIC_V1, false),
        new Combination("v1.0 + OAuth on Cloud Manager", ApiGeneration.PUBLIC_V1, true),
        new Combination("v2 + Digest", ApiGeneration.ATLAS_V2, false),
        new Combination("v2 + OAuth", ApiGeneration.ATLAS_V2, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("combinations")
  void everyExampleConvergesAndTheRestIsReadOnlyOncePerResync(Combination c) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    SandboxSettings settings = SandboxSettings.builder().resyncInterval(RESYNC)
        .simulator(b -> b.api(c.api()), List.of()).serviceAccount(c.serviceAccount()).build();
    try (Sandbox sandbox = Sandbox.start(settings, lines::add)) {
      Product product = c.api() == ApiGeneration.ATLAS_V2 ? Product.ATLAS : Product.CLOUD_MANAGER;
      int types = ProductSupport.offeredTypes(product).size();
      assertThat(sandbox.exampleKeys()).as(String.join("\n", lines)).hasSize(types);
      sandbox.awaitExamplesReady(Duration.ofSeconds(30));
      assertThat(sandbox.table().allReady(sandbox.exampleKeys())).as(String.join("\n", lines)).isTrue();
      assertThat(sandbox.refusals()).isEmpty();
      String project = Examples.DEMO_PROJECT;
      assertThat(sandbox.simulator().storedAll(project)).hasSize(types);

      // at rest: three more resyncs, one list each, spaced by the interval, and no write among them
      long writes = writes(sandbox, project);
      int listsBefore = lists(sandbox, project).size();
      await().atMost(Duration.ofSeconds(15)).until(() -> lists(sandbox, project).size() >= listsBefore + 3);
      List<JournalEntry> atRest = lists(sandbox, project).subList(listsBefore, listsBefore + 3);
      for (int i = 1; i < atRest.size(); i++) {
        assertThat(Duration.between(atRest.get(i - 1).time(), atRest.get(i).time()))
            .as("one list per resync, not one per resource").isGreaterThan(RESYNC.multipliedBy(7).dividedBy(10));
      }
      assertThat(writes(sandbox, project)).as("no write at rest").isEqualTo(writes);
      assertThat(sandbox.writes()).hasSize(types);
      if (c.serviceAccount()) {
        assertThat(sandbox.simulator().journal().entries(e -> e.path().equals("/api/oauth/token"))).hasSize(1);
      }
    }
  }

  private static List<JournalEntry> lists(Sandbox sandbox, String project) {
    return sandbox.simulator().journal().entries(e -> project.equals(e.projectId()) && e.method().equals("GET")
        && e.type() == null && e.status() == 200);
  }

  private static long writes(Sandbox sandbox, String project) {
    return sandbox.simulator().journal().count(e -> project.equals(e.projectId())
        && (e.method().equals("PUT") || e.method().equals("POST")) && e.status() == 200);
  }
}
