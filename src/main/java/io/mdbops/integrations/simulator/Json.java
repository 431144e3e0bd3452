package io.mdbops.integrations.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** JSON in and out: strict on input (no duplicate keys, no trailing data), keys sorted on output. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Json() {}

  /** The parsed body; {@code INVALID_JSON} when it is empty or not JSON. */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new ApiErrorException(ErrorCode.INVALID_JSON);
      }
      return node;
    } catch (IOException e) {
      throw new ApiErrorException(ErrorCode.INVALID_JSON);
    }
  }

  static byte[] write(Object value, boolean pretty) {
    try {
      return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value) : MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
  }
}
