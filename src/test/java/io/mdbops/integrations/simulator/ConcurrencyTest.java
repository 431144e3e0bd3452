package io.mdbops.integrations.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads through one Digest client, as the operator's reconcile workers will share one. */
class ConcurrencyTest {

  static final int THREADS = 8;
  static final int REQUESTS_PER_THREAD = 50;

  /** A type per thread and a field each thread rewrites (any hex string is valid for them). */
  static final List<Map.Entry<String, String>> TYPES = List.of(
      Map.entry("PAGER_DUTY", "serviceKey"), Map.entry("SLACK", "teamName"), Map.entry("DATADOG", "apiKey"),
      Map.entry("OPS_GENIE", "apiKey"), Map.entry("VICTOR_OPS", "routingKey"), Map.entry("WEBHOOK", "secret"),
      Map.entry("PROMETHEUS", "username"), Map.entry("NEW_RELIC", "accountId"));

  @Test
  void eightThreadsTimesFiftyRequestsAllSucceedAndStorageIsConsistent() throws Exception {
    try (SimFixture f = SimFixture.start()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Map<String, Object>>> lastWrites = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        lastWrites.add(pool.submit(() -> run(f, thread)));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

      for (int t = 0; t < THREADS; t++) {
        String type = TYPES.get(t).getKey();
        assertThat(f.sim.stored(f.project, type)).contains(lastWrites.get(t).get());
      }
      assertThat(f.api.get(f.list()).json().get("totalCount").asInt()).isEqualTo(THREADS);
      List<JournalEntry> served = f.sim.journal().entries(JournalEntry::authenticated);
      assertThat(served).hasSize(THREADS * REQUESTS_PER_THREAD + 1).allMatch(e -> e.status() == 200);
      assertThat(f.sim.journal().count(e -> !e.authenticated())).as("challenges").isBetween(1L, 2L * THREADS);
    }
  }

  private static Map<String, Object> run(SimFixture f, int thread) {
    TypeCase c = TypeCase.of(TYPES.get(thread).getKey());
    String field = TYPES.get(thread).getValue();
    Map<String, Object> last = null;
    for (int i = 0; i < REQUESTS_PER_THREAD / 2; i++) {
      Map<String, Object> body = c.with(field, String.format("%08x%024x", thread, i));
      Reply put = f.api.put(f.path(c.type()), body);
      assertThat(put.code()).as(put.toString()).isEqualTo(200);
      last = body;
      Reply get = f.api.get(f.path(c.type()));
      assertThat(get.code()).as(get.toString()).isEqualTo(200);
      assertThat(get.json().get("type").asText()).isEqualTo(c.type());
      assertThat(f.sim.stored(f.project, c.type())).contains(body);
    }
    return last;
  }
}
