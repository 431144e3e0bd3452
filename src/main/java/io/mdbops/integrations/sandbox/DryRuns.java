package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.mdbops.integrations.sandbox.admission.MergePatch;
import io.mdbops.integrations.sandbox.admission.StatusResponses;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server dry runs ({@code kubectl apply --dry-run=server}, {@code kubectl diff}) of built-in kinds: the
 * mock server ignores {@code dryRun=All} and stores the write. Here the answer is what would be stored
 * and nothing is. (The custom resource's dry runs are admitted, and not stored, by its admission.)
 */
final class DryRuns {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DRY_RUN = Pattern.compile("[?&]dryRun=[^&]+");
  private static final Pattern NAMESPACE = Pattern.compile("/api/v1/namespaces/([^/]+)/.*");

  private final String customResourcePrefix;

  /** @param customResourceGroup the group whose writes are left to the custom resource's admission */
  DryRuns(String customResourceGroup) {
    this.customResourcePrefix = "/apis/" + customResourceGroup + "/";
  }

  /** The dry run's answer, or null when the request is not a dry-run write of a built-in kind. */
  MockResponse answer(RecordedRequest request, Dispatcher next) {
    String path = request.getPath();
    String method = request.getMethod();
    if (!DRY_RUN.matcher(path).find() || path.startsWith(customResourcePrefix)
        || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))) {
      return null;
    }
    String bare = path.substring(0, path.indexOf('?'));
    try {
      if (method.equals("POST") || method.equals("PUT")) {
        ObjectNode object = (ObjectNode) JSON.readTree(request.getBody().getBytes());
        Matcher ns = NAMESPACE.matcher(bare);
        if (ns.matches() && !object.path("metadata").has("namespace")) {
          object.withObjectProperty("metadata").put("namespace", ns.group(1));
        }
        return json(method.equals("POST") ? 201 : 200, object);
      }
      MockResponse stored = next.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, bare,
          Headers.builder().build(), new Buffer()));
      if (stored.code() != 200 || method.equals("DELETE")) {
        return stored;
      }
      JsonNode current = JSON.readTree(stored.getBody().getBytes());
      JsonNode patch = JSON.readTree(request.getBody().getBytes());
      String type = String.valueOf(request.getHeader("Content-Type"));
      return json(200, type.startsWith("application/json-patch") ? JsonPatch.apply(patch, current)
          : MergePatch.apply(current, patch));
    } catch (IOException | RuntimeException e) {
      return StatusResponses.badRequest("the dry run's body could not be read: " + e.getMessage());
    }
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }
}
