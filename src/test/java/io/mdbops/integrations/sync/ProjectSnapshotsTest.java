package io.mdbops.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProjectSnapshotsTest {

  static final ProjectKey KEY = new ProjectKey("https://cloud.mongodb.com", "pub", "5e2211c17a3e5a48f5497de3");
  static final Duration TTL = Duration.ofMinutes(5);

  final MutableClock clock = new MutableClock();
  final ProjectSnapshots snapshots = new ProjectSnapshots(clock);

  static List<IntegrationView> list(String type) {
    return List.of(new IntegrationView(type, Map.of()));
  }

  @Test
  void concurrentReadersOfOneProjectShareOneRead() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<ProjectSnapshot>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(pool.submit(() -> snapshots.get(KEY, () -> {
          reads.incrementAndGet();
          await(release);
          return list("SLACK");
        }, TTL)));
      }
      Thread.sleep(200); // let every reader reach the single flight
      release.countDown();
      for (Future<ProjectSnapshot> r : results) {
        assertThat(r.get(5, TimeUnit.SECONDS).ofType("SLACK")).isPresent();
      }
      assertThat(reads).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFreshSnapshotIsServedFromCacheAndAStaleOneIsReread() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    ProjectSnapshots.Reader reader = () -> {
      reads.incrementAndGet();
      return list("SLACK");
    };
    snapshots.get(KEY, reader, TTL);
    clock.advance(TTL);
    snapshots.get(KEY, reader, TTL);
    assertThat(reads).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    snapshots.get(KEY, reader, TTL);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aWriteResponseReplacesTheSnapshotAndBeatsAnOlderReadStillInFlight() throws Exception {
    CountDownLatch readStarted = new CountDownLatch(1);
    CountDownLatch finishRead = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<ProjectSnapshot> slowRead = pool.submit(() -> snapshots.refresh(KEY, () -> {
        readStarted.countDown();
        await(finishRead);
        return list("OLD");
      }));
      readStarted.await();
      snapshots.replace(KEY, list("NEW"));
      finishRead.countDown();
      slowRead.get(5, TimeUnit.SECONDS);
      ProjectSnapshot current = snapshots.get(KEY, () -> {
        throw new AssertionError("must be served from the write's response");
      }, TTL);
      assertThat(current.ofType("NEW")).isPresent();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedReadIsNotCachedAndReachesTheCaller() throws Exception {
    ApiException boom = new ApiException(ApiException.Kind.SERVER, 503, null, null, null, null, "HTTP 503");
    assertThatThrownBy(() -> snapshots.get(KEY, () -> {
      throw boom;
    }, TTL)).isSameAs(boom);
    assertThat(snapshots.get(KEY, () -> list("SLACK"), TTL).ofType("SLACK")).isPresent();
  }

  @Test
  void invalidateForcesTheNextReader() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    ProjectSnapshots.Reader reader = () -> {
      reads.incrementAndGet();
      return list("SLACK");
    };
    snapshots.get(KEY, reader, TTL);
    snapshots.invalidate(KEY);
    snapshots.get(KEY, reader, TTL);
    assertThat(reads).hasValue(2);
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-29T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
