package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code Status} objects an API server answers failures with, in its words, so kubectl prints
 * what it prints against a real cluster ({@code The ThirdPartyIntegration "x" is invalid: ...}).
 */
public final class StatusResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusResponses() {
  }

  /**
   * 422 Invalid, as {@code errors.NewInvalid} builds it: one cause per error and a message that lists
   * the distinct errors (in brackets when there are several).
   */
  public static MockResponse invalid(String group, String kind, String name, List<FieldError> errors) {
    Set<String> distinct = new LinkedHashSet<>();
    errors.forEach(e -> distinct.add(e.toString()));
    String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
    String list = distinct.size() == 1 ? distinct.iterator().next() : "[" + String.join(", ", distinct) + "]";
    ObjectNode status = status(422, "Invalid", qualifiedKind + " " + FieldError.quote(name) + " is invalid: " + list);
    ObjectNode details = status.putObject("details").put("name", name).put("group", group).put("kind", kind);
    ArrayNode causes = details.putArray("causes");
    for (FieldError e : errors) {
      causes.addObject().put("reason", e.type().reason()).put("message", e.body()).put("field", e.field());
    }
    return response(status);
  }

  /** 400 BadRequest with this message. */
  public static MockResponse badRequest(String message) {
    return response(status(400, "BadRequest", message));
  }

  /** Any other failure: code, reason (e.g. UnsupportedMediaType) and message. */
  public static MockResponse failure(int code, String reason, String message) {
    return response(status(code, reason, message));
  }

  private static ObjectNode status(int code, String reason, String message) {
    ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    return status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
  }

  private static MockResponse response(ObjectNode status) {
    return new MockResponse().setResponseCode(status.get("code").asInt())
        .setHeader("Content-Type", "application/json").setBody(status.toString());
  }
}
