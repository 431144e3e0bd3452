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

  /** What goes on the wire; a null body for a bodiless response. */
  record Written(Map<String, String> headers, byte[] body) {}

  private ResponseWriter() {}

  /** What {@link #send} will put on the wire for {@code response}. */
  static Written render(ApiRequest request, ApiResponse response) {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    if (response.body() == null) {
      return new Written(headers, null);
    }
    Object body = request != null && request.flag("envelope") ? envelope(response) : response.body();
    byte[] bytes = Json.write(body, request != null && request.flag("pretty"));
    headers.putIfAbsent("Content-Type", "application/json");
    return new Written(headers, bytes);
  }

  static void send(HttpExchange exchange, int status, Written written) throws IOException {
    written.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (written.body() == null) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, written.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(written.body());
    }
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
