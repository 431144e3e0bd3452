package io.mdbops.integrations.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a ThirdPartyIntegration from YAML or JSON the way an API server with the CRD would judge
 * it: unknown fields, values of the wrong JSON type (a number where a string belongs), enum values
 * the CRD does not list and duplicate keys are problems, not silently coerced or dropped. Useful
 * where the document does not come through a real API server (the mock server in tests, files
 * checked by hand). The problems then include those of {@link SpecValidator}, without repeating a
 * field already reported. Only the first YAML document is read.
 */
public final class ResourceParser {

  static final String API_VERSION = ThirdPartyIntegration.GROUP + "/" + ThirdPartyIntegration.VERSION;
  static final String KIND = "ThirdPartyIntegration";

  /** How many unreadable values one document may have before reading stops. */
  private static final int MAX_DROPPED = 20;

  private static final ObjectMapper JSON = configure(new ObjectMapper());
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

  private ResourceParser() {}

  /**
   * The resource as read (null when the document could not be read at all) and every problem found,
   * one message each, starting with the field path; empty when the resource is valid.
   */
  public record Result(ThirdPartyIntegration resource, List<String> problems) {
    public boolean valid() {
      return resource != null && problems.isEmpty();
    }
  }

  /** Reads one resource from YAML or JSON (JSON when it starts with a brace). */
  public static Result parse(String yamlOrJson) {
    Objects.requireNonNull(yamlOrJson, "yamlOrJson");
    JsonNode tree;
    try {
      tree = read(yamlOrJson);
    } catch (JsonProcessingException e) {
      return failed(syntax(e, isJson(yamlOrJson) ? "JSON" : "YAML"));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return failed(new Problem("", "the document is empty"));
    }
    if (!tree.isObject()) {
      return failed(new Problem("", "the document must be an object: a " + KIND + " resource"));
    }
    List<Problem> problems = new ArrayList<>();
    header(tree, "apiVersion", API_VERSION, problems);
    header(tree, "kind", KIND, problems);
    ObjectNode body = (ObjectNode) tree;
    body.remove(List.of("apiVersion", "kind")); // checked above; fixed by the Java type anyway
    ThirdPartyIntegration resource = bind(body, problems);
    if (resource == null) {
      return new Result(null, messages(problems));
    }
    List<Problem> parsed = List.copyOf(problems);
    for (Problem problem : new SpecValidator().problems(resource.getSpec())) {
      if (parsed.stream().noneMatch(p -> problem.isAt(p.field()))) {
        problems.add(problem);
      }
    }
    return new Result(resource, messages(problems));
  }

  /**
   * Binds {@code body}, collecting what Jackson finds wrong. A value Jackson cannot take at all
   * (say "" where an object belongs) is reported, replaced by null in {@code body} (which is how
   * the API server treats null: as absent), and binding starts over, so one bad value does not
   * hide the others.
   */
  private static ThirdPartyIntegration bind(ObjectNode body, List<Problem> problems) {
    List<Problem> dropped = new ArrayList<>();
    for (int attempt = 0; attempt < MAX_DROPPED; attempt++) {
      List<Problem> found = new ArrayList<>();
      try {
        ThirdPartyIntegration resource = JSON.readerFor(ThirdPartyIntegration.class)
            .withHandler(new BindingProblemHandler(found))
            .readValue(JSON.treeAsTokens(body));
        problems.addAll(dropped);
        problems.addAll(found);
        return resource;
      } catch (JsonMappingException e) {
        String field = BindingProblemHandler.path(e.getPath());
        JsonNode value = clear(body, e.getPath());
        if (value == null) {
          dropped.add(new Problem(field, field + " cannot be read"));
          break;
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        dropped.add(new Problem(field, field + " must be " + BindingProblemHandler.expected(target)
            + ", not " + describe(value)));
      } catch (IOException e) {
        throw new UncheckedIOException("reading a tree already in memory failed", e);
      }
    }
    problems.addAll(dropped);
    if (dropped.size() == MAX_DROPPED) {
      problems.add(new Problem("", "reading stopped after " + MAX_DROPPED + " unreadable values"));
    }
    return null;
  }

  /** Replaces the node at {@code path} by null; returns it, or null if there is none. */
  private static JsonNode clear(JsonNode root, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return null;
    }
    JsonNode parent = root;
    for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
      parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
      if (parent == null) {
        return null;
      }
    }
    JsonMappingException.Reference last = path.get(path.size() - 1);
    JsonNode value = null;
    if (parent instanceof ObjectNode object && last.getFieldName() != null) {
      value = object.replace(last.getFieldName(), NullNode.getInstance());
    } else if (parent instanceof ArrayNode array && last.getIndex() >= 0
        && last.getIndex() < array.size()) {
      value = array.set(last.getIndex(), NullNode.getInstance());
    }
    return value == null || value.isNull() ? null : value;
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().isEmpty() ? "an empty string" : "a string";
    }
    return value.isObject() ? "an object" : value.isArray() ? "a list" : value.isNumber() ? "a number"
        : value.isBoolean() ? "a boolean" : "null";
  }

  private static void header(JsonNode tree, String field, String expected, List<Problem> problems) {
    JsonNode value = tree.get(field);
    if (value == null || !value.isTextual() || !value.asText().equals(expected)) {
      String actual = value == null ? "is missing" : "is " + (value.isTextual()
          ? Quote.of(value.asText()) : "not a string");
      problems.add(new Problem(field, field + " " + actual + "; it must be " + expected));
    }
  }

  /** Where the document breaks; not the parser's text, which may quote any part of it. */
  private static Problem syntax(JsonProcessingException e, String format) {
    String where = location(e);
    if (e.getOriginalMessage().startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p) {
      String field = BindingProblemHandler.path(p, false);
      return new Problem(field, field + " appears twice" + where + "; keep one");
    }
    return new Problem("", "the document is not valid " + format + where);
  }

  private static Result failed(Problem problem) {
    return new Result(null, List.of(problem.message()));
  }

  private static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::message).collect(Collectors.toUnmodifiableList());
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static boolean isJson(String text) {
    return text.stripLeading().startsWith("{");
  }

  /** JSON when it starts with a brace, unless only YAML can read it (a YAML flow mapping). */
  private static JsonNode read(String text) throws JsonProcessingException {
    if (!isJson(text)) {
      return YAML.readTree(text);
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException json) {
      try {
        return YAML.readTree(text);
      } catch (JsonProcessingException yaml) {
        throw json;
      }
    }
  }

  /**
   * The spec's problems, for a spec the operator could not read ({@link
   * io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec#original()}).
   */
  static List<Problem> specProblems(JsonNode spec) {
    ObjectNode document = JSON.createObjectNode();
    document.put("apiVersion", API_VERSION);
    document.put("kind", KIND);
    document.putObject("metadata").put("name", "unreadable");
    document.set("spec", spec);
    Result result = parse(document.toString());
    return result.problems().stream()
        .filter(m -> m.startsWith("spec"))
        .map(m -> new Problem("spec", m))
        .toList();
  }

  /** Binds the spec as it is, so its problems are reported here, not tolerated. */
  private abstract static class PlainSpec {
    @JsonDeserialize(using = JsonDeserializer.None.class)
    public abstract void setSpec(ThirdPartyIntegrationSpec spec);
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.addMixIn(ThirdPartyIntegration.class, PlainSpec.class);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    SimpleModule strict = new SimpleModule("strict-scalars");
    strict.addDeserializer(String.class, StrictScalars.STRING);
    strict.addDeserializer(Boolean.class, StrictScalars.BOOLEAN);
    mapper.registerModule(strict);
    // "" where an object belongs is a problem (bind() drops it), not a silent null
    mapper.coercionConfigFor(LogicalType.POJO)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }
}
