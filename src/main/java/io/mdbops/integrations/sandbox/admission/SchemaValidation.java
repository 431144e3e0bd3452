package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks an object against the CRD's {@code openAPIV3Schema} (an OpenAPI 3.0 schema, which the
 * json-schema-validator library reads as is) and words each failure as the API server's CRD handler does
 * ({@code kubeOpenAPIResultToFieldErrors}): Required value, Unsupported value, Too long, Invalid value
 * "... in body should match ...", and so on.
 */
public final class SchemaValidation {

  private final Schema schema;

  public SchemaValidation(JsonNode openApiV3Schema) {
    // the Kubernetes extensions are checked elsewhere (CelRules, StructuralSchema): known here, not validated
    Dialect kubernetes = Dialect.builder(Dialects.getOpenApi30())
        .keyword(new NonValidationKeyword("x-kubernetes-validations"))
        .keyword(new NonValidationKeyword("x-kubernetes-preserve-unknown-fields"))
        .keyword(new NonValidationKeyword("x-kubernetes-int-or-string"))
        .keyword(new NonValidationKeyword("x-kubernetes-embedded-resource"))
        .keyword(new NonValidationKeyword("x-kubernetes-list-type"))
        .keyword(new NonValidationKeyword("x-kubernetes-list-map-keys"))
        .keyword(new NonValidationKeyword("x-kubernetes-map-type"))
        .build();
    this.schema = SchemaRegistry.withDefaultDialect(kubernetes).getSchema(openApiV3Schema);
  }

  /** Every violation, ordered by field path as the server's walk of the schema lists them. */
  public List<FieldError> validate(JsonNode object) {
    List<FieldError> errors = new ArrayList<>();
    for (Error e : schema.validate(object)) {
      errors.add(toFieldError(e, object.at(pointer(e.getInstanceLocation()))));
    }
    errors.sort(Comparator.comparing(FieldError::field));
    return errors;
  }

  /** @param value the failing value as sent (the library may hand back a normalised copy, 5 as 5.0) */
  private static FieldError toFieldError(Error e, JsonNode value) {
    String path = path(e.getInstanceLocation());
    JsonNode rule = e.getSchemaNode();
    return switch (e.getKeyword()) {
      case "required" -> FieldError.required(join(path, e.getProperty()));
      case "enum" -> {
        List<String> allowed = new ArrayList<>();
        rule.forEach(v -> allowed.add(FieldError.quote(v.isTextual() ? v.asText() : v.toString())));
        yield new FieldError(FieldError.Type.NOT_SUPPORTED, path, scalar(value),
            "supported values: " + String.join(", ", allowed));
      }
      case "maxLength" -> new FieldError(FieldError.Type.TOO_LONG, path, "",
          "may not be more than " + rule.asLong() + " bytes");
      case "minLength" -> FieldError.invalid(path, scalar(value),
          path + " in body should be at least " + rule.asLong() + " chars long");
      case "pattern" -> FieldError.invalid(path, scalar(value), path + " in body should match '" + rule.asText() + "'");
      case "type" -> {
        String actual = typeName(value);
        yield new FieldError(FieldError.Type.TYPE_INVALID, path, actual,
            path + " in body must be of type " + rule.asText() + ": " + FieldError.quote(actual));
      }
      default -> FieldError.invalid(path, scalar(value), e.getMessage());
    };
  }

  /** {@code /spec/items/0/name} as the server writes it: {@code spec.items[0].name}. */
  static String path(NodePath location) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        s.append('[').append(index).append(']');
      } else {
        s.append(s.length() == 0 ? "" : ".").append(element);
      }
    }
    return s.toString();
  }

  private static String pointer(NodePath location) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      s.append('/').append(String.valueOf(location.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return s.toString();
  }

  private static String join(String path, String child) {
    return path.isEmpty() ? child : path + "." + child;
  }

  /** JSON Schema's name for a value's type, as the server reports it. */
  static String typeName(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isTextual()) {
      return "string";
    }
    return value.isArray() ? "array" : "object";
  }

  /** The value to show: strings, numbers and booleans as they are; anything else by its JSON. */
  static Object scalar(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.toString();
  }
}
