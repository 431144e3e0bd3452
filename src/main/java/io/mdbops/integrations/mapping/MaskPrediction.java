package io.mdbops.integrations.mapping;

import java.net.URI;
import java.util.Optional;

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

  /** What a value the API shows says about a value held here. */
  public enum Reading {
    /** It can be this value. */
    MATCHES,
    /** It cannot be this value. */
    DIFFERS,
    /** It shows nothing of the value (all stars): only its presence is known. */
    HIDDEN
  }

  /**
   * Whether {@code shown}, as the API shows a secret field, can be {@code value} without knowing the
   * server's mask rule: unmasked it must be equal; masked, what is visible before and after the stars
   * must be the value's own start and end. So the documented rule, a fixed number of stars or a URL
   * cut after its host all read the same way; a value shown as stars only is {@link Reading#HIDDEN}.
   */
  public static Reading read(String shown, String value) {
    int first = shown.indexOf('*');
    if (first < 0) {
      return shown.equals(value) ? Reading.MATCHES : Reading.DIFFERS;
    }
    int last = shown.lastIndexOf('*');
    String before = shown.substring(0, first);
    String after = shown.substring(last + 1);
    if (!shown.substring(first, last + 1).chars().allMatch(c -> c == '*')) {
      // stars inside the visible text: not a mask shape this can read; only an exact prediction matches
      return shown.equals(lastFour(value)) || shown.equals(url(value)) ? Reading.MATCHES : Reading.DIFFERS;
    }
    if (before.isEmpty() && after.isEmpty()) {
      return Reading.HIDDEN;
    }
    boolean fits = value.length() >= before.length() + after.length()
        && value.startsWith(before) && value.endsWith(after);
    return fits ? Reading.MATCHES : Reading.DIFFERS;
  }

  /**
   * What a server shows for {@code value} by the rule {@code doctor} measured for its field; null
   * when nothing was measured or the rule shows the same for every value (which proves nothing).
   */
  public static String measured(Optional<MaskRule> rule, String value) {
    return rule.filter(MaskRule::revealsPartOfValue).map(r -> r.apply(value)).orElse(null);
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
