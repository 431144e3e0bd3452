package io.mdbops.integrations.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it is written.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null for none
 * @param headers extra headers
 * @param errorCode the error's code for the journal, or null
 */
record ApiResponse(int status, Object body, Map<String, String> headers, String errorCode) {

  static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, body, Map.of(), null);
  }

  static ApiResponse empty(int status) {
    return new ApiResponse(status, null, Map.of(), null);
  }

  static ApiResponse error(ApiError error) {
    return new ApiResponse(error.status(), error.body(), Map.of(), error.errorCode());
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, body, Map.copyOf(more), errorCode);
  }
}
