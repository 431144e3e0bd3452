package io.mdbops.integrations.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How reads show secret fields. Each rule is implemented once, in {@link #apply}; {@link
 * #isMaskOutput} recognises a value that is already what a rule produces (a masked value sent back).
 */
public final class ResponseMasking {

  /** The masking rule of a field. */
  public enum Rule {
    /** Returned as stored. */
    NONE,
    /** {@code "*" × (len − 4) + last 4}; values of 4 characters or fewer become all stars. */
    LAST_FOUR,
    /** Always {@code ******}, whatever the value. */
    FULL,
    /** {@code scheme://host[:port]/****}: the path, query and any user info are hidden. */
    URL,
    /** Never returned. */
    WRITE_ONLY
  }

  /** The fully redacted form. */
  public static final String FULL_MASK = "******";

  private ResponseMasking() {}

  /** The value as a read shows it; null when the rule omits the field. */
  public static String apply(Rule rule, String value) {
    return switch (rule) {
      case NONE -> value;
      case LAST_FOUR -> lastFour(value);
      case FULL -> FULL_MASK;
      case URL -> url(value);
      case WRITE_ONLY -> null;
    };
  }

  /**
   * Whether {@code value} is itself what the rule produces — a masked value echoed back. True when
   * masking it changes nothing and it contains a {@code *} (so a plain value is never caught).
   */
  public static boolean isMaskOutput(Rule rule, String value) {
    if (rule == Rule.NONE || rule == Rule.WRITE_ONLY || value == null || value.indexOf('*') < 0) {
      return false;
    }
    return value.equals(apply(rule, value));
  }

  /** A stored integration as reads show it: masked fields masked, write-only fields left out. */
  public static Map<String, Object> view(TypeSchema schema, Map<String, Object> stored) {
    Map<String, Object> view = new LinkedHashMap<>();
    stored.forEach((name, value) -> {
      Rule rule = schema.field(name).map(FieldSchema::masking).orElse(Rule.NONE);
      Object shown = value instanceof String s ? apply(rule, s) : rule == Rule.WRITE_ONLY ? null : value;
      if (shown != null) {
        view.put(name, shown);
      }
    });
    return view;
  }

  static String lastFour(String value) {
    if (value.length() <= 4) {
      return "*".repeat(value.length());
    }
    int hidden = value.length() - 4;
    return "*".repeat(hidden) + value.substring(hidden);
  }

  static String url(String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "****";
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return uri.getScheme() + "://" + uri.getHost() + port + "/****";
    } catch (URISyntaxException e) {
      return "****";
    }
  }
}
