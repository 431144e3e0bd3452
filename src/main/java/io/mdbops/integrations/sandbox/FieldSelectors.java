package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.sandbox.admission.StatusResponses;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * List requests with {@code ?fieldSelector=} filtered as a real API server filters them, on the fields
 * it supports for each kind (for Events: {@code involvedObject.name}, {@code reason}, {@code type} and
 * the rest; for every kind {@code metadata.name} and {@code metadata.namespace}); the mock server knows
 * only {@code metadata.name}. Operators {@code =}, {@code ==} and {@code !=}, requirements joined by
 * commas; an unsupported field is refused as the server refuses it.
 */
final class FieldSelectors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LIST = Pattern.compile("/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([a-z]+)");
  private static final Set<String> EVERY_KIND = Set.of("metadata.name", "metadata.namespace");
  private static final Map<String, Set<String>> BY_RESOURCE = Map.of(
      "events", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
          "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
          "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
      "secrets", Set.of("type"),
      "namespaces", Set.of("status.phase"));
  /** Where a selectable field lives in the object, when that is not its own name. */
  private static final Map<String, String> PATHS = Map.of("source", "source.component");

  private record Requirement(String field, String value, boolean equal) {}

  private FieldSelectors() {
  }

  /** Serves the request through {@code next}, filtering a list when it carries a field selector. */
  static MockResponse dispatch(RecordedRequest request, Dispatcher next) {
    String path = request.getPath();
    int q = path.indexOf('?');
    Matcher m = LIST.matcher(q < 0 ? path : path.substring(0, q));
    if (!"GET".equals(request.getMethod()) || q < 0 || !m.matches()) {
      return next.dispatch(request);
    }
    String selector = null;
    List<String> rest = new ArrayList<>();
    for (String pair : path.substring(q + 1).split("&")) {
      if (pair.startsWith("fieldSelector=")) {
        selector = URLDecoder.decode(pair.substring("fieldSelector=".length()), StandardCharsets.UTF_8);
      } else {
        rest.add(pair);
      }
    }
    if (selector == null || selector.isBlank() || rest.contains("watch=true") || rest.contains("watch=1")) {
      return next.dispatch(request);
    }
    List<Requirement> requirements = new ArrayList<>();
    Set<String> supported = BY_RESOURCE.getOrDefault(m.group(1), Set.of());
    for (String part : selector.split(",")) {
      Requirement r = parse(part.trim());
      if (r == null) {
        return StatusResponses.badRequest("invalid field selector: " + part);
      }
      if (!EVERY_KIND.contains(r.field()) && !supported.contains(r.field())) {
        return StatusResponses.badRequest("field label not supported: " + r.field());
      }
      requirements.add(r);
    }
    String unfiltered = path.substring(0, q) + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
    MockResponse response = next.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), unfiltered,
        request.getHeaders(), request.getBody()));
    return response.code() == 200 ? filtered(response, requirements) : response;
  }

  private static Requirement parse(String part) {
    for (String op : List.of("!=", "==", "=")) {
      int at = part.indexOf(op);
      if (at > 0) {
        return new Requirement(part.substring(0, at), part.substring(at + op.length()), !"!=".equals(op));
      }
    }
    return null;
  }

  private static MockResponse filtered(MockResponse response, List<Requirement> requirements) {
    try {
      JsonNode list = JSON.readTree(response.getBody().getBytes());
      if (!(list instanceof ObjectNode object) || !list.has("items")) {
        return response;
      }
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode item : list.get("items")) {
        if (requirements.stream().allMatch(r -> r.value().equals(value(item, r.field())) == r.equal())) {
          kept.add(item);
        }
      }
      object.set("items", kept);
      return response.setBody(object.toString());
    } catch (IOException e) {
      return response;
    }
  }

  private static String value(JsonNode item, String field) {
    JsonNode node = item;
    for (String part : PATHS.getOrDefault(field, field).split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() ? node.asText() : "";
  }
}
