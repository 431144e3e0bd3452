package io.mdbops.integrations.sync;

import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live integrations of each project, read with one list call shared by every resource of that
 * project (single flight: concurrent readers of a stale project wait for one request). A write's
 * response, which lists the whole project, replaces the snapshot.
 *
 * <p>A read refused for a reason only a person can fix (the key is refused, lacks the role, or the
 * project is gone) is remembered for a while and answered again to the passes that ask with the
 * same credentials, so a broken key costs one list per project and interval, not one per resource
 * and retry. New credentials, a successful read or a write forget it.
 */
public final class ProjectSnapshots {

  /** A read that failed, with the credentials it was made with. */
  private record Failure(ApiException error, Instant at, String credentials) {}

  /** How long a refused read answers for the project, unless the drift watch reads it again first. */
  static final Duration DEFAULT_FAILURE_REUSE = Duration.ofMinutes(5);

  /** Reads a project's integrations from the API. */
  @FunctionalInterface
  public interface Reader {
    List<IntegrationView> list() throws ApiException;
  }

  private final ConcurrentMap<ProjectKey, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration failureReuse;

  public ProjectSnapshots(Clock clock) {
    this(clock, DEFAULT_FAILURE_REUSE);
  }

  /** @param failureReuse how long a read refused for a person to fix is answered again */
  public ProjectSnapshots(Clock clock, Duration failureReuse) {
    this.clock = clock;
    this.failureReuse = failureReuse;
  }

  /** The snapshot if it is at most {@code maxAge} old, else a fresh read (shared with others). */
  public ProjectSnapshot get(ProjectKey key, Reader reader, Duration maxAge) throws ApiException {
    return get(key, "", reader, maxAge);
  }

  /**
   * As {@link #get(ProjectKey, Reader, Duration)}; a refused read made with the same {@code
   * credentials} is answered again instead of asking the API.
   */
  public ProjectSnapshot get(ProjectKey key, String credentials, Reader reader, Duration maxAge) throws ApiException {
    Entry entry = entry(key);
    Failure failure = entry.failure;
    if (failure != null && failure.credentials().equals(credentials) && needsAPerson(failure.error())
        && failure.at().plus(failureReuse).isAfter(clock.instant())) {
      throw failure.error();
    }
    ProjectSnapshot current = entry.snapshot;
    if (current != null && !current.readAt().plus(maxAge).isBefore(clock.instant())) {
      return current;
    }
    return entry.read(reader, credentials);
  }

  /** A fresh read, or the result of one already in flight. */
  public ProjectSnapshot refresh(ProjectKey key, Reader reader) throws ApiException {
    return refresh(key, "", reader);
  }

  /** A fresh read made with {@code credentials}, or the result of one already in flight. */
  public ProjectSnapshot refresh(ProjectKey key, String credentials, Reader reader) throws ApiException {
    return entry(key).read(reader, credentials);
  }

  /** Whether only a person can fix this: the key is refused or lacks the role, or the project is gone. */
  static boolean needsAPerson(ApiException e) {
    return switch (e.kind()) {
      case UNAUTHORIZED, FORBIDDEN, PROJECT_NOT_FOUND -> true;
      default -> false;
    };
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
    private volatile Failure failure;
    private CompletableFuture<ProjectSnapshot> inFlight;
    // bumped by every replace/invalidate so a read that started earlier cannot overwrite newer state
    private long version;

    ProjectSnapshot read(Reader reader, String credentials) throws ApiException {
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
          failure = null;
          inFlight = null;
        }
        future.complete(fresh);
        return fresh;
      } catch (ApiException | RuntimeException e) {
        synchronized (this) {
          if (e instanceof ApiException api && api.kind() != ApiException.Kind.THROTTLED) {
            failure = new Failure(api, clock.instant(), credentials);
          }
          inFlight = null;
        }
        future.completeExceptionally(e);
        throw e;
      }
    }

    synchronized ProjectSnapshot replace(ProjectSnapshot fresh) {
      version++;
      snapshot = fresh;
      failure = null;
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
