package io.mdbops.integrations.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replace or merge, and whether {@code ""} clears a field, on one type doctor configured with an
 * optional plain field: PUT it without the field and read it back (still there: merge); then, with
 * the field set, PUT it with {@code ""} and read it back (gone: {@code ""} clears).
 */
final class PutSemanticsProbe {

  /**
   * What it saw.
   *
   * @param on {@code TYPE.field} it was measured on; empty when no type could carry it
   * @param putSemantics {@code replace} or {@code merge}; empty when not measured
   * @param emptyStringClears empty when not measured
   * @param notes what the report adds (why not measured, what {@code ""} was answered)
   */
  record Reading(Optional<String> on, Optional<String> putSemantics, Optional<Boolean> emptyStringClears,
      List<String> notes) {}

  private PutSemanticsProbe() {}

  static Reading run(ProbeSession session, ProbeValues values, Map<String, TypeProbe.Reading> types) {
    for (String candidate : ProbeFields.SEMANTICS_CANDIDATES) {
      String type = candidate.substring(0, candidate.indexOf('.'));
      String field = candidate.substring(candidate.indexOf('.') + 1);
      TypeProbe.Reading reading = types.get(type);
      if (reading != null && reading.probedAndAccepted() && "accepted".equals(reading.fields().get(field))) {
        return measure(session, values, reading, field);
      }
    }
    return new Reading(Optional.empty(), Optional.empty(), Optional.empty(), List.of(
        "replace or merge, and \"\": not measured, as none of " + String.join(", ", ProbeFields.SEMANTICS_CANDIDATES)
            + " was configured by this run (each is an optional field a read shows as sent)"));
  }

  private static Reading measure(ProbeSession session, ProbeValues values, TypeProbe.Reading reading, String field) {
    String type = reading.type();
    String on = type + "." + field;
    List<String> notes = new ArrayList<>();
    ProbeFields.Field optional = ProbeFields.field(type, field).orElseThrow();
    String sent = String.valueOf(values.value(type, optional));
    List<ProbeFields.Field> without = reading.accepted().stream().filter(f -> !f.equals(optional)).toList();

    ProbeResponse leftOut = write(session, type, values.body(type, without));
    if (!leftOut.ok()) {
      notes.add("replace or merge: not measured: a PUT of " + type + " without " + field + " was refused ("
          + leftOut.summary() + ")");
      return new Reading(Optional.of(on), Optional.empty(), Optional.empty(), notes);
    }
    boolean kept = sent.equals(String.valueOf(TypeProbe.readBack(session, type, leftOut).get(field)));
    String semantics = kept ? "merge" : "replace";

    if (!kept) {
      ProbeResponse restored = write(session, type, values.body(type, reading.accepted()));
      if (!restored.ok()) {
        notes.add("\"\": not measured: setting " + field + " again was refused (" + restored.summary() + ")");
        return new Reading(Optional.of(on), Optional.of(semantics), Optional.empty(), notes);
      }
    }
    Map<String, Object> emptied = values.body(type, reading.accepted());
    emptied.put(field, "");
    ProbeResponse blank = write(session, type, emptied);
    if (!blank.ok()) {
      notes.add("\"\" for " + on + " was refused (" + blank.summary() + "): a field cannot be cleared that way");
      return new Reading(Optional.of(on), Optional.of(semantics), Optional.of(false), notes);
    }
    Object after = TypeProbe.readBack(session, type, blank).get(field);
    boolean clears = after == null || "".equals(after);
    if (!kept) {
      notes.add("with a PUT that replaces, a field left out is dropped anyway; \"\" " + (clears ? "clears it too"
          : "leaves the value in place"));
    }
    return new Reading(Optional.of(on), Optional.of(semantics), Optional.of(clears), notes);
  }

  private static ProbeResponse write(ProbeSession session, String type, Map<String, Object> body) {
    ProbeResponse r = session.write("PUT", type, body);
    if (!r.ok() && !Answers.isRefusal(r)) {
      throw Answers.stop("PUT " + type, r);
    }
    return r;
  }
}
