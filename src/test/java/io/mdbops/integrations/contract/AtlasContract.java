package io.mdbops.integrations.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.mdbops.integrations.simulator.ExchangeObserver.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MongoDB's OpenAPI spec of the Atlas integrations endpoints ({@code atlas-openapi/} in the test
 * resources), as a checker of one exchange: path, method, path and query parameters, media types,
 * request body, status code, response headers and body, each against the operation the spec
 * declares. Schemas are read strictly (see the README next to the spec): objects are closed,
 * readOnly properties are refused in requests and writeOnly ones in responses. Violations name the
 * place and the rule, never a value (values may be secrets).
 */
public final class AtlasContract {

  public static final String RESOURCE = "/atlas-openapi/atlas-integrations-v2.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{(\\w+)}");

  private enum Direction { REQUEST, RESPONSE }

  private final JsonNode spec;
  private final Map<Direction, JsonNode> components = new ConcurrentHashMap<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  /** OpenAPI 3.0 schemas; {@code components} only carries what {@code $ref}s point at. */
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
      com.networknt.schema.dialect.Dialect.builder(Dialects.getOpenApi30())
          .keyword(new com.networknt.schema.keyword.NonValidationKeyword("components")).build());

  private AtlasContract(JsonNode spec) {
    this.spec = spec;
    components.put(Direction.REQUEST, strict(spec.get("components"), "readOnly"));
    components.put(Direction.RESPONSE, strict(spec.get("components"), "writeOnly"));
  }

  /** The contract of the test resources. */
  public static AtlasContract load() {
    try (InputStream in = AtlasContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      return new AtlasContract(YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the contract speaks about this exchange (the OAuth endpoints are another API). */
  public static boolean covers(Exchange e) {
    return e.path().startsWith("/api/atlas/v2/");
  }

  /** Every way the exchange breaks the contract; empty when it keeps it. */
  public List<String> check(Exchange e) {
    List<String> violations = new ArrayList<>();
    String where = e.method() + " " + e.path();
    Match match = match(e.path());
    if (match == null) {
      violations.add(where + ": the spec has no such path");
      return violations;
    }
    where = e.method() + " " + match.template();
    JsonNode operation = spec.get("paths").get(match.template()).get(e.method().toLowerCase());
    if (operation == null) {
      violations.add(where + ": the spec has no such operation");
      return violations;
    }
    List<JsonNode> parameters = new ArrayList<>();
    operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
    checkRequest(e, where, operation, parameters, match, violations);
    checkResponse(e, where, operation, violations);
    return violations;
  }

  private void checkRequest(Exchange e, String where, JsonNode operation, List<JsonNode> parameters, Match match,
      List<String> violations) {
    for (Map.Entry<String, String> p : match.values().entrySet()) {
      JsonNode declared = parameter(parameters, "path", p.getKey());
      if (declared == null) {
        violations.add(where + ": path parameter " + p.getKey() + " is not declared");
      } else {
        validate(where + " path parameter " + p.getKey(), declared.get("schema"), JSON.getNodeFactory().textNode(p.getValue()),
            Direction.REQUEST, violations);
      }
    }
    for (Map.Entry<String, String> q : query(e.rawQuery()).entrySet()) {
      JsonNode declared = parameter(parameters, "query", q.getKey());
      if (declared == null) {
        violations.add(where + ": query parameter " + q.getKey() + " is not declared");
      } else {
        validate(where + " query parameter " + q.getKey(), declared.get("schema"), scalar(q.getValue(),
            declared.path("schema").path("type").asText()), Direction.REQUEST, violations);
      }
    }
    List<String> answerTypes = new ArrayList<>();
    operation.path("responses").forEach(r -> resolve(r).path("content").fieldNames().forEachRemaining(answerTypes::add));
    String accept = e.requestHeaders().get("Accept");
    if (accept == null || answerTypes.stream().noneMatch(t -> mediaType(accept).equals(t)
        && t.startsWith("application/vnd.atlas."))) {
      violations.add(where + ": Accept is not a resource version the operation serves "
          + answerTypes.stream().filter(t -> t.startsWith("application/vnd.atlas.")).distinct().toList());
    }
    JsonNode requestBody = operation.get("requestBody");
    boolean hasBody = e.requestBody() != null && e.requestBody().length > 0;
    if (requestBody == null) {
      if (hasBody) {
        violations.add(where + ": the operation takes no request body");
      }
      return;
    }
    if (!hasBody) {
      if (requestBody.path("required").asBoolean(false)) {
        violations.add(where + ": the request body is required");
      }
      return;
    }
    String type = mediaType(e.requestHeaders().getOrDefault("Content-Type", ""));
    JsonNode content = requestBody.path("content").get(type);
    if (content == null) {
      violations.add(where + ": request Content-Type " + type + " is not one of "
          + fieldNames(requestBody.path("content")));
      return;
    }
    validateBody(where + " request body", content.get("schema"), e.requestBody(), Direction.REQUEST, violations);
  }

  private void checkResponse(Exchange e, String where, JsonNode operation, List<String> violations) {
    JsonNode declared = operation.path("responses").get(Integer.toString(e.status()));
    if (declared == null) {
      violations.add(where + ": status " + e.status() + " is not one the operation declares "
          + fieldNames(operation.path("responses")));
      return;
    }
    JsonNode response = resolve(declared);
    boolean hasBody = e.responseBody() != null && e.responseBody().length > 0;
    JsonNode headers = response.path("headers");
    for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String value = e.responseHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (value != null) {
        JsonNode header = resolve(headers.get(name));
        validate(where + " " + e.status() + " header " + name, header.get("schema"),
            scalar(value, header.path("schema").path("type").asText()), Direction.RESPONSE, violations);
      }
    }
    if (!hasBody) {
      return;
    }
    String type = mediaType(e.responseHeaders().getOrDefault("Content-Type", ""));
    JsonNode content = response.path("content").get(type);
    if (content == null) {
      violations.add(where + ": " + e.status() + " response Content-Type " + type + " is not one of "
          + fieldNames(response.path("content")));
      return;
    }
    if (content.get("schema") == null) {
      violations.add(where + ": " + e.status() + " declares no body, but the response has one");
      return;
    }
    validateBody(where + " " + e.status() + " response body", content.get("schema"), e.responseBody(),
        Direction.RESPONSE, violations);
  }

  private void validateBody(String what, JsonNode schema, byte[] body, Direction direction, List<String> violations) {
    JsonNode value;
    try {
      value = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (IOException ex) {
      violations.add(what + ": not JSON");
      return;
    }
    validate(what, schema, value, direction, violations);
  }

  private void validate(String what, JsonNode schemaNode, JsonNode value, Direction direction, List<String> violations) {
    List<Error> errors = schema(schemaNode, direction).validate(value);
    for (Error error : errors) {
      if (!"oneOf".equals(error.getKeyword())) {
        violations.add(what + ": " + describe(error));
      } else if (errors.stream().noneMatch(e -> e != error && within(e, error))) {
        // the library said only "oneOf": ask the variant the spec's discriminator names why
        discriminated(what, value.at(pointer(error.getInstanceLocation())), error, direction, violations);
      }
    }
  }

  /** Whether {@code inner} is about the instance {@code outer} is about, or something inside it. */
  private static boolean within(Error inner, Error outer) {
    return pointer(inner.getInstanceLocation()).startsWith(pointer(outer.getInstanceLocation()));
  }

  /**
   * An integration that matches no variant: checked against the one its {@code type} names (the
   * spec's discriminator), so the violation names the field rather than just "oneOf".
   */
  private void discriminated(String what, JsonNode instance, Error error, Direction direction, List<String> violations) {
    JsonNode discriminator = spec.at("/components/schemas/ThirdPartyIntegration/discriminator");
    String type = instance.path(discriminator.path("propertyName").asText()).asText(null);
    JsonNode variant = type == null ? null : discriminator.path("mapping").get(type);
    if (variant == null) {
      violations.add(what + ": " + path(error.getInstanceLocation(), null) + ": oneOf, no variant for type " + type);
      return;
    }
    ObjectNode ref = JsonNodeFactory.instance.objectNode().put("$ref", variant.asText());
    String at = path(error.getInstanceLocation(), null);
    for (Error e : schema(ref, direction).validate(instance)) {
      violations.add(what + ": " + at + describe(e).substring(1));
    }
  }

  /** {@code $.results[8].licenseKey}: where in the instance. */
  private static String path(com.networknt.schema.path.NodePath location, String property) {
    StringBuilder s = new StringBuilder("$");
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      s.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
    }
    return property == null ? s.toString() : s + "." + property;
  }

  private static String pointer(com.networknt.schema.path.NodePath location) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      s.append('/').append(String.valueOf(location.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return s.toString();
  }

  /** Where and which rule, e.g. {@code $.regoin: additionalProperties}; never the value. */
  private static String describe(Error error) {
    String rule = error.getKeyword();
    if ("additionalProperties".equals(rule) || "required".equals(rule)) {
      return path(error.getInstanceLocation(), error.getProperty()) + ": " + rule;
    }
    String at = path(error.getInstanceLocation(), null);
    JsonNode constraint = error.getSchemaNode();
    return at + ": " + rule + (constraint == null || constraint.isObject() ? "" : " " + constraint);
  }

  private Schema schema(JsonNode schemaNode, Direction direction) {
    String key = direction + " " + schemaNode;
    return schemas.computeIfAbsent(key, k -> {
      ObjectNode document = ((ObjectNode) schemaNode.deepCopy());
      document.set("components", components.get(direction));
      return registry.getSchema(document);
    });
  }

  /** A copy of the components read strictly: closed objects, {@code dropped} properties removed. */
  private static JsonNode strict(JsonNode components, String dropped) {
    ObjectNode copy = components.deepCopy();
    copy.path("schemas").forEach(s -> close(s, dropped));
    // the API's answers carry strings and numbers here; the spec's items: {type: object} does not fit them
    JsonNode parameters = copy.path("schemas").path("ApiError").path("properties").path("parameters");
    if (parameters instanceof ObjectNode p) {
      p.set("items", JsonNodeFactory.instance.objectNode());
    }
    return copy;
  }

  private static void close(JsonNode schema, String dropped) {
    if (!(schema instanceof ObjectNode node)) {
      return;
    }
    JsonNode properties = node.get("properties");
    if (properties instanceof ObjectNode props) {
      List<String> gone = new ArrayList<>();
      props.fields().forEachRemaining(p -> {
        if (p.getValue().path(dropped).asBoolean(false)) {
          gone.add(p.getKey());
        }
      });
      gone.forEach(props::remove);
      if (node.get("required") instanceof ArrayNode required) {
        for (int i = required.size() - 1; i >= 0; i--) {
          if (gone.contains(required.get(i).asText())) {
            required.remove(i);
          }
        }
      }
      props.forEach(p -> close(p, dropped));
      boolean composed = node.has("oneOf") || node.has("anyOf") || node.has("allOf");
      if (!node.has("additionalProperties") && !composed) {
        node.put("additionalProperties", false);
      }
    }
    close(node.get("items"), dropped);
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    return spec.at(ref.asText().substring(1));
  }

  private static JsonNode parameter(List<JsonNode> parameters, String in, String name) {
    return parameters.stream().filter(p -> in.equals(p.path("in").asText()) && name.equals(p.path("name").asText()))
        .findFirst().orElse(null);
  }

  private static JsonNode scalar(String value, String type) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    try {
      return switch (type) {
        case "integer" -> f.numberNode(Long.parseLong(value));
        case "boolean" -> value.equals("true") || value.equals("false") ? f.booleanNode(Boolean.parseBoolean(value))
            : f.textNode(value);
        default -> f.textNode(value);
      };
    } catch (NumberFormatException e) {
      return f.textNode(value);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new java.util.LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return q;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String mediaType(String header) {
    return header.split(";")[0].trim().toLowerCase();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The path template a path matches, and its parameters' values. */
  private record Match(String template, Map<String, String> values) {}

  private Match match(String path) {
    for (Iterator<String> templates = spec.get("paths").fieldNames(); templates.hasNext(); ) {
      String template = templates.next();
      List<String> names = new ArrayList<>();
      Matcher m = TEMPLATE_PARAM.matcher(template);
      StringBuilder regex = new StringBuilder("^");
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last))).append("$");
      Matcher p = Pattern.compile(regex.toString()).matcher(path);
      if (p.matches()) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), p.group(i + 1));
        }
        return new Match(template, values);
      }
    }
    return null;
  }
}
