package io.mdbops.integrations.opsmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The one ObjectMapper of the client, and the few shapes the integrations API uses. */
final class Json {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** One page of a list response: {@code {links, results, totalCount}} ({@code links} ignored). */
  record Page(List<IntegrationView> results, OptionalLong totalCount) {}

  /**
   * The fields of an API error body that could be read; all may be null.
   *
   * @param fields Atlas v2's {@code badRequestDetail.fields}: each field the API refused and why
   */
  record ErrorBody(String errorCode, String detail, List<String> parameters, String reason,
      List<FieldViolation> fields) {
    static final ErrorBody NONE = new ErrorBody(null, null, List.of(), null, List.of());
  }

  /** One entry of {@code badRequestDetail.fields}: {@code {field, description}}. */
  record FieldViolation(String field, String description) {}

  /** An OAuth error body, {@code {error, error_description}}; both may be null. */
  record OAuthError(String error, String description) {}

  private Json() {}

  /** {@code {"type": TYPE, ...fields}}; a {@code type} key among the fields is ignored. */
  static byte[] writePayload(IntegrationPayload payload) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", payload.type());
    payload.fields().forEach((k, v) -> {
      if (!"type".equals(k)) {
        body.put(k, v);
      }
    });
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // Jackson's message names the value's class, not the value; still, keep only our own words
      throw new IllegalArgumentException("payload of " + payload.type() + " cannot be written as JSON");
    }
  }

  static JsonNode read(String body) throws JsonProcessingException {
    return MAPPER.readTree(body);
  }

  static Page page(JsonNode root) throws JsonProcessingException {
    if (!root.isObject()) {
      throw new JsonParseProblem("list response is not a JSON object");
    }
    JsonNode results = root.path("results");
    if (!results.isArray()) {
      throw new JsonParseProblem("list response has no results array");
    }
    List<IntegrationView> views = new ArrayList<>(results.size());
    for (JsonNode item : results) {
      views.add(view(item, null));
    }
    JsonNode total = root.path("totalCount");
    return new Page(
        views, total.canConvertToLong() ? OptionalLong.of(total.asLong()) : OptionalLong.empty());
  }

  /** One integration object; {@code fallbackType} is used when the object has no string type. */
  static IntegrationView view(JsonNode item, String fallbackType) throws JsonProcessingException {
    if (!item.isObject()) {
      throw new JsonParseProblem("integration is not a JSON object");
    }
    LinkedHashMap<String, Object> fields = MAPPER.convertValue(item, MAP);
    Object type = fields.remove("type");
    String typeName = type instanceof String s && !s.isBlank() ? s : fallbackType;
    if (typeName == null) {
      throw new JsonParseProblem("integration without a type");
    }
    return new IntegrationView(typeName, fields);
  }

  /** The API error body, or {@link ErrorBody#NONE} when the body is empty or not a JSON object. */
  static ErrorBody errorBody(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return ErrorBody.NONE;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return ErrorBody.NONE;
    }
    if (root == null || !root.isObject()) {
      return ErrorBody.NONE;
    }
    List<String> parameters = new ArrayList<>();
    JsonNode params = root.path("parameters");
    if (params.isArray()) {
      params.forEach(p -> parameters.add(p.isValueNode() ? p.asText() : p.toString()));
    }
    List<FieldViolation> fields = new ArrayList<>();
    JsonNode violations = root.path("badRequestDetail").path("fields");
    if (violations.isArray()) {
      violations.forEach(v -> {
        if (v.isObject() && text(v, "field") != null) {
          fields.add(new FieldViolation(text(v, "field"), text(v, "description")));
        }
      });
    }
    return new ErrorBody(
        text(root, "errorCode"), text(root, "detail"), parameters, text(root, "reason"), fields);
  }

  /** An OAuth error body; both fields null when the body is not one. */
  static OAuthError oauthError(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return new OAuthError(null, null);
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      return root != null && root.isObject()
          ? new OAuthError(text(root, "error"), text(root, "error_description"))
          : new OAuthError(null, null);
    } catch (JsonProcessingException e) {
      return new OAuthError(null, null);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  /** A well-formed JSON document that does not have the expected shape. */
  static final class JsonParseProblem extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    JsonParseProblem(String message) {
      super(message);
    }
  }
}
