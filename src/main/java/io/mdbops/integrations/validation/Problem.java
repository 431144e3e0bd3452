package io.mdbops.integrations.validation;

/**
 * One problem: the field it concerns (a path such as {@code spec.pagerDuty.serviceKeySecretRef.key})
 * and the whole message, which starts with that path.
 */
record Problem(String field, String message) {

  /** Whether this problem concerns {@code other} or a field inside it. */
  boolean isAt(String other) {
    return field.equals(other) || field.startsWith(other + ".") || field.startsWith(other + "[");
  }
}
