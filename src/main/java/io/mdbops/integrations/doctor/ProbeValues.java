package io.mdbops.integrations.doctor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The made-up values of one run, derived from its run id so that a later run can tell the
 * integrations an interrupted run left behind from anything else. Never printed: secrets and URLs
 * stay out of every output even though they are fake.
 */
final class ProbeValues {

  /** Starts every marked text field, so a leftover is recognised even without the run's ledger. */
  static final String MARKER = "integrations-doctor-";
  /** The host of every made-up URL ({@code example.com} is reserved: nothing is ever sent there). */
  static final String URL_HOST = "integrations-doctor.example.com";

  private final String runId;

  ProbeValues(String runId) {
    if (!runId.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("a run id is 8 hex digits");
    }
    this.runId = runId;
  }

  static ProbeValues newRun() {
    byte[] bytes = new byte[4];
    new SecureRandom().nextBytes(bytes);
    return new ProbeValues(HexFormat.of().formatHex(bytes));
  }

  String runId() {
    return runId;
  }

  /** The value sent for a field of a type. */
  Object value(String type, ProbeFields.Field field) {
    return switch (field.kind()) {
      case SECRET, HEX -> hex(type + "/" + field.name(), field.length());
      case URL -> "https://" + URL_HOST + ":8443/hooks/" + hex(type + "/" + field.name(), 24);
      case MARKED -> (field.name().equals("channelName") ? "#" : "") + MARKER + runId;
      case FIXED -> field.fixed();
    };
  }

  /** A write's body: {@code type} and these fields. */
  Map<String, Object> body(String type, List<ProbeFields.Field> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    fields.forEach(f -> body.put(f.name(), value(type, f)));
    return body;
  }

  /** Every secret and URL this run may send, of every type: what no output may contain. */
  List<String> secrets() {
    List<String> all = new ArrayList<>();
    for (String type : ProbeFields.knownTypes()) {
      for (ProbeFields.Field f : ProbeFields.of(type).orElseThrow()) {
        if (f.secret() || f.kind() == ProbeFields.Kind.HEX) {
          all.add(String.valueOf(value(type, f)));
        }
      }
    }
    return all;
  }

  /**
   * Whether a live integration may be the one this run wrote: no field it shows contradicts what
   * the run sent (a masked value fits when its visible characters are those of the value sent).
   */
  boolean fits(String type, Map<String, Object> live) {
    List<ProbeFields.Field> fields = ProbeFields.of(type).orElse(List.of());
    if (fields.isEmpty()) {
      return false;
    }
    for (ProbeFields.Field f : fields) {
      Object shown = live.get(f.name());
      if (shown == null || "".equals(shown)) {
        continue; // optional fields come and go; a masked one may not be shown
      }
      Object sent = value(type, f);
      boolean fits = f.secret() ? shownFits(String.valueOf(sent), String.valueOf(shown))
          : Objects.equals(String.valueOf(sent), String.valueOf(shown));
      if (!fits) {
        return false;
      }
    }
    return true;
  }

  /** Whether a text field shows the marker of some run: a leftover of doctor whatever its run. */
  static boolean carriesMarker(Map<String, Object> live) {
    return live.values().stream().filter(String.class::isInstance).map(String.class::cast)
        .anyMatch(v -> v.startsWith(MARKER) || v.startsWith("#" + MARKER) || v.startsWith("https://" + URL_HOST));
  }

  /** The characters a mask leaves visible are the value's, in place: at its end, or a prefix before stars. */
  static boolean shownFits(String sent, String shown) {
    if (shown.equals(sent)) {
      return true;
    }
    int stars = 0;
    while (stars < shown.length() && shown.charAt(stars) == '*') {
      stars++;
    }
    if (stars > 0) {
      return sent.endsWith(shown.substring(stars));
    }
    int tail = shown.indexOf('*');
    return tail > 0 && shown.substring(tail).chars().allMatch(c -> c == '*')
        && sent.startsWith(shown.substring(0, tail).replaceAll("/$", "") );
  }

  private String hex(String purpose, int length) {
    StringBuilder out = new StringBuilder();
    for (int block = 0; out.length() < length; block++) {
      out.append(HexFormat.of().formatHex(sha256(runId + "/" + purpose + "/" + block)));
    }
    return out.substring(0, length);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
