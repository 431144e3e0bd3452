package io.mdbops.integrations.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the API answered to one request of doctor's.
 *
 * @param body the JSON body, or null when there was none or it was not JSON
 * @param errorCode the body's {@code errorCode}, or null
 * @param challenge the Digest challenge of a 401
 */
record ProbeResponse(int status, JsonNode body, String errorCode, Optional<DigestChallenge> challenge) {

  private static final ObjectMapper JSON = new ObjectMapper();

  boolean ok() {
    return status >= 200 && status < 300;
  }

  /** Whether the body is the documented page of every integration ({@code results}). */
  boolean isList() {
    return body != null && body.path("results").isArray();
  }

  /** {@code 404 INTEGRATION_NOT_CONFIGURED}, or how else the API says "no such integration". */
  boolean notConfigured() {
    return status == 404 && (errorCode == null || "INTEGRATION_NOT_CONFIGURED".equals(errorCode));
  }

  /** The integration of {@code type} the body shows: an item of a list, or the body itself. */
  Optional<Map<String, Object>> integration(String type) {
    if (body == null) {
      return Optional.empty();
    }
    if (isList()) {
      for (JsonNode item : body.path("results")) {
        if (type.equals(item.path("type").asText(null))) {
          return Optional.of(fields(item));
        }
      }
      return Optional.empty();
    }
    return type.equals(body.path("type").asText(null)) ? Optional.of(fields(body)) : Optional.empty();
  }

  /** Every integration a list body shows, by type. */
  Map<String, Map<String, Object>> integrations() {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    if (isList()) {
      for (JsonNode item : body.path("results")) {
        String type = item.path("type").asText(null);
        if (type != null) {
          all.put(type, fields(item));
        }
      }
    }
    return all;
  }

  /** {@code 400 INVALID_ENUM_VALUE}, or {@code 400} when the body names no code. */
  String summary() {
    return status + (errorCode == null ? "" : " " + errorCode);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(JsonNode item) {
    Map<String, Object> fields = new LinkedHashMap<>(JSON.convertValue(item, Map.class));
    fields.remove("type");
    fields.remove("id");
    return fields;
  }
}
