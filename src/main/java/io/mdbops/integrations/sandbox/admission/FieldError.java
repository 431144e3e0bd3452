package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * One field's validation failure, worded as the API server words it (Go's
 * {@code field.Error}): {@code spec.region: Unsupported value: "us": supported values: "EU", "US"}.
 *
 * @param type      the cause type, e.g. {@code FieldValueRequired}
 * @param field     the field path, e.g. {@code spec.webhook.urlSecretRef}; {@code <nil>} for none
 * @param badValue  the offending value (String, Long, Double, Boolean or null); shown quoted when a string
 * @param detail    what is wrong, may be empty
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

  /** The cause types an API server reports, with the words it shows for each. */
  public enum Type {
    REQUIRED("FieldValueRequired", "Required value", false),
    INVALID("FieldValueInvalid", "Invalid value", true),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
    FORBIDDEN("FieldValueForbidden", "Forbidden", false),
    TOO_LONG("FieldValueTooLong", "Too long", false),
    TOO_MANY("FieldValueTooMany", "Too many", true),
    TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true),
    DUPLICATE("FieldValueDuplicate", "Duplicate value", true);

    private final String reason;
    private final String words;
    private final boolean showsValue;

    Type(String reason, String words, boolean showsValue) {
      this.reason = reason;
      this.words = words;
      this.showsValue = showsValue;
    }

    /** The {@code reason} of a Status cause. */
    public String reason() {
      return reason;
    }

    /** The type named by a CEL rule's {@code reason}; Invalid for anything else, as the server does. */
    static Type ofRuleReason(String reason) {
      if (reason == null) {
        return INVALID;
      }
      return switch (reason) {
        case "FieldValueForbidden" -> FORBIDDEN;
        case "FieldValueRequired" -> REQUIRED;
        case "FieldValueDuplicate" -> DUPLICATE;
        default -> INVALID;
      };
    }
  }

  public static FieldError required(String field) {
    return new FieldError(Type.REQUIRED, field, "", "");
  }

  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  /** The message of a Status cause: everything after the field path. */
  public String body() {
    StringBuilder s = new StringBuilder(type.words);
    if (type.showsValue) {
      s.append(": ").append(show(badValue));
    }
    if (detail != null && !detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return field + ": " + body();
  }

  /** Go's %q for strings, %v for numbers and booleans; nothing is shown as the string "null", as Go does. */
  static String show(Object value) {
    if (value == null) {
      return quote("null");
    }
    if (value instanceof String s) {
      return quote(s);
    }
    return String.valueOf(value);
  }

  public static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
