package io.mdbops.integrations.sync;

import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live integrations of each project, read with one list call shared by every resource of that
 * project (single flight: concurrent readers of a stale project wait for one request). A write's
 * response, which lists the whole project, replaces the snapshot.
 */
public final class ProjectSnapshots {

  /** Reads a project's integrations from the API. */
  @FunctionalInterface
  public interface Reader {
    List<IntegrationView> list() throws ApiException;
  }

  private final ConcurrentMap<ProjectKey, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public ProjectSnapshots(Clock clock) {
    this.clock = clock;
  }

  /** The snapshot if it is at most {@code maxAge} old, else a fresh read (shared with others). */
  public ProjectSnapshot get(ProjectKey key, Reader reader, Duration maxAge) throws ApiException {
    Entry entry = entry(key);
    ProjectSnapshot current = entry.snapshot;
    if (current != null && !current.readAt().plus(maxAge).isBefore(clock.instant())) {
      return current;
    }
    return entry.read(reader);
  }

  /** A fresh read, or the result of one already in flight. */
  public ProjectSnapshot refresh(ProjectKey key, Reader reader) throws ApiException {
    return entry(key).read(reader);
  }

  /** Replaces the snapshot with what a write's response listed. */
  public ProjectSnapshot replace(ProjectKey key, List<IntegrationView> integrations) {
    return entry(key).replace(new ProjectSnapshot(integrations, clock.instant()));
  }

  /** Forgets the snapshot (after a failed write the live state is uncertain). */
  public void invalidate(ProjectKey key) {
    Entry entry = entries.get(key);
    if (entry != null) {
      entry.invalidate();
    }
  }

  public void forget(ProjectKey key) {
    entries.remove(key);
  }

  private Entry entry(ProjectKey key) {
    return entries.computeIfAbsent(key, k -> new Entry());
  }

  private final class Entry {
    private volatile ProjectSnapshot snapshot;
    private CompletableFuture<ProjectSnapshot> inFlight;
    // bumped by every replace/invalidate so a read that started earlier cannot overwrite newer state
    private long version;

    ProjectSnapshot read(Reader reader) throws ApiException {
      CompletableFuture<ProjectSnapshot> future;
      long startVersion;
      synchronized (this) {
        if (inFlight != null) {
          future = inFlight;
          startVersion = -1;
        } else {
          future = new CompletableFuture<>();
          inFlight = future;
          startVersion = version;
        }
      }
      if (startVersion < 0) {
        return await(future);
      }
      try {
        ProjectSnapshot fresh = new ProjectSnapshot(reader.list(), clock.instant());
        synchronized (this) {
          if (version == startVersion) {
            snapshot = fresh;
          }
          inFlight = null;
        }
        future.complete(fresh);
        return fresh;
      } catch (ApiException | RuntimeException e) {
        synchronized (this) {
          inFlight = null;
        }
        future.completeExceptionally(e);
        throw e;
      }
    }

    synchronized ProjectSnapshot replace(ProjectSnapshot fresh) {
      version++;
      snapshot = fresh;
      return fresh;
    }

    synchronized void invalidate() {
      version++;
      snapshot = null;
    }

    private ProjectSnapshot await(CompletableFuture<ProjectSnapshot> future) throws ApiException {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof ApiException api) {
          throw api;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw e;
      }
    }
  }
}
