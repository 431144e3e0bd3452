package io.mdbops.integrations.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The requests the simulator answered, oldest first. Bounded: beyond its capacity the oldest
 * entries are dropped. Thread-safe.
 */
public final class RequestJournal {

  private final int capacity;
  private final Deque<JournalEntry> entries = new ArrayDeque<>();
  private long recorded;
  private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();

  RequestJournal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  void record(JournalEntry entry) {
    synchronized (this) {
      if (entries.size() == capacity) {
        entries.removeFirst();
      }
      entries.addLast(entry);
      recorded++;
    }
    listeners.forEach(l -> l.accept(entry));
  }

  /** Tells {@code listener} about every entry recorded from now on, on the answering thread. */
  public void onRecord(Consumer<JournalEntry> listener) {
    listeners.add(listener);
  }

  /** Every entry held, oldest first. */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** The entries held that match, oldest first. */
  public synchronized List<JournalEntry> entries(Predicate<? super JournalEntry> filter) {
    return entries.stream().filter(filter).toList();
  }

  public synchronized long count(Predicate<? super JournalEntry> filter) {
    return entries.stream().filter(filter).count();
  }

  public synchronized int size() {
    return entries.size();
  }

  /** How many requests were recorded since the last {@link #clear()}, dropped ones included. */
  public synchronized long recorded() {
    return recorded;
  }

  public synchronized Optional<JournalEntry> last() {
    return Optional.ofNullable(entries.peekLast());
  }

  public synchronized void clear() {
    entries.clear();
    recorded = 0;
  }

  /** Matches entries by method (case-insensitive). */
  public static Predicate<JournalEntry> method(String method) {
    return e -> e.method().equalsIgnoreCase(method);
  }

  /** Matches entries of one project. */
  public static Predicate<JournalEntry> project(String projectId) {
    return e -> projectId.equals(e.projectId());
  }

  /** Matches entries of one integration type. */
  public static Predicate<JournalEntry> type(String type) {
    return e -> type.equals(e.type());
  }
}
