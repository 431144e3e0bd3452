package io.mdbops.integrations.mapping;

/** How the API shows a secret field when it is read back. */
public enum SecretForm {
  /** {@code "*" × (len − 4) + last 4}, e.g. {@code ******7890}: comparable through the same mask. */
  LAST_FOUR,
  /** A URL with only {@code scheme://host/} kept: comparable through the same mask, coarsely. */
  URL,
  /** Returned fully masked when set: presence is comparable, the value only by Secret version. */
  HIDDEN,
  /** Never returned: only the referenced Secret's resourceVersion tells a change. */
  WRITE_ONLY
}
