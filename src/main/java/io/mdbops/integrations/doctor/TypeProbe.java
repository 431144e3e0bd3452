package io.mdbops.integrations.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the API accepts one integration type, with which fields, what a PUT of a type that is
 * not configured answers, and how reads show each secret and URL: one PUT with every field; when
 * that is refused, one with the required fields only and then one per optional field.
 */
final class TypeProbe {

  /** Where a type stands after the probe. */
  enum Verdict {
    ACCEPTED,
    REFUSED,
    /** Configured before doctor ran, and not touched (without {@code --allow-overwrite}). */
    CONFIGURED
  }

  /**
   * What the probe saw of one type.
   *
   * @param refusal for REFUSED: the HTTP status and error code, e.g. {@code 400 INVALID_ENUM_VALUE}
   * @param detail for REFUSED: the API's words (scrubbed of every value sent), or null
   * @param putStatus the status of the first accepted PUT; 0 when none was
   * @param answer what that PUT's body was: {@code list}, {@code integration}, {@code empty} or {@code other}
   * @param accepted the fields it was accepted with
   * @param fields each field tried: {@code accepted}, {@code refused: 400 CODE}, {@code not shown} or {@code changed}
   * @param masks each secret or URL field accepted: how reads show it
   */
  record Reading(String type, Verdict verdict, String refusal, String detail, int putStatus, String answer,
      List<ProbeFields.Field> accepted, Map<String, String> fields, Map<String, MaskReading> masks) {

    static Reading configured(String type) {
      return new Reading(type, Verdict.CONFIGURED, null, null, 0, null, List.of(), Map.of(), Map.of());
    }

    boolean probedAndAccepted() {
      return verdict == Verdict.ACCEPTED;
    }
  }

  private TypeProbe() {}

  static Reading run(ProbeSession session, ProbeValues values, String type) {
    List<ProbeFields.Field> all = ProbeFields.of(type).orElseThrow();
    ProbeResponse full = put(session, values, type, all);
    if (full.ok()) {
      Map<String, Object> shown = readBack(session, type, full);
      return accepted(values, type, full, all, shown, Map.of());
    }
    List<ProbeFields.Field> required = ProbeFields.required(type);
    if (required.size() == all.size()) {
      return refused(type, full, values);
    }
    ProbeResponse minimal = put(session, values, type, required);
    if (!minimal.ok()) {
      return refused(type, minimal, values);
    }
    Map<String, String> optionalOutcomes = new LinkedHashMap<>();
    List<ProbeFields.Field> accepted = new ArrayList<>(required);
    ProbeResponse last = minimal;
    for (ProbeFields.Field optional : ProbeFields.optional(type)) {
      List<ProbeFields.Field> withIt = new ArrayList<>(accepted);
      withIt.add(optional);
      ProbeResponse r = put(session, values, type, withIt);
      if (r.ok()) {
        accepted = withIt;
        last = r;
      } else {
        optionalOutcomes.put(optional.name(), "refused: " + r.summary());
      }
    }
    Map<String, Object> shown = readBack(session, type, last);
    return accepted(values, type, minimal, accepted, shown, optionalOutcomes);
  }

  private static ProbeResponse put(ProbeSession session, ProbeValues values, String type, List<ProbeFields.Field> fields) {
    ProbeResponse r = session.write("PUT", type, values.body(type, fields));
    if (!r.ok() && !Answers.isRefusal(r)) {
      throw Answers.stop("PUT " + type, r);
    }
    return r;
  }

  /** The integration as the write's answer shows it, else as a read shows it. */
  static Map<String, Object> readBack(ProbeSession session, String type, ProbeResponse written) {
    Optional<Map<String, Object>> inAnswer = written.integration(type);
    if (inAnswer.isPresent()) {
      return inAnswer.get();
    }
    ProbeResponse read = session.read(type);
    if (!read.ok()) {
      if (read.notConfigured()) {
        return Map.of();
      }
      throw Answers.stop("GET " + type, read);
    }
    return read.integration(type).orElse(Map.of());
  }

  private static Reading accepted(ProbeValues values, String type, ProbeResponse firstAccepted,
      List<ProbeFields.Field> sent, Map<String, Object> shown, Map<String, String> refusedOptional) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, MaskReading> masks = new LinkedHashMap<>();
    for (ProbeFields.Field f : ProbeFields.of(type).orElseThrow()) {
      if (refusedOptional.containsKey(f.name())) {
        fields.put(f.name(), refusedOptional.get(f.name()));
        continue;
      }
      if (!sent.contains(f)) {
        continue;
      }
      Object value = values.value(type, f);
      Object have = shown.get(f.name());
      if (f.secret()) {
        masks.put(f.name(), MaskReading.of(String.valueOf(value), have));
        fields.put(f.name(), "accepted");
      } else if (have == null) {
        fields.put(f.name(), "not shown");
      } else {
        fields.put(f.name(), Objects.equals(String.valueOf(value), String.valueOf(have)) ? "accepted" : "changed");
      }
    }
    return new Reading(type, Verdict.ACCEPTED, null, null, firstAccepted.status(), shapeOf(firstAccepted),
        List.copyOf(sent), fields, masks);
  }

  private static Reading refused(String type, ProbeResponse r, ProbeValues values) {
    String detail = r.body() == null || !r.body().path("detail").isTextual() ? null
        : scrub(r.body().path("detail").asText(), values);
    return new Reading(type, Verdict.REFUSED, r.summary(), detail, 0, null, List.of(), Map.of(), Map.of());
  }

  static String shapeOf(ProbeResponse r) {
    if (r.isList()) {
      return "list";
    }
    if (r.body() == null) {
      return "empty";
    }
    return r.body().has("type") ? "integration" : "other";
  }

  /** The API's words without any value doctor sent, at most 300 characters. */
  static String scrub(String text, ProbeValues values) {
    String out = text;
    for (String secret : values.secrets()) {
      out = out.replace(secret, "****");
    }
    return out.length() > 300 ? out.substring(0, 300) + "…" : out;
  }
}
