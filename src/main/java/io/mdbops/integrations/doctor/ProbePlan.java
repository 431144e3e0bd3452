package io.mdbops.integrations.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every call a run may make, in order, with why: what {@code --dry-run} prints. A run makes no call
 * that is not here (a test holds it to that); which of the conditional ones it makes depends on the
 * answers.
 */
public final class ProbePlan {

  /**
   * One call, or one kind of call.
   *
   * @param types the types it may go to; empty for the list of every integration
   * @param why what it is for, and when it is made
   */
  public record Call(String method, List<String> types, String why) {
    public Call {
      types = List.copyOf(types);
    }

    String target() {
      if (types.isEmpty()) {
        return "integrations";
      }
      return "integrations/" + (types.size() == 1 ? types.get(0) : "{TYPE}");
    }

    /** Why, and for a call that may go to several types, which. */
    String explained() {
      if (types.size() <= 1) {
        return why;
      }
      return why + " [TYPE: " + (types.equals(DoctorSettings.knownTypes()) ? "any type doctor knows"
          : String.join(", ", types)) + "]";
    }
  }

  private final List<Call> calls;
  private final List<String> notes;

  private ProbePlan(List<Call> calls, List<String> notes) {
    this.calls = List.copyOf(calls);
    this.notes = List.copyOf(notes);
  }

  public List<Call> calls() {
    return calls;
  }

  /** Whether a call of this method to this type (null: the list) is in the plan. */
  public boolean covers(String method, String type) {
    return calls.stream().anyMatch(c -> c.method().equals(method)
        && (type == null ? c.types().isEmpty() : c.types().contains(type)));
  }

  static ProbePlan of(DoctorSettings settings) {
    List<String> types = settings.types();
    List<Call> calls = new ArrayList<>();
    calls.add(new Call("GET", List.of(), "without credentials: the Digest challenge"));
    calls.add(new Call("GET", List.of(), "answering it: the key works, and which types the project already holds"));
    calls.add(new Call("GET", List.of(), "with the same nonce again: is a reused nonce accepted, or answered 401"
        + " stale? (if refused, each later call first asks for a fresh nonce: one request more each)"));
    calls.add(new Call("DELETE", DoctorSettings.knownTypes(), "only for a type an earlier, interrupted run left"
        + " behind: listed in its ledger and still as it wrote it, or carrying the marker " + ProbeValues.MARKER));
    for (String type : types) {
      List<ProbeFields.Field> all = ProbeFields.of(type).orElseThrow();
      calls.add(new Call("PUT", List.of(type), "made-up " + names(all) + (settings.allowOverwrite()
          ? " (overwrites it if configured: --allow-overwrite)" : "; skipped if the project holds " + type)));
      if (!ProbeFields.optional(type).isEmpty()) {
        calls.add(new Call("PUT", List.of(type), "only if refused: " + names(ProbeFields.required(type))
            + " alone, then adding one optional field at a time (" + names(ProbeFields.optional(type)) + ")"));
      }
      calls.add(new Call("GET", List.of(type), "only if the answer does not show " + type + ": read it back"));
    }
    List<String> semantics = ProbeFields.SEMANTICS_CANDIDATES.stream()
        .filter(c -> types.contains(c.substring(0, c.indexOf('.')))).toList();
    List<String> semanticsTypes = semantics.stream().map(c -> c.substring(0, c.indexOf('.'))).toList();
    if (!semantics.isEmpty()) {
      String on = "on the first of " + String.join(", ", semantics) + " this run configured";
      calls.add(new Call("PUT", semanticsTypes, on + ": without that field, then read back: replace or merge?"));
      calls.add(new Call("PUT", semanticsTypes, "only if it was dropped: with the field again"));
      calls.add(new Call("PUT", semanticsTypes, "with the field as \"\", then read back: does \"\" clear it?"));
      calls.add(new Call("GET", semanticsTypes, "only if an answer does not show the type: read it back"));
    }
    if (!types.isEmpty()) {
      calls.add(new Call("DELETE", types, "on the type replace or merge was measured on, else the first type"
          + " this run configured: what DELETE answers"));
      calls.add(new Call("DELETE", types, "again: what DELETE answers for a type that is not configured"));
      calls.add(new Call("POST", types, "what POST answers for a type that is not configured"));
    }
    calls.add(new Call("DELETE", types, "the cleanup: every type this run configured, also when interrupted"
        + " (Ctrl-C); after a kill, the next run does it"));
    List<String> notes = List.of(
        "A 429 answer is waited out (its Retry-After, at most 60 s) and the call sent again, at most 3 times.",
        "Every secret and URL sent is made up for this run; plain text fields carry " + ProbeValues.MARKER
            + "<run id>; URLs go to " + ProbeValues.URL_HOST + ", where nothing is ever sent.");
    return new ProbePlan(calls, notes);
  }

  /** The plan as {@code --dry-run} prints it, calls numbered, paths below {@code base}. */
  public String render(String base) {
    StringBuilder out = new StringBuilder();
    int width = calls.stream().mapToInt(c -> c.target().length()).max().orElse(0);
    for (int i = 0; i < calls.size(); i++) {
      Call c = calls.get(i);
      out.append(String.format("%3d  %-6s %-" + width + "s  %s%n", i + 1, c.method(), c.target(), c.explained()));
    }
    out.append("Paths are below ").append(base).append('\n');
    notes.forEach(n -> out.append(n).append('\n'));
    return out.toString();
  }

  private static String names(List<ProbeFields.Field> fields) {
    return fields.stream().map(ProbeFields.Field::name).collect(Collectors.joining(", "));
  }
}
