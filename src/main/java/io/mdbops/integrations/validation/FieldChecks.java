package io.mdbops.integrations.validation;

import io.mdbops.integrations.api.v1alpha1.FieldPatterns;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects problems, one per field, and holds the checks the CRD schema makes on single fields:
 * required, minLength/maxLength (counted in Unicode characters, as Kubernetes does) and the name
 * patterns of {@link FieldPatterns}. A field gets at most one message: the first rule it breaks, in the
 * order missing, empty, too long, pattern.
 */
final class FieldChecks {

  /** maxLength of Secret names and keys in the CRD (the Kubernetes limits). */
  static final int SECRET_NAME_MAX = 253;
  static final int SECRET_KEY_MAX = 253;

  private static final Pattern SUBDOMAIN = Pattern.compile(FieldPatterns.SUBDOMAIN);
  private static final Pattern SECRET_KEY = Pattern.compile(FieldPatterns.SECRET_KEY);

  private final List<Problem> problems = new ArrayList<>();

  List<Problem> list() {
    return List.copyOf(problems);
  }

  /** Records a problem whose message is the field path followed by {@code rest}. */
  void add(String field, String rest) {
    report(field, field + " " + rest);
  }

  /** Records a problem about {@code field} with a message worded freely. */
  void report(String field, String message) {
    problems.add(new Problem(field, message));
  }

  /** Reports {@code field} missing (with a hint after a colon, if any); true when it is present. */
  boolean present(String field, Object value, String hint) {
    if (value != null) {
      return true;
    }
    add(field, hint == null ? "is required" : "is required: " + hint);
    return false;
  }

  /** A string with the CRD's minLength/maxLength; null is fine unless required. */
  boolean string(String field, String value, boolean required, int min, int max) {
    if (value == null) {
      return !required || present(field, null, null);
    }
    int length = Quote.length(value);
    if (length < min) {
      add(field, min == 1 ? "must not be empty" : "must be at least " + min + " characters long");
      return false;
    }
    if (length > max) {
      add(field, Quote.of(value) + " is " + length + " characters long; at most " + max + " are allowed");
      return false;
    }
    return true;
  }

  /** A reference to a key of a Secret in the resource's namespace: name and key both required. */
  void secretRef(String field, SecretKeySelector ref, boolean required) {
    if (ref == null) {
      if (required) {
        present(field, null, "set name and key of a Secret in this namespace");
      }
      return;
    }
    secretName(field + ".name", ref.getName(), null);
    String key = field + ".key";
    if (string(key, ref.getKey(), true, 1, SECRET_KEY_MAX)
        && !SECRET_KEY.matcher(ref.getKey()).matches()) {
      add(key, Quote.of(ref.getKey())
          + " is not a valid Secret key: use only letters, digits, '-', '_' and '.'");
    }
  }

  /** An optional Secret key (not a whole reference). */
  void secretKey(String field, String key) {
    if (key != null && string(field, key, false, 1, SECRET_KEY_MAX) && !SECRET_KEY.matcher(key).matches()) {
      add(field, Quote.of(key) + " is not a valid Secret key: use only letters, digits, '-', '_' and '.'");
    }
  }

  /** A Secret name (RFC 1123 subdomain); {@code hint} is shown when it is missing. */
  void secretName(String field, String name, String hint) {
    if (name == null) {
      present(field, null, hint);
    } else if (string(field, name, true, 1, SECRET_NAME_MAX) && !SUBDOMAIN.matcher(name).matches()) {
      add(field, Quote.of(name) + " is not a valid Secret name: use lower-case letters, digits,"
          + " '-' and '.', and start and end with a letter or digit");
    }
  }
}
