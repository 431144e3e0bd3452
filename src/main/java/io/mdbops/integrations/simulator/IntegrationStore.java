package io.mdbops.integrations.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The integrations of every project, one per (project, type), unmasked. Each stored integration is
 * a full API object including {@code type}. A write may become visible to reads only later
 * (read-after-write delay); until then reads see the previous version, if any. Thread-safe: each
 * project is locked while it is read or written.
 */
final class IntegrationStore {

  /** One stored integration; {@code previous} is what reads see before {@code visibleFrom}. */
  private record Entry(Map<String, Object> fields, Instant visibleFrom, Map<String, Object> previous) {

    Map<String, Object> visibleAt(Instant now) {
      return now.isBefore(visibleFrom) ? previous : fields;
    }
  }

  /** The integrations of one project, by type, in the order they were first written. */
  private static final class Project {
    final Map<String, Entry> entries = new LinkedHashMap<>();
  }

  private final Map<String, Project> projects = new ConcurrentHashMap<>();

  boolean addProject(String projectId) {
    return projects.putIfAbsent(projectId, new Project()) == null;
  }

  boolean removeProject(String projectId) {
    return projects.remove(projectId) != null;
  }

  boolean hasProject(String projectId) {
    return projects.containsKey(projectId);
  }

  Set<String> projectIds() {
    return Collections.unmodifiableSet(new TreeSet<>(projects.keySet()));
  }

  /** What is stored now, visible or not. */
  Optional<Map<String, Object>> stored(String projectId, String type) {
    return locked(projectId, p -> Optional.ofNullable(p.entries.get(type)).map(e -> copy(e.fields)));
  }

  /** Every stored integration of the project, by type, visible or not. */
  Map<String, Map<String, Object>> storedAll(String projectId) {
    return locked(projectId, p -> {
      Map<String, Map<String, Object>> all = new LinkedHashMap<>();
      p.entries.forEach((type, e) -> all.put(type, copy(e.fields)));
      return all;
    });
  }

  /** What a read at {@code now} sees of one type. */
  Optional<Map<String, Object>> visible(String projectId, String type, Instant now) {
    return locked(projectId, p ->
        Optional.ofNullable(p.entries.get(type)).map(e -> e.visibleAt(now)).map(IntegrationStore::copy));
  }

  /** What a read at {@code now} sees of the whole project. */
  List<Map<String, Object>> visibleAll(String projectId, Instant now) {
    return locked(projectId, p -> {
      List<Map<String, Object>> all = new ArrayList<>();
      p.entries.values().stream().map(e -> e.visibleAt(now)).filter(f -> f != null).map(IntegrationStore::copy)
          .forEach(all::add);
      return all;
    });
  }

  /**
   * Replaces the integration of {@code type} with what {@code update} computes from the stored one
   * (empty when absent), atomically for the project. {@code update} may throw to refuse the write.
   */
  void write(String projectId, String type, Instant visibleFrom,
      Function<Optional<Map<String, Object>>, Map<String, Object>> update) {
    locked(projectId, p -> {
      Entry current = p.entries.get(type);
      Map<String, Object> next = copy(update.apply(Optional.ofNullable(current).map(e -> copy(e.fields))));
      Map<String, Object> previous = current == null ? null : current.visibleAt(visibleFrom.minusNanos(1));
      p.entries.put(type, new Entry(next, visibleFrom, previous));
      return null;
    });
  }

  boolean remove(String projectId, String type) {
    return locked(projectId, p -> p.entries.remove(type) != null);
  }

  private <T> T locked(String projectId, Function<Project, T> action) {
    Project project = projects.get(projectId);
    if (project == null) {
      throw new IllegalArgumentException("no project " + projectId);
    }
    synchronized (project) {
      return action.apply(project);
    }
  }

  private static Map<String, Object> copy(Map<String, Object> fields) {
    return fields == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
