package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.sandbox.admission.FieldError;
import io.mdbops.integrations.sandbox.admission.StatusResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Unknown fields in writes of the built-in kinds the sandbox serves ({@link BuiltInFields}), handled as a
 * real server handles them: refused under {@code fieldValidation=Strict} (what kubectl sends), dropped
 * with a warning under {@code Warn} or without the parameter, dropped silently under {@code Ignore}.
 */
final class BuiltInAdmission {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WRITE = Pattern.compile("/api/v1(?:/namespaces/[^/]+)?/([a-z]+)(?:/[^/?]+)?(\\?.*)?");

  /** What became of a request: refused, or passed on (maybe without its unknown fields) with warnings. */
  record Admitted(RecordedRequest request, MockResponse refusal, List<String> warnings) {}

  private BuiltInAdmission() {
  }

  static Admitted admit(RecordedRequest request) {
    String method = request.getMethod();
    Matcher m = WRITE.matcher(request.getPath());
    Class<?> model = m.matches() ? BuiltInFields.model(m.group(1)) : null;
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    boolean write = method.equals("POST") || method.equals("PUT")
        || method.equals("PATCH") && contentType.startsWith("application/merge-patch");
    if (model == null || !write || request.getBody().size() == 0) {
      return new Admitted(request, null, List.of());
    }
    String query = m.group(2) == null ? "" : m.group(2);
    String directive = query.contains("fieldValidation=Strict") ? "Strict"
        : query.contains("fieldValidation=Ignore") ? "Ignore" : "Warn";
    JsonNode body;
    try {
      body = JSON.readTree(request.getBody().getBytes());
    } catch (IOException e) {
      return new Admitted(request, null, List.of());
    }
    if (!(body instanceof ObjectNode object)) {
      return new Admitted(request, null, List.of());
    }
    String before = object.toString();
    List<String> unknown = BuiltInFields.prune(object, model);
    if (unknown.isEmpty()) {
      return new Admitted(request, null, List.of());
    }
    String detail = "strict decoding error: "
        + unknown.stream().map(u -> "unknown field " + FieldError.quote(u)).collect(Collectors.joining(", "));
    if ("Strict".equals(directive)) {
      String kind = model.getSimpleName();
      return new Admitted(request, method.equals("PATCH")
          ? StatusResponses.invalid("", "", "", List.of(FieldError.invalid("patch", before, detail)))
          : StatusResponses.badRequest(kind + " in version \"v1\" cannot be handled as a " + kind + ": " + detail),
          List.of());
    }
    RecordedRequest pruned = new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
        request.getHeaders(), new Buffer(object.toString().getBytes(StandardCharsets.UTF_8)));
    return new Admitted(pruned, null, "Ignore".equals(directive) ? List.of()
        : unknown.stream().map(u -> "299 - " + FieldError.quote("unknown field " + FieldError.quote(u))).toList());
  }
}
