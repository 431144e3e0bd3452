package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock server refuses a create of an existing object with 409 but reason {@code Invalid} and no
 * name, so kubectl prints {@code The Namespace "" is invalid}. A real server says
 * {@code AlreadyExists}, which kubectl prints as {@code namespaces "x" already exists}.
 */
final class AlreadyExists {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RESOURCE = Pattern.compile("/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/[^/]+)?/([a-z]+)");
  private static final Pattern MESSAGE = Pattern.compile(".* '(.+)' already exists");

  private AlreadyExists() {
  }

  static MockResponse reworded(RecordedRequest request, MockResponse response) {
    if (!"POST".equals(request.getMethod()) || response.code() != 409) {
      return response;
    }
    String path = request.getPath().split("\\?", 2)[0];
    Matcher resource = RESOURCE.matcher(path);
    try {
      JsonNode status = JSON.readTree(response.getBody().getBytes());
      Matcher name = MESSAGE.matcher(status.path("message").asText());
      if (!resource.matches() || !name.matches()) {
        return response;
      }
      String group = resource.group(1) == null ? "" : resource.group(1);
      String qualified = resource.group(2) + (group.isEmpty() ? "" : "." + group);
      ObjectNode fixed = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
      fixed.putObject("metadata");
      fixed.put("status", "Failure").put("message", qualified + " \"" + name.group(1) + "\" already exists")
          .put("reason", "AlreadyExists");
      fixed.putObject("details").put("name", name.group(1)).put("group", group).put("kind", resource.group(2));
      fixed.put("code", 409);
      return response.setHeader("Content-Type", "application/json").setBody(fixed.toString());
    } catch (IOException e) {
      return response;
    }
  }
}
