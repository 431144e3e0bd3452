package io.mdbops.integrations.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's cleanup did: the types it removed, and those it could not remove with why (they are
 * still in the ledger, so the next run removes them).
 */
public record CleanupReport(List<String> removed, Map<String, String> left) {

  public CleanupReport {
    removed = List.copyOf(removed);
    left = Collections.unmodifiableMap(new LinkedHashMap<>(left));
  }

  public boolean complete() {
    return left.isEmpty();
  }

  /** One line for people: what was removed, and what was not and why. */
  public String line() {
    return ReportText.cleanupLine(this).replaceFirst("^Cleanup\\s+", "Cleanup: ");
  }
}
