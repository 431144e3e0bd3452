package io.mdbops.integrations.simulator;

/**
 * How reads show a secret whose rule is {@link ResponseMasking.Rule#LAST_FOUR} (serviceKey,
 * apiToken, apiKey, licenseKey, writeToken, readToken, notificationToken, tlsPemPassword). The
 * documented examples are all consistent with {@link #LAST_FOUR}, but they only show keys of 10
 * or more characters with six or more stars (reference §2.2), so the other two readings fit them
 * as well.
 */
public enum SecretMask {
  /** {@code "*" × (len − 4) + last 4}; values of four characters or fewer become all stars. */
  LAST_FOUR,
  /**
   * Six stars and the last 4, whatever the length ({@code ******7890}); values of four characters
   * or fewer become ten stars, so the shown length never tells the real one.
   */
  FIXED_PREFIX,
  /** {@code ******}, like the webhook secret. */
  FULL;

  /** The value as a read shows it. An empty value is shown empty: there is nothing to hide. */
  public String mask(String value) {
    if (value.isEmpty()) {
      return value;
    }
    return switch (this) {
      case LAST_FOUR -> lastFour(value);
      case FIXED_PREFIX -> ResponseMasking.FULL_MASK + (value.length() <= 4 ? "****" : last4(value));
      case FULL -> ResponseMasking.FULL_MASK;
    };
  }

  static String lastFour(String value) {
    if (value.length() <= 4) {
      return "*".repeat(value.length());
    }
    return "*".repeat(value.length() - 4) + last4(value);
  }

  private static String last4(String value) {
    return value.substring(value.length() - 4);
  }
}
