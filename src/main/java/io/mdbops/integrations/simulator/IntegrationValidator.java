package io.mdbops.integrations.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a POST/PUT body against a {@link TypeSchema}. {@link #provided} checks what the body says
 * on its own; {@link #complete} checks the integration that would be stored (after a merge, with
 * defaults). Each failure ends the request with the matching {@link ApiErrorException}.
 */
final class IntegrationValidator {

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  private final boolean rejectMaskedValues;
  private final ResponseMasking.Formats maskFormats;
  private final boolean atlasV2;

  /**
   * @param maskFormats how reads mask, to recognise their output sent back
   * @param atlasV2 Atlas v2: a body may carry the (ignored) {@code id}, and refusals name their field
   *     in {@code badRequestDetail}
   */
  IntegrationValidator(boolean rejectMaskedValues, ResponseMasking.Formats maskFormats, boolean atlasV2) {
    this.rejectMaskedValues = rejectMaskedValues;
    this.maskFormats = maskFormats;
    this.atlasV2 = atlasV2;
  }

  /** The body's fields (without {@code type}, nulls dropped) after the per-field checks. */
  Map<String, Object> provided(TypeSchema schema, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiErrorException(ErrorCode.INVALID_JSON);
    }
    checkType(schema.type(), body.get("type"));
    Map<String, FieldSchema> fields = schema.byName();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !fields.containsKey(name) && !(atlasV2 && name.equals("id"))) {
        throw refused(ApiError.of(ErrorCode.INTEGRATION_FIELDS_INVALID), name,
            "is not a field of " + schema.type());
      }
    }
    Map<String, Object> provided = new LinkedHashMap<>();
    for (FieldSchema field : schema.fields()) {
      JsonNode node = body.get(field.name());
      if (node != null && !node.isNull()) {
        provided.put(field.name(), checkValue(schema.type(), field, node));
      }
    }
    return provided;
  }

  /** The integration to store: defaults filled in, required fields present. */
  Map<String, Object> complete(TypeSchema schema, Map<String, Object> fields) {
    Map<String, Object> complete = new LinkedHashMap<>();
    complete.put("type", schema.type());
    for (FieldSchema field : schema.fields()) {
      Object value = fields.get(field.name());
      if (value == null && field.defaultValue() != null) {
        value = field.defaultValue();
      }
      boolean required = field.required() || conditionHolds(field.requiredWhen(), fields);
      if (required && (value == null || "".equals(value))) {
        throw refused(ApiError.of(ErrorCode.MISSING_ATTRIBUTE, field.name()), field.name(), "is required");
      }
      if (value != null) {
        complete.put(field.name(), value);
      }
    }
    return complete;
  }

  private static void checkType(String pathType, JsonNode type) {
    if (type == null || type.isNull()) {
      throw new ApiErrorException(ErrorCode.MISSING_ATTRIBUTE, "type");
    }
    if (!type.isTextual()) {
      throw new ApiErrorException(ApiError.withParameters(ErrorCode.INVALID_JSON, List.of("type")));
    }
    if (!type.asText().equals(pathType)) {
      throw new ApiErrorException(ErrorCode.INVALID_ATTRIBUTE, "type");
    }
  }

  private Object checkValue(String type, FieldSchema field, JsonNode node) {
    if (field.kind() == FieldSchema.Kind.BOOLEAN) {
      if (!node.isBoolean()) {
        throw new ApiErrorException(ApiError.withParameters(ErrorCode.INVALID_JSON, List.of(field.name())));
      }
      return node.booleanValue();
    }
    if (!node.isTextual()) {
      throw new ApiErrorException(ApiError.withParameters(ErrorCode.INVALID_JSON, List.of(field.name())));
    }
    String value = node.textValue();
    if (value.isEmpty() && !field.required()) {
      return value; // clears or is ignored (EmptyString); nothing to check
    }
    if (!field.enumValues().isEmpty() && !field.enumValues().contains(value)) {
      throw refused(ApiError.of(ErrorCode.INVALID_ENUM_VALUE, value), field.name(),
          "must be one of " + String.join(", ", new java.util.TreeSet<>(field.enumValues())));
    }
    if (rejectMaskedValues && ResponseMasking.isMaskOutput(maskFormats, field.masking(), value)) {
      throw invalidSettings(type, field.name() + " must not be a masked value");
    }
    if (field.hexadecimal() && !HEX.matcher(value).matches()) {
      throw invalidSettings(type, field.name() + " must be a hexadecimal string");
    }
    if (field.pattern() != null && !value.matches(field.pattern())) {
      throw refused(invalidSettings(type, field.name() + " must match " + field.pattern()).error(), field.name(),
          "must match " + field.pattern());
    }
    return value;
  }

  /** The error; on Atlas v2 naming the field, as its {@code badRequestDetail} does. */
  private ApiErrorException refused(ApiError error, String field, String description) {
    return new ApiErrorException(atlasV2 ? error.withField(field, description) : error);
  }

  private static boolean conditionHolds(FieldSchema.Condition condition, Map<String, Object> fields) {
    return condition != null && condition.value().equals(fields.get(condition.field()));
  }

  private static ApiErrorException invalidSettings(String type, String problem) {
    return new ApiErrorException(ApiError.withParameters(
        ErrorCode.INVALID_INTEGRATION_SETTINGS, List.of(type + " " + problem), type, problem));
  }
}
