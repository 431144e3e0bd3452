package io.mdbops.integrations.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import okhttp3.Headers;

/** A response as a test sees it. */
record Reply(int code, Headers headers, String body) {

  static final ObjectMapper JSON = new ObjectMapper();

  JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map() {
    try {
      return JSON.readValue(body, Map.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not a JSON object: " + body, e);
    }
  }

  String errorCode() {
    return json().path("errorCode").asText(null);
  }

  String header(String name) {
    return headers.get(name);
  }

  @Override
  public String toString() {
    return code + " " + body;
  }
}
