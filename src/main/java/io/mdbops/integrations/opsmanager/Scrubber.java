package io.mdbops.integrations.opsmanager;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces known secret values (and their URL-encoded form) with {@code <redacted>} in text that
 * came from the server or from an exception, before it goes into an {@link ApiException}.
 */
final class Scrubber {

  static final String REDACTED = "<redacted>";

  private final List<String> secrets;

  private Scrubber(Set<String> secrets) {
    List<String> sorted = new ArrayList<>(secrets);
    // longest first, so a secret that contains another one is replaced whole
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(sorted);
  }

  static Scrubber of(Collection<String> secrets) {
    Set<String> all = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        all.add(s);
        all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
      }
    }
    return new Scrubber(all);
  }

  Scrubber plus(Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(secrets);
    all.addAll(of(more).secrets);
    return new Scrubber(all);
  }

  /** The text with every secret replaced; null stays null. */
  String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, REDACTED);
    }
    return out;
  }

  /** Scrubbed, then cut to {@code max} characters (scrubbing first, so no secret is half-cut). */
  String scrub(String text, int max) {
    String s = scrub(text);
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "...";
  }
}
