package io.mdbops.integrations.connection;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which API endpoints a connection may target. Checked before any connection is opened, so that a
 * resource cannot make the operator send credentials, or any request, to an arbitrary address.
 */
public final class EndpointPolicy {

  private final List<URI> allowed;
  private final boolean anyEndpoint;

  public EndpointPolicy(List<URI> allowed) {
    this(allowed, false);
  }

  private EndpointPolicy(List<URI> allowed, boolean anyEndpoint) {
    this.allowed = allowed.stream().map(EndpointPolicy::normalise).toList();
    this.anyEndpoint = anyEndpoint;
  }

  /**
   * Every well-formed endpoint (https, or http to loopback): for commands a key's owner runs with
   * their own connections (such as {@code plan}), where no namespace borrows the operator's key.
   */
  public static EndpointPolicy anyWellFormed() {
    return new EndpointPolicy(List.of(), true);
  }

  /** The normalised base URL if it is well formed and allowed. */
  public URI check(String baseUrl) throws ConnectionUnavailableException {
    URI uri = parse(baseUrl);
    if (anyEndpoint) {
      return uri;
    }
    for (URI a : allowed) {
      if (a.getScheme().equals(uri.getScheme())
          && a.getHost().equals(uri.getHost())
          && port(a) == port(uri)
          && (a.getPath().isEmpty() || uri.getPath().equals(a.getPath())
              || uri.getPath().startsWith(a.getPath() + "/"))) {
        return uri;
      }
    }
    throw new ConnectionUnavailableException(
        ConditionReason.EndpointNotAllowed,
        "baseUrl " + uri + " is not on the operator's list of allowed API endpoints; ask the"
            + " operator's administrator to add it (flag --allowed-base-urls, env INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS,"
            + " Helm value allowedBaseUrls)");
  }

  /** Parses and normalises a base URL, refusing the shapes no connection may have. */
  public static URI parse(String baseUrl) throws ConnectionUnavailableException {
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw invalid("baseUrl is not a valid URL");
    }
    if (!uri.isAbsolute() || uri.getScheme() == null) {
      throw invalid("baseUrl must be an absolute https URL such as https://cloud.mongodb.com");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw invalid("baseUrl must use https");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid("baseUrl must not contain user information; put the keys in publicKey and privateKey");
    }
    if (uri.getHost() == null) {
      throw invalid("baseUrl has no valid host name (internationalised names must be given in punycode)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid("baseUrl must not have a query or a fragment");
    }
    URI normal = normalise(uri);
    if (scheme.equals("http") && !isLoopback(normal.getHost())) {
      throw new ConnectionUnavailableException(
          ConditionReason.EndpointNotAllowed,
          "baseUrl uses plain http to a non-loopback host; use https");
    }
    return normal;
  }

  private static URI normalise(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    try {
      return new URI(
          uri.getScheme().toLowerCase(Locale.ROOT),
          null,
          uri.getHost().toLowerCase(Locale.ROOT),
          uri.getPort(),
          path.isEmpty() ? null : path,
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot normalise " + uri, e);
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return uri.getScheme().equals("https") ? 443 : 80;
  }

  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

  /**
   * Whether the host is a loopback address, decided from its text alone: a name is never looked up
   * (DNS could answer anything), only {@code localhost}, dotted-quad 127.x and IPv6 literals count.
   */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equals("localhost")) {
      return true;
    }
    java.util.regex.Matcher v4 = IPV4.matcher(h);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return false;
        }
      }
      return v4.group(1).equals("127");
    }
    if (!h.contains(":")) {
      return false;
    }
    try {
      // a literal with a colon is parsed as IPv6, never resolved
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static ConnectionUnavailableException invalid(String message) {
    return new ConnectionUnavailableException(ConditionReason.ConnectionInvalid, message);
  }
}
