package io.mdbops.integrations.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an {@link ApiResponse}: JSON ({@code pretty=true} indents it), and with {@code
 * envelope=true} a list gets a {@code status} field and any other body becomes {@code {status,
 * content}}. The HTTP status is unchanged by the envelope; bodiless responses stay bodiless. The
 * Content-Type is {@code application/json} unless the response sets its own.
 */
final class ResponseWriter {

  /** What went on the wire. */
  record Written(Map<String, String> headers, byte[] body) {}

  private ResponseWriter() {}

  static Written write(HttpExchange exchange, ApiRequest request, ApiResponse response) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      exchange.close();
      return new Written(headers, new byte[0]);
    }
    Object body = request != null && request.flag("envelope") ? envelope(response) : response.body();
    byte[] bytes = Json.write(body, request != null && request.flag("pretty"));
    if (!headers.containsKey("Content-Type")) {
      headers.put("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return new Written(headers, bytes);
  }

  private static Object envelope(ApiResponse response) {
    Map<String, Object> wrapped = new LinkedHashMap<>();
    if (response.body() instanceof Map<?, ?> map && map.containsKey("results")) {
      map.forEach((k, v) -> wrapped.put(String.valueOf(k), v));
      wrapped.put("status", response.status());
    } else {
      wrapped.put("content", response.body());
      wrapped.put("status", response.status());
    }
    return wrapped;
  }
}
