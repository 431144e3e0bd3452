package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.sandbox.admission.StatusResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    Optional<SelectedList> selected = SelectedList.of(request, "fieldSelector");
    Matcher m = selected.map(l -> LIST.matcher(l.path())).orElse(null);
    if (selected.isEmpty() || !m.matches()) {
      return next.dispatch(request);
    }
    List<Requirement> requirements = new ArrayList<>();
    Set<String> supported = BY_RESOURCE.getOrDefault(m.group(1), Set.of());
    for (String part : selected.get().selector().split(",")) {
      Requirement r = parse(part.trim());
      if (r == null) {
        return StatusResponses.badRequest("invalid field selector: " + part);
      }
      if (!EVERY_KIND.contains(r.field()) && !supported.contains(r.field())) {
        return StatusResponses.badRequest("field label not supported: " + r.field());
      }
      requirements.add(r);
    }
    return selected.get().dispatchKeeping(next,
        item -> requirements.stream().allMatch(r -> r.value().equals(value(item, r.field())) == r.equal()));
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

  private static String value(JsonNode item, String field) {
    JsonNode node = item;
    for (String part : PATHS.getOrDefault(field, field).split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() ? node.asText() : "";
  }
}
