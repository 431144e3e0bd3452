package io.mdbops.integrations.plan;

import java.util.List;

/**
 * Everything {@code plan} found, in the order it prints it.
 *
 * @param entries one per resource of the manifests, then one per undeclared live integration
 * @param notes what was left aside (documents of other kinds, types the operator does not manage)
 */
public record Plan(List<PlanEntry> entries, List<String> notes) {

  /** Exit code of {@code plan}, as Terraform's {@code -detailed-exitcode}. */
  public static final int NO_CHANGES = 0;
  public static final int ERROR = 1;
  public static final int CHANGES = 2;

  public Plan {
    entries = List.copyOf(entries);
    notes = List.copyOf(notes);
  }

  public long count(Action action) {
    return entries.stream().filter(e -> e.action() == action).count();
  }

  public long observeOnly() {
    return entries.stream().filter(PlanEntry::observeOnly).count();
  }

  /** 1 when anything could not be planned, else 2 when a managed resource would change the project, else 0. */
  public int exitCode() {
    if (count(Action.ERROR) > 0) {
      return ERROR;
    }
    return entries.stream().anyMatch(PlanEntry::changesProject) ? CHANGES : NO_CHANGES;
  }
}
