package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side Table printing, which is where {@code kubectl get}'s columns come from: the custom
 * resource's printer columns from its CRD, and the columns a real server prints for Events
 * ({@code LAST SEEN TYPE REASON OBJECT MESSAGE}) and CRDs ({@code NAME CREATED AT}). Without a Table,
 * kubectl shows only NAME and AGE. Rows come in key order (namespace, name), as a real server lists.
 */
final class ServerTables {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";
  private static final Pattern RESOURCE =
      Pattern.compile("/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([a-z]+)(?:/[^/?]+)?(?:\\?.*)?");
  private static final Pattern CONDITION =
      Pattern.compile("\\.status\\.conditions\\[\\?\\(@\\.type==\"([^\"]+)\"\\)\\]\\.(\\w+)");

  /** One column: its definition, priority 0 shown by default and 1 with -o wide, and how to fill it. */
  record Column(String name, String type, String format, String description, int priority,
      Function<JsonNode, String> value) {}

  private static final Column NAME = new Column("Name", "string", "name", "Name of the resource", 0,
      i -> i.path("metadata").path("name").asText());
  private static final List<Column> EVENTS = List.of(
      new Column("Last Seen", "string", "", "Time of the last occurrence", 0, i -> age(firstOf(i,
          "/lastTimestamp", "/eventTime", "/firstTimestamp", "/metadata/creationTimestamp"))),
      new Column("Type", "string", "", "Type of the event", 0, i -> i.path("type").asText()),
      new Column("Reason", "string", "", "Why the event was emitted", 0, i -> i.path("reason").asText()),
      new Column("Object", "string", "", "The object the event is about", 0, i -> i.at("/involvedObject/kind")
          .asText().toLowerCase(java.util.Locale.ROOT) + "/" + i.at("/involvedObject/name").asText()),
      new Column("Subobject", "string", "", "Part of the object", 1, i -> i.at("/involvedObject/fieldPath").asText()),
      new Column("Source", "string", "", "Who emitted the event", 1, i -> i.at("/source/component").asText()),
      new Column("Message", "string", "", "What happened", 0, i -> i.path("message").asText()),
      new Column("First Seen", "string", "", "Time of the first occurrence", 1,
          i -> age(firstOf(i, "/firstTimestamp", "/eventTime", "/metadata/creationTimestamp"))),
      new Column("Count", "string", "", "How often it happened", 1, i -> i.path("count").asText("1")),
      new Column("Name", "string", "name", "Name of the event", 1, i -> i.path("metadata").path("name").asText()));
  private static final List<Column> CRDS = List.of(NAME, new Column("Created At", "date", "", "When it was created",
      0, i -> i.path("metadata").path("creationTimestamp").asText()));

  private final Map<String, List<Column>> byResource;

  ServerTables(CustomResourceDefinition crd) {
    CustomResourceDefinitionVersion served = crd.getSpec().getVersions().stream()
        .filter(CustomResourceDefinitionVersion::getStorage).findFirst().orElseThrow();
    List<Column> custom = new ArrayList<>(List.of(NAME));
    for (CustomResourceColumnDefinition c : served.getAdditionalPrinterColumns()) {
      boolean date = "date".equals(c.getType());
      custom.add(new Column(c.getName(), date ? "string" : c.getType(), "",
          c.getDescription() == null ? "" : c.getDescription(), c.getPriority() == null ? 0 : c.getPriority(),
          i -> date ? age(cell(i, c.getJsonPath())) : cell(i, c.getJsonPath())));
    }
    byResource = Map.of(crd.getSpec().getNames().getPlural(), List.copyOf(custom), "events", EVENTS,
        "customresourcedefinitions", CRDS);
  }

  /** The response as a Table when kubectl asked for one and the resource has columns here; else unchanged. */
  MockResponse asTable(RecordedRequest request, MockResponse response) {
    String accept = request.getHeader("Accept");
    Matcher m = RESOURCE.matcher(request.getPath());
    List<Column> columns = m.matches() ? byResource.get(m.group(1)) : null;
    if (!"GET".equals(request.getMethod()) || accept == null || !accept.contains("as=Table") || columns == null
        || request.getPath().contains("watch=") || response.code() != 200) {
      return response;
    }
    try {
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", TABLE_TYPE)
          .setBody(table(JSON.readTree(response.getBody().getBytes()), columns).toString());
    } catch (IOException e) {
      return response;
    }
  }

  private static ObjectNode table(JsonNode body, List<Column> columns) {
    List<JsonNode> items = new ArrayList<>();
    if (body.has("items")) {
      body.get("items").forEach(items::add);
    } else {
      items.add(body);
    }
    // a real API server lists in key order; the mock in insertion order
    items.sort(Comparator.comparing((JsonNode i) -> i.path("metadata").path("namespace").asText())
        .thenComparing(i -> i.path("metadata").path("name").asText()));
    ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.set("metadata", body.has("metadata") && body.has("items")
        ? body.get("metadata").deepCopy() : JSON.createObjectNode());
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column c : columns) {
      definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
          .put("description", c.description()).put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      columns.forEach(c -> cells.add(c.value().apply(item)));
      ObjectNode object = row.putObject("object")
          .put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata").deepCopy());
    }
    return table;
  }

  private static String firstOf(JsonNode item, String... pointers) {
    for (String p : pointers) {
      if (item.at(p).isTextual() && !item.at(p).asText().isEmpty()) {
        return item.at(p).asText();
      }
    }
    return "";
  }

  /** The value at a printer column's JSONPath: a plain path, or one condition's field. */
  static String cell(JsonNode item, String jsonPath) {
    Matcher condition = CONDITION.matcher(jsonPath);
    if (condition.matches()) {
      for (JsonNode c : item.path("status").path("conditions")) {
        if (condition.group(1).equals(c.path("type").asText())) {
          return c.path(condition.group(2)).asText("");
        }
      }
      return "";
    }
    JsonNode node = item;
    for (String part : jsonPath.substring(1).split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() ? node.asText() : "";
  }

  /** A timestamp as kubectl shows ages: 45s, 3m20s, 2h, 4d. */
  static String age(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    Duration d;
    try {
      d = Duration.between(Instant.parse(timestamp), Instant.now());
    } catch (java.time.format.DateTimeParseException e) {
      return "<unknown>";
    }
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 10) {
      return s % 60 == 0 ? m + "m" : m + "m" + (s % 60) + "s";
    }
    long h = m / 60;
    if (h < 3) {
      return m + "m";
    }
    if (h < 8) {
      return m % 60 == 0 ? h + "h" : h + "h" + (m % 60) + "m";
    }
    if (h < 48) {
      return h + "h";
    }
    return h % 24 == 0 || h >= 192 ? (h / 24) + "d" : (h / 24) + "d" + (h % 24) + "h";
  }
}
