package io.mdbops.integrations.doctor;

import java.util.List;
import java.util.Map;

/**
 * The readable report, and the one-line progress of each step. Names, statuses, error codes and
 * mask rules only: never a value doctor sent or a header it received.
 */
final class ReportText {

  private static final String ROW = "  %-41s %s%n";

  private ReportText() {}

  static String authLine(AuthProbe.Reading auth) {
    return String.format("%-17s%s; a nonce used again: %s", "Authentication", challenge(auth), auth.nonceAnswer());
  }

  static String typeLine(TypeProbe.Reading r) {
    return String.format("%-17s%s", r.type(), switch (r.verdict()) {
      case ACCEPTED -> "accepted (PUT " + r.putStatus() + ")" + refusedFields(r);
      case REFUSED -> "refused: " + r.refusal();
      case CONFIGURED -> "configured in the project before this run: not touched";
    });
  }

  static String semanticsLine(PutSemanticsProbe.Reading s) {
    if (s.putSemantics().isEmpty()) {
      return String.format("%-17s%s", "PUT", "replace or merge: not measured");
    }
    return String.format("%-17s%s (on %s); \"\" clears a field: %s", "PUT", s.putSemantics().get(), s.on().orElse("?"),
        s.emptyStringClears().map(b -> b ? "yes" : "no").orElse("not measured"));
  }

  static String writesLine(MissingTypeProbe.Reading m) {
    if (m.on().isEmpty()) {
      return String.format("%-17s%s", "DELETE, POST", "not measured: no type was accepted");
    }
    return String.format("%-17s%s; again: %s; POST of a type not configured: %s", "DELETE", m.delete(),
        m.deleteMissing(), m.postMissing());
  }

  static String cleanupLine(CleanupReport c) {
    String removed = c.removed().isEmpty() ? "nothing to remove" : "removed " + String.join(", ", c.removed());
    if (c.complete()) {
      return String.format("%-17s%s; the project holds what it held before", "Cleanup", removed);
    }
    StringBuilder left = new StringBuilder();
    c.left().forEach((type, why) -> left.append("; NOT removed ").append(type).append(" (").append(why).append(')'));
    return String.format("%-17s%s%s: run doctor again to remove it", "Cleanup", removed, left);
  }

  static String render(DoctorResult result) {
    ApiProfile p = result.profile();
    StringBuilder out = new StringBuilder();
    out.append(String.format("Server profile of %s (%s, %s), measured %s in project %s (run %s, %d requests)%n%n",
        p.baseUrl(), result.settings.product().displayName(), p.api(), p.measuredAt(), result.settings.projectId(),
        result.runId, result.callCount()));

    out.append("Authentication\n");
    out.append(String.format(ROW, "challenge", challenge(result.auth)));
    out.append(String.format(ROW, "a nonce used a second time", result.auth.nonceAnswer()
        + result.auth.nonceReuse().map(r -> r ? " (one request per call)"
            : " (the operator asks for a fresh nonce before each call)").orElse("")));

    out.append("\nWrites\n");
    PutSemanticsProbe.Reading s = result.semantics;
    out.append(String.format(ROW, "PUT of a configured type", s.putSemantics()
        .map(v -> v + (v.equals(ApiProfile.REPLACE) ? ": a field the body leaves out is dropped"
            : ": a field the body leaves out is kept") + " (measured on " + s.on().orElse("?") + ")")
        .orElse("not measured")));
    out.append(String.format(ROW, "\"\" for an optional field", s.emptyStringClears()
        .map(b -> b ? "clears it" : "does not clear it").orElse("not measured")));
    Map<String, String> w = p.writes();
    out.append(String.format(ROW, "PUT of a type not configured", w.containsKey("putOnMissingType")
        ? w.get("putOnMissingType") + " (creates it), answered with " + answer(w.get("writeAnswer")) : "not measured"));
    out.append(String.format(ROW, "POST of a type not configured", w.getOrDefault("postOnMissingType", "not measured")));
    out.append(String.format(ROW, "DELETE", w.getOrDefault("delete", "not measured")));
    out.append(String.format(ROW, "DELETE of a type not configured", w.getOrDefault("deleteMissingType", "not measured")));
    out.append(String.format(ROW, "rate-limit headers", p.rateLimitHeaders().isEmpty() ? "none seen"
        : String.join(", ", p.rateLimitHeaders().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));

    out.append("\nTypes\n");
    for (TypeProbe.Reading r : result.typeReadings()) {
      out.append(String.format(ROW, r.type(), switch (r.verdict()) {
        case ACCEPTED -> "accepted with " + String.join(", ", r.accepted().stream().map(ProbeFields.Field::name).toList())
            + refusedFields(r) + notShown(r);
        case REFUSED -> "refused: " + r.refusal() + (r.detail() == null ? "" : " (" + r.detail() + ")");
        case CONFIGURED -> "configured before this run: not touched";
      }));
    }

    if (!p.masks().isEmpty()) {
      out.append("\nHow reads show secrets and URLs (doctor sent values it made up, so it knows what they hide)\n");
      p.masks().forEach((field, text) -> out.append(String.format(ROW, field, ApiProfile.ruleOf(text)
          .map(rule -> rule.description()).orElse(text))));
    }
    if (!result.leftovers.removed().isEmpty()) {
      out.append("\nRemoved first, left by an earlier run that was interrupted: ")
          .append(String.join(", ", result.leftovers.removed())).append('\n');
    }
    if (!p.notes().isEmpty()) {
      out.append("\nNotes\n");
      p.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
    }
    out.append('\n').append(result.cleanup.line()).append('\n');
    out.append("\nThe operator uses these readings for a connection whose Secret holds this profile (doctor --json, or"
        + " --profile-out FILE) under the key \"profile\"; see \"Check your server\" in the README.\n");
    return out.toString();
  }

  private static String challenge(AuthProbe.Reading auth) {
    return auth.challenge().map(c -> "Digest, realm \"" + c.realm() + "\", algorithm " + c.algorithm() + ", qop "
        + c.qop()).orElse("none: the API answered without credentials");
  }

  private static String refusedFields(TypeProbe.Reading r) {
    List<String> refused = r.fields().entrySet().stream().filter(e -> e.getValue().startsWith("refused"))
        .map(e -> e.getKey() + " " + e.getValue()).toList();
    return refused.isEmpty() ? "" : "; " + String.join(", ", refused);
  }

  private static String notShown(TypeProbe.Reading r) {
    List<String> hidden = r.fields().entrySet().stream().filter(e -> !e.getValue().equals("accepted")
        && !e.getValue().startsWith("refused")).map(e -> e.getKey() + " " + e.getValue()).toList();
    return hidden.isEmpty() ? "" : "; " + String.join(", ", hidden);
  }

  private static String answer(String shape) {
    return switch (shape == null ? "" : shape) {
      case "list" -> "the list of every integration";
      case "integration" -> "the integration alone";
      case "empty" -> "no body";
      default -> "something else";
    };
  }
}
