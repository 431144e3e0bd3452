package io.mdbops.integrations.packaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generated parts of the chart's README.md, between their BEGIN/END GENERATED markers: the
 * values table (every property of values.schema.json, defaults from values.yaml) and the argocd-cm
 * snippet carrying health/argocd-health.lua. Everything outside the markers is written by hand.
 */
final class ChartReadme {

  static final Path FILE = Chart.DIR.resolve("README.md");
  static final String VALUES = "values";
  static final String ARGOCD = "argocd-health";
  static final String HEALTH_KEY = "resource.customizations.health.integrations.mdbops.io_ThirdPartyIntegration";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChartReadme() {}

  /** The README with both generated parts brought up to date. */
  static String regenerate(String readme) throws IOException {
    return replace(replace(readme, VALUES, valuesTable()), ARGOCD, argoCdSnippet());
  }

  static String begin(String part) {
    return "<!-- BEGIN GENERATED: " + part + " (ChartReadmeTest writes it; do not edit) -->\n";
  }

  static String end(String part) {
    return "<!-- END GENERATED: " + part + " -->";
  }

  /** The text between a part's markers. */
  static String part(String readme, String part) {
    int from = readme.indexOf(begin(part));
    int to = readme.indexOf(end(part));
    if (from < 0 || to < from) {
      throw new IllegalStateException(FILE + " lacks the markers of its generated part " + part);
    }
    return readme.substring(from + begin(part).length(), to);
  }

  private static String replace(String readme, String part, String content) {
    String old = part(readme, part);
    int from = readme.indexOf(begin(part)) + begin(part).length();
    return readme.substring(0, from) + content + readme.substring(from + old.length());
  }

  static String valuesTable() throws IOException {
    JsonNode schema = JSON.readTree(Chart.DIR.resolve("values.schema.json").toFile());
    Map<String, Object> defaults = Manifests.yaml(Files.readString(Chart.DIR.resolve("values.yaml")));
    List<String> rows = new ArrayList<>();
    rows.add("| Key | Type | Default | Description |");
    rows.add("|---|---|---|---|");
    addRows(schema, schema, "", defaults, rows);
    return String.join("\n", rows) + "\n";
  }

  private static void addRows(JsonNode root, JsonNode node, String prefix, Object defaults, List<String> rows) {
    if (node.isMissingNode()) {
      return;
    }
    node.path("properties").properties().forEach(property -> {
      String key = prefix + property.getKey();
      JsonNode schema = property.getValue();
      Object value = defaults instanceof Map<?, ?> map ? map.get(property.getKey()) : null;
      boolean groupsKeys = schema.has("properties");
      rows.add("| `" + key + "` | " + type(root, schema) + " | "
          + (groupsKeys || defaults == null ? "" : "`" + cell(json(value)) + "`") + " | "
          + cell(schema.path("description").asText()) + " |");
      addRows(root, schema, key + ".", value, rows);
      // properties of list entries have no default of their own
      addRows(root, schema.path("items"), key + "[].", null, rows);
    });
  }

  private static String type(JsonNode root, JsonNode schema) {
    JsonNode resolved = resolve(root, schema);
    List<String> types = new ArrayList<>();
    resolved.path("type").forEach(t -> types.add(t.asText()));
    String name = resolved.path("type").isArray() ? String.join(" or ", types) : resolved.path("type").asText("any");
    if (!name.equals("array")) {
      return name;
    }
    JsonNode items = resolve(root, resolved.path("items"));
    return items.has("type") ? "list of " + items.path("type").asText() : "list";
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    return schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Markdown table cells end at a pipe and a line break, and would swallow {@code <placeholders>} as HTML. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The argocd-cm ConfigMap with the health check, ready to merge into Argo CD's own. */
  static String argoCdSnippet() {
    String script = ArgoCdHealthCheck.script().lines()
        .map(line -> line.isEmpty() ? line : "    " + line)
        .collect(Collectors.joining("\n"));
    return "```yaml\n"
        + "apiVersion: v1\n"
        + "kind: ConfigMap\n"
        + "metadata:\n"
        + "  name: argocd-cm\n"
        + "  namespace: argocd\n"
        + "data:\n"
        + "  " + HEALTH_KEY + ": |\n"
        + script + "\n"
        + "```\n";
  }

  static void write(String readme) {
    try {
      Files.writeString(FILE, readme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
