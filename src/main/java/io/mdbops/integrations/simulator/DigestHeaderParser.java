package io.mdbops.integrations.simulator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Parses the parameters of a Digest header: {@code name=token} or {@code name="quoted \" string"}, comma-separated. */
final class DigestHeaderParser {

  private DigestHeaderParser() {}

  /** The parameters by lower-case name; a malformed tail is ignored. */
  static Map<String, String> parse(String params) {
    Map<String, String> result = new HashMap<>();
    int i = 0;
    int n = params.length();
    while (i < n) {
      while (i < n && (params.charAt(i) == ',' || Character.isWhitespace(params.charAt(i)))) {
        i++;
      }
      int eq = params.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = params.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      while (i < n && Character.isWhitespace(params.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && params.charAt(i) == '"') {
        i++;
        while (i < n && params.charAt(i) != '"') {
          char c = params.charAt(i++);
          if (c == '\\' && i < n) {
            c = params.charAt(i++);
          }
          value.append(c);
        }
        i++;
      } else {
        while (i < n && params.charAt(i) != ',') {
          value.append(params.charAt(i++));
        }
      }
      result.put(name, value.toString().trim());
    }
    return result;
  }
}
