package io.mdbops.integrations.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How reads show secret fields. Each rule is applied in one place, {@link #apply(Formats, Rule,
 * String)}; {@link #isMaskOutput} recognises a value that is already what a rule produces (a masked
 * value sent back). The forms the docs leave open are chosen by {@link Formats}; the overloads
 * without one use {@link Formats#DEFAULT}, the reading the operator's mask prediction follows.
 */
public final class ResponseMasking {

  /** The masking rule of a field. */
  public enum Rule {
    /** Returned as stored. */
    NONE,
    /** A secret: shown as {@link Formats#secret()} says; by default {@code "*" × (len − 4) + last 4}. */
    LAST_FOUR,
    /** Always {@code ******}, whatever the value (documented as "completely redacted"). */
    FULL,
    /** A URL: shown as {@link Formats#url()} says; by default {@code scheme://host[:port]/****}. */
    URL,
    /** Never returned. */
    WRITE_ONLY
  }

  /**
   * The undocumented details of the redaction.
   *
   * @param url how URL fields are shown
   * @param secret how LAST_FOUR secrets are shown
   */
  public record Formats(UrlMask url, SecretMask secret) {

    /** {@code scheme://host[:port]/****} and {@code "*" × (len − 4) + last 4}. */
    public static final Formats DEFAULT = new Formats(UrlMask.HOST, SecretMask.LAST_FOUR);

    public Formats {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(secret, "secret");
    }
  }

  /** The fully redacted form. */
  public static final String FULL_MASK = "******";

  private ResponseMasking() {}

  /** The value as a read shows it in the default formats; null when the rule omits the field. */
  public static String apply(Rule rule, String value) {
    return apply(Formats.DEFAULT, rule, value);
  }

  /**
   * The value as a read shows it; null when the rule omits the field. An empty value is shown
   * empty, never as stars: there is nothing to hide and stars would claim a secret is set.
   */
  public static String apply(Formats formats, Rule rule, String value) {
    return switch (rule) {
      case NONE -> value;
      case LAST_FOUR -> formats.secret().mask(value);
      case FULL -> value.isEmpty() ? value : FULL_MASK;
      case URL -> formats.url().mask(value);
      case WRITE_ONLY -> null;
    };
  }

  /** {@link #isMaskOutput(Formats, Rule, String)} in the default formats. */
  public static boolean isMaskOutput(Rule rule, String value) {
    return isMaskOutput(Formats.DEFAULT, rule, value);
  }

  /**
   * Whether {@code value} is itself what the rule produces in these formats — a masked value
   * echoed back. True when masking it changes nothing and it contains a {@code *} (so a plain
   * value is never caught). Every format is built so that its output masks to itself.
   */
  public static boolean isMaskOutput(Formats formats, Rule rule, String value) {
    if (rule == Rule.NONE || rule == Rule.WRITE_ONLY || value == null || value.indexOf('*') < 0) {
      return false;
    }
    return value.equals(apply(formats, rule, value));
  }

  /** A stored integration as reads show it in the default formats. */
  public static Map<String, Object> view(TypeSchema schema, Map<String, Object> stored) {
    return view(Formats.DEFAULT, schema, stored);
  }

  /** A stored integration as reads show it: masked fields masked, write-only fields left out. */
  public static Map<String, Object> view(Formats formats, TypeSchema schema, Map<String, Object> stored) {
    Map<String, Object> view = new LinkedHashMap<>();
    stored.forEach((name, value) -> {
      Rule rule = schema.field(name).map(FieldSchema::masking).orElse(Rule.NONE);
      Object shown = value instanceof String s ? apply(formats, rule, s) : rule == Rule.WRITE_ONLY ? null : value;
      if (shown != null) {
        view.put(name, shown);
      }
    });
    return view;
  }
}
