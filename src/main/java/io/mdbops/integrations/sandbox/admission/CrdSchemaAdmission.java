package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Admission of the custom resource as an API server does it, in front of the mock server's store:
 * every create, update and patch of the main resource is pruned of unknown fields (refused under
 * {@code fieldValidation=Strict}, warned about under {@code Warn} and when the parameter is absent,
 * silently dropped under {@code Ignore}), defaulted, checked against the CRD's schema and then against
 * its CEL rules ({@code oldSelf} being the stored object). A refusal is answered in the server's words;
 * an accepted write goes on to the store with what the server would have stored.
 */
public final class CrdSchemaAdmission {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";

  private final String group;
  private final String version;
  private final String kind;
  private final Pattern resourcePath;
  private final StructuralSchema structure;
  private final SchemaValidation schema;
  private final CelRules rules;

  public CrdSchemaAdmission(CustomResourceDefinition crd) {
    CustomResourceDefinitionVersion served = crd.getSpec().getVersions().stream()
        .filter(CustomResourceDefinitionVersion::getStorage).findFirst()
        .orElse(crd.getSpec().getVersions().get(0));
    this.group = crd.getSpec().getGroup();
    this.version = served.getName();
    this.kind = crd.getSpec().getNames().getKind();
    this.resourcePath = Pattern.compile("/apis/" + Pattern.quote(group) + "/" + Pattern.quote(version)
        + "/namespaces/([^/?]+)/" + Pattern.quote(crd.getSpec().getNames().getPlural()) + "(?:/([^/?]+))?(?:\\?(.*))?");
    JsonNode openApi = JSON.valueToTree(served.getSchema().getOpenAPIV3Schema());
    this.structure = new StructuralSchema(openApi);
    this.schema = new SchemaValidation(openApi);
    this.rules = new CelRules(openApi);
  }

  /** Admits or refuses a write of the custom resource; passes everything else to {@code next} untouched. */
  public MockResponse dispatch(RecordedRequest request, Dispatcher next) {
    Matcher m = resourcePath.matcher(request.getPath());
    String method = request.getMethod();
    boolean collection = m.matches() && m.group(2) == null;
    boolean create = "POST".equals(method) && collection;
    boolean update = ("PUT".equals(method) || "PATCH".equals(method)) && m.matches() && !collection;
    if (!create && !update) {
      return next.dispatch(request);
    }
    Map<String, String> query = query(m.group(3));
    String directive = query.getOrDefault("fieldValidation", "Warn");
    try {
      JsonNode body = JSON.readTree(request.getBody().getBytes());
      JsonNode current = null;
      if (update) {
        MockResponse stored = next.dispatch(get(request));
        if (stored.code() != 200) {
          return "PATCH".equals(method) ? stored : next.dispatch(request);
        }
        current = JSON.readTree(stored.getBody().getBytes());
      }
      JsonNode requested = "PATCH".equals(method) ? patch(current, body, request.getHeader("Content-Type")) : body;
      if (requested == null) {
        return next.dispatch(request);
      }
      if (!(requested instanceof ObjectNode object)) {
        return StatusResponses.badRequest("the body of the request was in an unknown format");
      }
      ObjectNode admitted = object.deepCopy();
      List<String> unknown = structure.prune(admitted);
      if (!unknown.isEmpty() && "Strict".equals(directive)) {
        return strictDecodingError(method, requested, unknown);
      }
      structure.applyDefaults(admitted);
      List<FieldError> errors = validate(admitted, current);
      if (!errors.isEmpty()) {
        String name = admitted.path("metadata").path("name").asText(m.group(2) == null ? "" : m.group(2));
        return StatusResponses.invalid(group, kind, name, errors);
      }
      MockResponse response = query.containsKey("dryRun")
          ? new MockResponse().setResponseCode(create ? 201 : 200).setHeader("Content-Type", "application/json")
              .setBody(admitted.toString())
          : next.dispatch(forward(request, body, current, requested, admitted));
      if (!"Ignore".equals(directive)) {
        unknown.forEach(u -> response.addHeader("Warning",
            "299 - " + FieldError.quote("unknown field " + FieldError.quote(u))));
      }
      return response;
    } catch (IOException | RuntimeException e) {
      return StatusResponses.badRequest("error decoding the request body: " + e.getMessage());
    }
  }

  /**
   * What the server would answer a create of {@code object} under {@code fieldValidation=Strict}
   * (kubectl's default): every unknown field, then (when there is none) the schema's and the CEL
   * rules' failures, in the server's words; empty when it would be stored. For checking manifests
   * without a server.
   */
  public List<String> reviewCreate(JsonNode object) {
    if (!(object instanceof ObjectNode requested)) {
      return List.of("the body of the request was in an unknown format");
    }
    ObjectNode admitted = requested.deepCopy();
    List<String> unknown = structure.prune(admitted);
    if (!unknown.isEmpty()) {
      return unknown.stream().map(u -> "strict decoding error: unknown field " + FieldError.quote(u)).toList();
    }
    structure.applyDefaults(admitted);
    // the server's "some rules were not checked" note adds nothing to a list of what to fix
    return validate(admitted, null).stream().filter(e -> !"<nil>".equals(e.field()))
        .map(FieldError::toString).distinct().toList();
  }

  /** The schema's failures; the CEL rules only when none of them blocks, as the server does. */
  private List<FieldError> validate(JsonNode admitted, JsonNode current) {
    List<FieldError> errors = new ArrayList<>(schema.validate(admitted));
    boolean blocked = errors.stream().map(FieldError::type).anyMatch(t -> t == FieldError.Type.NOT_SUPPORTED
        || t == FieldError.Type.REQUIRED || t == FieldError.Type.TOO_LONG || t == FieldError.Type.TOO_MANY
        || t == FieldError.Type.TYPE_INVALID);
    if (blocked) {
      errors.add(FieldError.invalid("<nil>", null, "some validation rules were not checked because the object was"
          + " invalid; correct the existing errors to complete validation"));
    } else {
      errors.addAll(rules.validate(admitted, current));
    }
    return errors;
  }

  /** A create or update is refused as undecodable (400); a patch as an invalid patch (422), as the server does. */
  private MockResponse strictDecodingError(String method, JsonNode requested, List<String> unknown) {
    String detail = "strict decoding error: "
        + unknown.stream().map(u -> "unknown field " + FieldError.quote(u)).collect(Collectors.joining(", "));
    if ("PATCH".equals(method)) {
      return StatusResponses.invalid("", "", "", List.of(FieldError.invalid("patch", requested.toString(), detail)));
    }
    return StatusResponses.badRequest(kind + " in version " + FieldError.quote(version) + " cannot be handled as a "
        + kind + ": " + detail);
  }

  /** The object a patch makes of the stored one; null for a patch type this class leaves to the store. */
  private static JsonNode patch(JsonNode current, JsonNode patch, String contentType) {
    String type = contentType == null ? "" : contentType;
    if (type.startsWith(MERGE_PATCH)) {
      return MergePatch.apply(current, patch);
    }
    if (type.startsWith(JSON_PATCH)) {
      return JsonPatch.apply(patch, current);
    }
    return null;
  }

  /**
   * The request the store gets: unchanged when admission changed nothing, else the admitted object
   * (create, update) or a merge patch from the stored object to it.
   */
  private static RecordedRequest forward(RecordedRequest request, JsonNode body, JsonNode current, JsonNode requested,
      ObjectNode admitted) {
    if (admitted.equals(requested)) {
      return request;
    }
    boolean patch = "PATCH".equals(request.getMethod());
    JsonNode sent = patch ? MergePatch.diff(current, admitted) : admitted;
    Headers.Builder headers = request.getHeaders().newBuilder();
    if (patch) {
      headers.set("Content-Type", MERGE_PATCH);
    }
    return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), headers.build(),
        new Buffer(sent.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static RecordedRequest get(RecordedRequest request) {
    String path = request.getPath();
    int q = path.indexOf('?');
    return new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, q < 0 ? path : path.substring(0, q),
        Headers.builder().build(), new Buffer());
  }

  private static Map<String, String> query(String query) {
    Map<String, String> params = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /** The rules, for tests that cover each one. */
  public CelRules rules() {
    return rules;
  }
}
