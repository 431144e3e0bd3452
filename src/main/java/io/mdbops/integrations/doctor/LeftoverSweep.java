package io.mdbops.integrations.doctor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Before a run probes anything, removes what an earlier run that was killed left in the project: the
 * types its ledger lists that still look the way it wrote them, and any type whose text fields carry
 * doctor's marker. A type that no longer looks like doctor's is left alone, and said so.
 */
final class LeftoverSweep {

  /** What it removed and what it left, for the report. */
  record Reading(List<String> removed, List<String> notes) {}

  private LeftoverSweep() {}

  /** @param configured what the project holds, by type; the removed types are taken out of it */
  static Reading run(ProbeSession session, LedgerFile ledger, Map<String, Map<String, Object>> configured) {
    Optional<LedgerFile.Entry> earlier = ledger.read();
    Set<String> leftovers = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    earlier.ifPresent(entry -> {
      ProbeValues theirs = new ProbeValues(entry.runId());
      for (String type : entry.types()) {
        Map<String, Object> live = configured.get(type);
        if (live == null) {
          continue; // its write never landed, or it is gone
        }
        if (theirs.fits(type, live)) {
          leftovers.add(type);
        } else {
          notes.add(type + " is in the ledger of run " + entry.runId() + " but no longer looks the way that run"
              + " wrote it; left as it is");
        }
      }
    });
    configured.forEach((type, live) -> {
      if (ProbeValues.carriesMarker(live)) {
        leftovers.add(type);
      }
    });
    List<String> removed = new ArrayList<>();
    for (String type : leftovers) {
      ProbeResponse r = session.delete(type);
      if (!r.ok() && !r.notConfigured()) {
        throw Answers.stop("DELETE " + type + " (left by an earlier run)", r);
      }
      removed.add(type);
      configured.remove(type);
    }
    earlier.ifPresent(entry -> ledger.write(new LedgerFile.Entry(entry.baseUrl(), entry.projectId(), entry.runId(),
        List.of())));
    return new Reading(removed, notes);
  }
}
