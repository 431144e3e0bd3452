package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CRD's {@code x-kubernetes-validations} rules, compiled with CEL and run where the API server runs
 * them: each on the value at its place in the schema ({@code self}); a rule that reads {@code oldSelf}
 * (a transition rule, such as immutability) only on an update, and only where the old object had that
 * value too. A failing rule is reported at its field with the schema type as the value, as the server
 * does: {@code spec.projectId: Invalid value: "string": projectId is immutable; ...}.
 */
public final class CelRules {

  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");
  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  /**
   * One rule and where it sits.
   *
   * @param path       field names from the object's root to the value the rule is on, e.g. [spec, projectId]
   * @param schemaType that value's schema type, shown as the value in the error
   */
  public record Rule(List<String> path, String schemaType, String expression, String message, String reason,
      String fieldPath, boolean transition, CelRuntime.Program program) {

    /** The field path as errors show it: {@code spec.projectId}. */
    public String field() {
      return String.join(".", path);
    }
  }

  private final List<Rule> rules;

  public CelRules(JsonNode openApiV3Schema) {
    List<Rule> found = new ArrayList<>();
    collect(openApiV3Schema, new ArrayList<>(), found);
    this.rules = List.copyOf(found);
  }

  /** Every rule in the schema, in schema order. */
  public List<Rule> rules() {
    return rules;
  }

  private static void collect(JsonNode schema, List<String> path, List<Rule> found) {
    for (JsonNode r : schema.path("x-kubernetes-validations")) {
      String expression = r.path("rule").asText();
      found.add(new Rule(List.copyOf(path), schema.path("type").asText("object"), expression,
          r.path("message").asText(""), r.hasNonNull("reason") ? r.get("reason").asText() : null,
          r.path("fieldPath").asText(""), OLD_SELF.matcher(expression).find(), compile(expression)));
    }
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      path.add(p.getKey());
      collect(p.getValue(), path, found);
      path.remove(path.size() - 1);
    }
  }

  private static CelRuntime.Program compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
      return RUNTIME.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      // the build's CRD is ours: a rule that does not compile is a bug to see at start, not per request
      throw new IllegalArgumentException("CEL rule does not compile: " + expression + ": " + e.getMessage(), e);
    }
  }

  /** The failures of every rule that applies; {@code old} is null on a create. */
  public List<FieldError> validate(JsonNode object, JsonNode old) {
    List<FieldError> errors = new ArrayList<>();
    for (Rule rule : rules) {
      JsonNode self = at(object, rule.path());
      JsonNode oldSelf = old == null ? null : at(old, rule.path());
      if (self == null || rule.transition() && oldSelf == null) {
        continue;
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("self", value(self));
      if (oldSelf != null) {
        vars.put("oldSelf", value(oldSelf));
      }
      String field = rule.field() + rule.fieldPath();
      try {
        if (!Boolean.TRUE.equals(rule.program().eval(vars))) {
          String message = rule.message().isBlank() ? "failed rule: " + rule.expression().trim() : rule.message().trim();
          FieldError.Type type = FieldError.Type.ofRuleReason(rule.reason());
          errors.add(new FieldError(type, field, rule.schemaType(), message));
        }
      } catch (CelEvaluationException e) {
        String shown = rule.message().isBlank() ? rule.expression().trim() : rule.message().trim();
        errors.add(FieldError.invalid(field, rule.schemaType(), e.getMessage() + " evaluating rule: " + shown));
      }
    }
    return errors;
  }

  private static JsonNode at(JsonNode object, List<String> path) {
    JsonNode node = object;
    for (String name : path) {
      node = node.get(name);
      if (node == null || node.isNull()) {
        return null;
      }
    }
    return node;
  }

  /** A JSON value as CEL sees it: maps, lists, strings, int64, double, bool. */
  static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(value(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNull()) {
      return NullValue.NULL_VALUE;
    }
    return node.asText();
  }
}
