package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server calls every list a {@code List}; a real server names it for its kind
 * ({@code EventList}). kubectl's typed clients ({@code kubectl events}, {@code describe}) decode a
 * {@code List} as empty, so they would show no events at all.
 */
final class ListKinds {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COLLECTION =
      Pattern.compile("/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([a-z]+)");

  private final Map<String, String> kindByResource;

  /** @param kindByResource e.g. events → Event */
  ListKinds(Map<String, String> kindByResource) {
    this.kindByResource = Map.copyOf(kindByResource);
  }

  MockResponse named(RecordedRequest request, MockResponse response) {
    Matcher m = COLLECTION.matcher(request.getPath().split("\\?", 2)[0]);
    String kind = m.matches() ? kindByResource.get(m.group(1)) : null;
    if (!"GET".equals(request.getMethod()) || kind == null || response.code() != 200
        || request.getPath().contains("watch=")) {
      return response;
    }
    try {
      JsonNode list = JSON.readTree(response.getBody().getBytes());
      if (list instanceof ObjectNode object && "List".equals(list.path("kind").asText())) {
        object.put("kind", kind + "List");
        return response.setBody(object.toString());
      }
    } catch (IOException e) {
      // not JSON: leave it as it is
    }
    return response;
  }
}
