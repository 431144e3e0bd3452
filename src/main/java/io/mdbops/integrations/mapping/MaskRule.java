package io.mdbops.integrations.mapping;

import java.util.Arrays;
import java.util.Optional;

/**
 * A way a server may show a secret or URL field when it is read back, as {@code doctor} measures
 * it: each rule turns a value into exactly what such a server shows, so a rule fits an observation
 * when applying it to the value sent gives the value seen. The keys are the words of the
 * {@code doctor} profile and of the simulator's flags.
 */
public enum MaskRule {
  /** {@code "*" × (len − 4) + last 4}: the documented rule. */
  LAST_FOUR("last-four", "the last 4 characters kept, the rest '*' (the length shows)"),
  /** {@code ******} and the last 4, whatever the length. */
  FIXED_PREFIX("fixed-prefix", "'******' and the last 4 characters, whatever the length"),
  /** {@code scheme://host[:port]/****}: a URL's path and query hidden. */
  HOST("host", "scheme://host[:port]/**** (path and query hidden)"),
  /** {@code ******} whatever the value. */
  FULL("full", "'******' whatever the value"),
  /** {@code ****} whatever the value. */
  STARS("stars", "'****' whatever the value"),
  /** Shown as sent: not masked at all. */
  CLEAR("clear", "shown as sent, not masked"),
  /** Left out of reads. */
  NOT_RETURNED("not-returned", "never returned by reads");

  private static final String SIX_STARS = "******";

  private final String key;
  private final String description;

  MaskRule(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** As the profile writes it, e.g. {@code last-four}. */
  public String key() {
    return key;
  }

  /** For people, e.g. {@code the last 4 characters kept, the rest '*'}. */
  public String description() {
    return description;
  }

  /** The rule a profile names ({@code last-four}, case-insensitive). */
  public static Optional<MaskRule> ofKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equalsIgnoreCase(key.trim())).findFirst();
  }

  /**
   * Whether what the server shows depends on the value, so that a value shown that way can be
   * compared with a desired one. A rule that shows the same for every value proves nothing.
   */
  public boolean revealsPartOfValue() {
    return this == LAST_FOUR || this == FIXED_PREFIX || this == HOST || this == CLEAR;
  }

  /** What a server following this rule shows for {@code value}; null when it leaves the field out. */
  public String apply(String value) {
    if (value.isEmpty()) {
      return this == NOT_RETURNED ? null : value;
    }
    return switch (this) {
      case LAST_FOUR -> MaskPrediction.lastFour(value);
      case FIXED_PREFIX -> SIX_STARS + (value.length() <= 4 ? "****" : value.substring(value.length() - 4));
      case HOST -> MaskPrediction.url(value);
      case FULL -> SIX_STARS;
      case STARS -> "****";
      case CLEAR -> value;
      case NOT_RETURNED -> null;
    };
  }
}
