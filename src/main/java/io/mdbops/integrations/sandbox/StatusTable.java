package io.mdbops.integrations.sandbox;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The resources' Ready condition as a table that grows one line each time a resource's row changes
 * (fed by an informer, so it prints on change, never on a timer), and a way to wait until a set of
 * resources is Ready for their current generation.
 */
public final class StatusTable implements ResourceEventHandler<ThirdPartyIntegration> {

  static final String FORMAT = "%-8s  %-28s  %-16s  %-5s  %-18s  %s";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int MESSAGE_WIDTH = 110;

  /** One resource's line: Ready is True, False, Unknown or "-" (no condition yet). */
  public record Row(String resource, String type, String ready, String reason, String message, boolean current) {

    /** Ready=True for the resource's current generation. */
    public boolean isReady() {
      return current && Condition.TRUE.equals(ready);
    }

    String format(String time) {
      String detail = Condition.TRUE.equals(ready) || message == null ? "" : shorten(message);
      return String.format(FORMAT, time, resource, type, ready, reason, detail).stripTrailing();
    }
  }

  private final Consumer<String> out;
  private final Map<String, Row> rows = new HashMap<>();

  public StatusTable(Consumer<String> out) {
    this.out = out;
  }

  /** The column headings, aligned with the rows. */
  public static String header() {
    return String.format(FORMAT, "TIME", "RESOURCE", "TYPE", "READY", "REASON", "MESSAGE").stripTrailing();
  }

  public static String key(ThirdPartyIntegration r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  @Override
  public void onAdd(ThirdPartyIntegration r) {
    update(r);
  }

  @Override
  public void onUpdate(ThirdPartyIntegration old, ThirdPartyIntegration r) {
    update(r);
  }

  @Override
  public synchronized void onDelete(ThirdPartyIntegration r, boolean deletedFinalStateUnknown) {
    Row gone = rows.remove(key(r));
    if (gone != null) {
      out.accept(new Row(gone.resource(), gone.type(), "-", "deleted", null, false).format(now()));
    }
    notifyAll();
  }

  private synchronized void update(ThirdPartyIntegration r) {
    Row row = rowOf(r);
    Row before = rows.put(row.resource(), row);
    boolean changed = before == null
        || !Objects.equals(before.ready(), row.ready())
        || !Objects.equals(before.reason(), row.reason())
        || !Objects.equals(before.message(), row.message());
    if (changed && !"-".equals(row.ready())) {
      out.accept(row.format(now()));
    }
    notifyAll();
  }

  static Row rowOf(ThirdPartyIntegration r) {
    String type = r.getSpec() == null || r.getSpec().getType() == null ? "?" : r.getSpec().getType().name();
    Condition ready = r.getStatus() == null ? null : r.getStatus().ready().orElse(null);
    if (ready == null) {
      return new Row(key(r), type, "-", "-", null, false);
    }
    boolean current = Objects.equals(ready.getObservedGeneration(), r.getMetadata().getGeneration());
    return new Row(key(r), type, ready.getStatus(), String.valueOf(ready.getReason()), ready.getMessage(), current);
  }

  /**
   * Waits until every named resource ({@code namespace/name}) is Ready for its current generation.
   *
   * @return the rows of those resources at the end, in name order (a missing one has reason "absent")
   */
  public synchronized Map<String, Row> awaitReady(Collection<String> resources, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!allReady(resources)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return rows(resources);
  }

  public synchronized boolean allReady(Collection<String> resources) {
    return resources.stream().allMatch(k -> rows.containsKey(k) && rows.get(k).isReady());
  }

  public synchronized Map<String, Row> rows(Collection<String> resources) {
    Map<String, Row> result = new TreeMap<>();
    for (String k : resources) {
      result.put(k, rows.getOrDefault(k, new Row(k, "?", "-", "absent", "not found in the API server", false)));
    }
    return result;
  }

  /** Every row, in name order. */
  public synchronized List<Row> all() {
    return new ArrayList<>(new TreeMap<>(rows).values());
  }

  private static String now() {
    return LocalTime.now().format(TIME);
  }

  private static String shorten(String message) {
    return message.length() <= MESSAGE_WIDTH ? message : message.substring(0, MESSAGE_WIDTH - 3) + "...";
  }
}
