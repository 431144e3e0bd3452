package io.mdbops.integrations.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds secret values in text: whole values, and their base64 and URL-encoded forms. */
public final class LeakScanner {

  private LeakScanner() {}

  /** One finding: which secret (shortened) showed up in which text (shortened). */
  public record Leak(String secretPrefix, String where) {}

  public static List<Leak> scan(Collection<String> secrets, Collection<String> texts) {
    List<Leak> leaks = new ArrayList<>();
    for (String secret : secrets) {
      java.util.Set<String> forms = new java.util.LinkedHashSet<>(List.of(
          secret,
          Fixtures.base64(secret),
          java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8)));
      for (String text : texts) {
        for (String form : forms) {
          if (form.length() >= 8 && text.contains(form)) {
            leaks.add(new Leak(secret.substring(0, Math.min(6, secret.length())) + "…",
                text.substring(0, Math.min(200, text.length()))));
          }
        }
      }
    }
    return leaks;
  }
}
