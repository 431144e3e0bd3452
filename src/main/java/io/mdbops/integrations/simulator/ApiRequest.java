package io.mdbops.integrations.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as read off the wire, body included.
 *
 * @param method the HTTP method
 * @param path the decoded path
 * @param rawTarget path and query exactly as the request line carried them (what Digest signs)
 * @param query the decoded query parameters (first value of each)
 * @param rawQuery the raw query, or null
 * @param body the request body (possibly empty)
 * @param authorization the Authorization header, or null
 * @param remoteAddress the client's IP address
 * @param resourceUrl scheme, host (from the Host header) and raw path: the base of {@code self} links
 * @param accept the Accept header, or null
 * @param contentType the Content-Type header, or null
 */
record ApiRequest(
    String method,
    String path,
    String rawTarget,
    Map<String, String> query,
    String rawQuery,
    byte[] body,
    String authorization,
    String remoteAddress,
    String resourceUrl,
    String accept,
    String contentType) {

  private static final int MAX_BODY = 1 << 20;

  static ApiRequest read(HttpExchange exchange, String scheme, String defaultHost) throws IOException {
    URI uri = exchange.getRequestURI();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY);
      in.transferTo(OutputStream.nullOutputStream());
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new ApiRequest(
        exchange.getRequestMethod().toUpperCase(),
        uri.getPath() == null ? "" : uri.getPath(),
        rawPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
        parseQuery(uri.getRawQuery()),
        uri.getRawQuery(),
        body,
        exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRemoteAddress().getAddress().getHostAddress(),
        scheme + "://" + (host == null || host.isBlank() ? defaultHost : host) + rawPath,
        exchange.getRequestHeaders().getFirst("Accept"),
        exchange.getRequestHeaders().getFirst("Content-Type"));
  }

  /** A boolean query flag such as {@code pretty} or {@code envelope}. */
  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return Map.copyOf(params);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
