package io.mdbops.integrations.simulator;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How reads show a URL that is "partially redacted" (the webhook {@code url} and {@code
 * microsoftTeamsWebhookUrl}): the docs say partially redacted and show one example,
 * {@code https://webhook.com/****}, which does not say whether a port or anything of the path
 * survives (reference §2.2, [UNCONFIRMED]).
 */
public enum UrlMask {
  /** {@code scheme://host[:port]/****}: path, query and any user info hidden (fits the example). */
  HOST,
  /** {@code ****}: nothing of the URL shown. */
  STARS,
  /** Like a secret: {@code "*" × (len − 4) + last 4}. */
  LAST_FOUR;

  /** The value as a read shows it. An empty value is shown empty: there is nothing to hide. */
  public String mask(String value) {
    if (value.isEmpty()) {
      return value;
    }
    return switch (this) {
      case HOST -> host(value);
      case STARS -> "****";
      case LAST_FOUR -> SecretMask.lastFour(value);
    };
  }

  private static String host(String value) {
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
