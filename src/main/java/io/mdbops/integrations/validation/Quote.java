package io.mdbops.integrations.validation;

/**
 * Puts a user-supplied string into a message safely: in double quotes, escaped to printable ASCII
 * (so newlines, control characters, bidi overrides and the like cannot forge or break a message,
 * a log line or a status condition) and cut short, so a 10 kB value stays a short message.
 */
final class Quote {

  /** At most this many characters of the value are shown. */
  static final int MAX_SHOWN = 40;

  private Quote() {}

  /** {@code "value"}, or {@code "first 40 characters"...} when the value is longer. */
  static String of(String value) {
    StringBuilder out = new StringBuilder(MAX_SHOWN + 8).append('"');
    int shown = 0;
    int i = 0;
    while (i < value.length() && shown < MAX_SHOWN) {
      int codePoint = value.codePointAt(i);
      escape(codePoint, out);
      i += Character.charCount(codePoint);
      shown++;
    }
    out.append('"');
    if (i < value.length()) {
      out.append("...");
    }
    return out.toString();
  }

  /** A field name from the document: plain when it is an identifier, quoted and escaped if not. */
  static String fieldName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") ? name : of(name);
  }

  /** The length Kubernetes checks maxLength against: Unicode characters, not UTF-16 units. */
  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  private static void escape(int c, StringBuilder out) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (c >= 0x20 && c < 0x7f) {
          out.append((char) c);
        } else if (c <= 0xffff) {
          out.append(String.format("\\u%04x", c));
        } else {
          out.append(String.format("\\u{%x}", c));
        }
      }
    }
  }
}
