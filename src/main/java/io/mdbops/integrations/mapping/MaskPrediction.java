package io.mdbops.integrations.mapping;

import java.net.URI;

/**
 * The API's documented masking of secret values when they are read back, applied to desired values
 * so that masked live values can be compared without ever knowing the live secret.
 */
public final class MaskPrediction {

  private static final String URL_TAIL = "****";

  private MaskPrediction() {}

  public static String mask(SecretForm form, String value) {
    return switch (form) {
      case LAST_FOUR -> lastFour(value);
      case URL -> url(value);
      case HIDDEN, WRITE_ONLY -> null;
    };
  }

  /** {@code "*" × (len − 4) + last 4}; values of four characters or fewer are all stars. */
  static String lastFour(String value) {
    int n = value.length();
    if (n <= 4) {
      return "*".repeat(n);
    }
    return "*".repeat(n - 4) + value.substring(n - 4);
  }

  /** {@code scheme://host[:port]/****} (never user info); a value that is not an absolute URL is all hidden. */
  static String url(String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return URL_TAIL;
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return uri.getScheme() + "://" + uri.getHost() + port + "/" + URL_TAIL;
    } catch (IllegalArgumentException e) {
      return URL_TAIL;
    }
  }
}
