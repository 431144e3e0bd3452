package io.mdbops.integrations.plan;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;

/** The plan for people: one line per resource, its fields below it, a summary line at the end. */
public final class TextPlan {

  private TextPlan() {}

  public static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    if (plan.entries().isEmpty()) {
      out.append("No ThirdPartyIntegration in the manifests.\n");
    }
    // long labels (a file path) do not push every other line to the right
    int width = Math.min(32, plan.entries().stream().mapToInt(e -> e.label().length()).max().orElse(0));
    for (PlanEntry entry : plan.entries()) {
      out.append("  ").append(symbol(entry.action())).append(' ')
          .append(pad(entry.action().words(), 9)).append(' ').append(pad(entry.label(), width));
      out.append(describe(entry)).append('\n');
      for (String error : entry.errors()) {
        out.append("              ").append(error).append('\n');
      }
      for (PlanEntry.Change change : entry.changes()) {
        out.append("              ").append(change(change)).append('\n');
      }
      for (PlanEntry.NotCompared n : entry.notCompared()) {
        out.append("              not compared: ").append(n.field()).append(" (").append(n.reason()).append(")\n");
      }
    }
    for (String note : plan.notes()) {
      out.append("Note: ").append(note).append('\n');
    }
    out.append('\n').append(summary(plan)).append('\n');
    return out.toString();
  }

  /** {@code Plan: 1 to create, 2 to update, 0 to delete; 3 in sync; 1 error. Read only: nothing was written.} */
  static String summary(Plan plan) {
    long create = managed(plan, Action.CREATE);
    long update = managed(plan, Action.UPDATE);
    long delete = managed(plan, Action.DELETE);
    List<String> parts = new ArrayList<>();
    parts.add(create + " to create, " + update + " to update, " + delete + " to delete");
    parts.add(plan.count(Action.IN_SYNC) + " in sync");
    if (plan.observeOnly() > 0) {
      parts.add(plan.observeOnly() + " observe-only (compared, never written)");
    }
    if (plan.count(Action.ERROR) > 0) {
      parts.add(plan.count(Action.ERROR) + " error" + (plan.count(Action.ERROR) == 1 ? "" : "s"));
    }
    return "Plan: " + String.join("; ", parts) + ". Read only: nothing was written.";
  }

  private static long managed(Plan plan, Action action) {
    return plan.entries().stream().filter(e -> e.action() == action && !e.observeOnly()).count();
  }

  private static String describe(PlanEntry entry) {
    StringBuilder s = new StringBuilder();
    if (entry.type() != null && entry.name() != null) {
      s.append("  ").append(entry.type()).append(entry.projectId() == null ? "" : " in project " + entry.projectId());
    }
    if (entry.action() == Action.DELETE) {
      s.append("  no manifest declares it");
    }
    if (entry.source() != null && entry.name() != null) {
      s.append("  (").append(entry.source()).append(')');
    }
    if (entry.observeOnly()) {
      s.append("  observe-only: no action would be taken");
    }
    return s.toString();
  }

  private static String change(PlanEntry.Change change) {
    if (change.secret()) {
      return change.field() + " (secret): " + change.reason();
    }
    return change.field() + ": " + value(change.from()) + " → " + value(change.to());
  }

  static String value(Object value) {
    if (value == null) {
      return "(none)";
    }
    if (value instanceof String s) {
      return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
    return String.valueOf(value);
  }

  private static char symbol(Action action) {
    return switch (action) {
      case CREATE -> '+';
      case UPDATE -> '~';
      case IN_SYNC -> '=';
      case DELETE -> '-';
      case ERROR -> '!';
    };
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
