package io.mdbops.integrations.plan;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.SecretData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last guard before anything is printed: every secret value the command has seen (Secret values,
 * private keys), in clear, JSON-escaped or URL-encoded, is replaced by {@code <redacted>}. The output
 * is built without values in the first place; this catches what a message might quote by mistake.
 */
public final class Redaction {

  static final String REDACTED = "<redacted>";
  /** Shorter values would also match ordinary words; no token or key is that short. */
  private static final int MIN_LENGTH = 6;
  /** Keys of a connection Secret that are not secret. */
  private static final Set<String> PUBLIC_KEYS =
      Set.of(ConnectionResolver.PUBLIC_KEY, ConnectionResolver.BASE_URL, ConnectionResolver.PRODUCT,
          ConnectionResolver.CA_CERT);

  private final Set<String> values = new LinkedHashSet<>();

  public Redaction add(String value) {
    if (value != null && value.strip().length() >= MIN_LENGTH) {
      values.add(value.strip());
    }
    return this;
  }

  /** Every value of the Secrets but the public keys of a connection. */
  public Redaction addSecrets(Collection<Secret> secrets) {
    for (Secret secret : secrets) {
      Set<String> keys = new LinkedHashSet<>();
      if (secret.getData() != null) {
        keys.addAll(secret.getData().keySet());
      }
      if (secret.getStringData() != null) {
        keys.addAll(secret.getStringData().keySet());
      }
      keys.stream().filter(k -> !PUBLIC_KEYS.contains(k)).forEach(k -> {
        if (SecretData.read(secret, k, true) instanceof SecretData.Value v) {
          add(v.value());
        }
      });
    }
    return this;
  }

  public String apply(String text) {
    List<String> forms = new ArrayList<>();
    for (String v : values) {
      forms.add(v);
      forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(v)));
      forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
    // longest first, so a value holding another is replaced whole
    forms.sort(Comparator.comparingInt(String::length).reversed());
    String out = text;
    for (String form : forms) {
      out = out.replace(form, REDACTED);
    }
    return out;
  }
}
