package io.mdbops.integrations.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus HTTP service-discovery endpoint of a project, {@code GET
 * /prometheus/v1.0/groups/{id}/discovery}: with basic auth as the project's PROMETHEUS integration's
 * user name and password, the project's hosts in Prometheus's HTTP SD format, on the port of the
 * integration's listenAddress. The hosts are made up, the same for a project every time. No
 * PROMETHEUS integration, or the wrong user or password, is a 401 with a Basic challenge. Logs
 * method, path and status only, never a header.
 */
final class DiscoveryEndpoint implements HttpHandler {

  static final String PREFIX = "/prometheus/v1.0/groups/";
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryEndpoint.class);
  private static final Pattern PATH = Pattern.compile("/prometheus/v1\\.0/groups/([0-9a-fA-F]{24})/discovery/?");
  private static final int HOSTS = 3;
  private static final String DEFAULT_PORT = "9216";

  private final IntegrationStore store;
  private final Clock clock;

  DiscoveryEndpoint(IntegrationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status;
    try {
      status = serve(exchange, path);
    } catch (RuntimeException e) {
      LOG.warn("discovery failed on {}: {}", path, e.getClass().getName());
      status = send(exchange, 500, Map.of("error", 500, "reason", "Internal Server Error"));
    }
    LOG.debug("{} {} -> {}", exchange.getRequestMethod(), path, status);
  }

  private int serve(HttpExchange exchange, String path) throws IOException {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return send(exchange, 404, Map.of("error", 404, "reason", "Not Found"));
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      return send(exchange, 405, Map.of("error", 405, "reason", "Method Not Allowed"));
    }
    String projectId = m.group(1).toLowerCase(java.util.Locale.ROOT);
    if (!store.hasProject(projectId)) {
      return send(exchange, 404, Map.of("error", 404, "reason", "Not Found"));
    }
    Optional<Map<String, Object>> prometheus = store.visible(projectId, "PROMETHEUS", clock.instant());
    if (prometheus.isEmpty() || !authorized(exchange.getRequestHeaders().getFirst("Authorization"), prometheus.get())) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Prometheus\", charset=\"UTF-8\"");
      return send(exchange, 401, Map.of("error", 401, "reason", "Unauthorized"));
    }
    return send(exchange, 200, targets(projectId, port(prometheus.get().get("listenAddress"))));
  }

  /** Basic auth as the integration's user; compared in constant time, never logged. */
  private static boolean authorized(String header, Map<String, Object> integration) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || !(integration.get("username") instanceof String user)
        || !(integration.get("password") instanceof String password) || password.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8),
        user.getBytes(StandardCharsets.UTF_8))
        & MessageDigest.isEqual(decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8));
  }

  /** One target group: the project's made-up hosts, labelled as Cloud Manager labels them. */
  static List<Map<String, Object>> targets(String projectId, String port) {
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < HOSTS; i++) {
      hosts.add("mongo-" + i + "." + projectId + ".simulator.invalid:" + port);
    }
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("group_id", projectId);
    labels.put("group_name", "Simulated project " + projectId.substring(projectId.length() - 6));
    labels.put("org_id", "5f" + projectId.substring(2));
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("targets", hosts);
    group.put("labels", labels);
    return List.of(group);
  }

  /** The port of a listenAddress such as {@code 0.0.0.0:9216}; the agents' default when there is none. */
  static String port(Object listenAddress) {
    if (listenAddress instanceof String address) {
      int colon = address.lastIndexOf(':');
      String port = colon < 0 ? "" : address.substring(colon + 1);
      if (port.matches("[0-9]{1,5}")) {
        return port;
      }
    }
    return DEFAULT_PORT;
  }

  private static int send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.write(body, false);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }
}
