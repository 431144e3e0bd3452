package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A list request (a GET that is not a watch) carrying a selector the mock server does not apply
 * itself: the selector, and the list answered without it, then filtered here as a real API server
 * filters it.
 */
record SelectedList(RecordedRequest request, String path, String selector, List<String> otherParameters) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The request's {@code parameter} (e.g. {@code fieldSelector}), when it is a list that has a non-blank one. */
  static Optional<SelectedList> of(RecordedRequest request, String parameter) {
    String full = request.getPath();
    int q = full.indexOf('?');
    if (!"GET".equals(request.getMethod()) || q < 0) {
      return Optional.empty();
    }
    String selector = null;
    List<String> rest = new ArrayList<>();
    for (String pair : full.substring(q + 1).split("&")) {
      if (pair.startsWith(parameter + "=")) {
        selector = URLDecoder.decode(pair.substring(parameter.length() + 1), StandardCharsets.UTF_8);
      } else if (pair.startsWith("watch=") && !pair.equals("watch=false") && !pair.equals("watch=0")) {
        return Optional.empty();
      } else {
        rest.add(pair);
      }
    }
    return selector == null || selector.isBlank() ? Optional.empty()
        : Optional.of(new SelectedList(request, full.substring(0, q), selector, List.copyOf(rest)));
  }

  /** The list as {@code next} answers it without the selector, keeping the items {@code keep} accepts. */
  MockResponse dispatchKeeping(Dispatcher next, Predicate<JsonNode> keep) {
    String unfiltered = path + (otherParameters.isEmpty() ? "" : "?" + String.join("&", otherParameters));
    MockResponse response = next.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), unfiltered,
        request.getHeaders(), request.getBody()));
    return response.code() == 200 ? filtered(response, keep) : response;
  }

  private static MockResponse filtered(MockResponse response, Predicate<JsonNode> keep) {
    try {
      JsonNode list = JSON.readTree(response.getBody().getBytes());
      if (!(list instanceof ObjectNode object) || !list.has("items")) {
        return response;
      }
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode item : list.get("items")) {
        if (keep.test(item)) {
          kept.add(item);
        }
      }
      object.set("items", kept);
      return response.setBody(object.toString());
    } catch (IOException e) {
      return response;
    }
  }
}
