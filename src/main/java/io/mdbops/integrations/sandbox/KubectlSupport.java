package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.sandbox.admission.StatusResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code kubectl} needs from the embedded API server beyond CRUD: discovery documents
 * ({@code /version}, {@code /api}, {@code /apis}, {@code /api/v1}, the CRD's group/version, CRDs and
 * access reviews, whatever the {@code ?timeout=} kubectl appends; the mock server would answer them with
 * a list of every stored object) and the {@link OpenApiV3} documents, server-side Table printing of the
 * custom resource (so {@code kubectl get tpi} shows the CRD's printer columns), strategic merge
 * patches (what client-side {@code apply} sends for built-in kinds such as Secret) accepted as
 * JSON merge patches, which the mock server does support and which mean the same for maps, protobuf
 * bodies read ({@link ProtobufBodies}) or refused at once, {@link AccessReviews} answered,
 * {@link FieldSelectors} and set-based {@link LabelSelectors} applied, and health checks answered.
 */
final class KubectlSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final String CRD_GROUP = "apiextensions.k8s.io";
  private static final String AUTHORIZATION_GROUP = "authorization.k8s.io";
  private static final String STRATEGIC_MERGE = "application/strategic-merge-patch+json";
  private static final String MERGE = "application/merge-patch+json";
  private static final String JSON_TYPE = "application/json";
  private static final String OPENAPI_V2 = "/openapi/v2";
  private static final Pattern HEALTH = Pattern.compile("/(healthz|livez|readyz)(\\?.*)?");
  private static final String TABLE_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";
  private static final Pattern READY_PATH =
      Pattern.compile("\\.status\\.conditions\\[\\?\\(@\\.type==\"([^\"]+)\"\\)\\]\\.(\\w+)");

  private final CustomResourceDefinition crd;
  private final Pattern resourcePath;
  private final ListKinds listKinds;
  private volatile Map<String, String> discovery = Map.of();

  KubectlSupport(CustomResourceDefinition crd) {
    this.crd = crd;
    this.listKinds = new ListKinds(Map.of("namespaces", "Namespace", "secrets", "Secret", "configmaps", "ConfigMap",
        "events", "Event", "customresourcedefinitions", "CustomResourceDefinition",
        crd.getSpec().getNames().getPlural(), crd.getSpec().getNames().getKind()));
    String group = Pattern.quote(crd.getSpec().getGroup());
    String plural = Pattern.quote(crd.getSpec().getNames().getPlural());
    this.resourcePath = Pattern.compile(
        "/apis/" + group + "/[^/]+(/namespaces/[^/]+)?/" + plural + "(/[^/?]+)?(\\?.*)?");
  }

  /** The discovery documents, by path. */
  private Map<String, String> discovery(int port) {
    String group = crd.getSpec().getGroup();
    String version = servedVersion().getName();
    String groupVersion = group + "/" + version;
    Map<String, Object> versionInfo = Map.of(
        "major", "1", "minor", "32", "gitVersion", "v1.32.0-sandbox", "platform", "linux/amd64");
    Map<String, Object> api = Map.of(
        "kind", "APIVersions", "versions", List.of("v1"),
        "serverAddressByClientCIDRs",
        List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", "127.0.0.1:" + port)));
    Map<String, Object> apis = Map.of(
        "kind", "APIGroupList", "apiVersion", "v1",
        "groups", List.of(group(group, version), group(CRD_GROUP, "v1"), group(AUTHORIZATION_GROUP, "v1")));
    Map<String, Object> core = Map.of(
        "kind", "APIResourceList", "apiVersion", "v1", "groupVersion", "v1",
        "resources", List.of(
            resource("namespaces", "namespace", "Namespace", false, List.of("ns"), ALL_VERBS),
            resource("secrets", "secret", "Secret", true, List.of(), ALL_VERBS),
            resource("configmaps", "configmap", "ConfigMap", true, List.of("cm"), ALL_VERBS),
            resource("events", "event", "Event", true, List.of("ev"), ALL_VERBS)));
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
    Map<String, Object> main = resource(names.getPlural(), names.getSingular(), names.getKind(), namespaced,
        names.getShortNames(), ALL_VERBS);
    main.put("categories", names.getCategories());
    Map<String, Object> custom = Map.of(
        "kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion,
        "resources", List.of(main,
            resource(names.getPlural() + "/status", "", names.getKind(), namespaced, List.of(),
                List.of("get", "patch", "update"))));
    Map<String, Object> crds = resourceList(CRD_GROUP + "/v1", List.of(resource("customresourcedefinitions",
        "customresourcedefinition", "CustomResourceDefinition", false, List.of("crd", "crds"), ALL_VERBS)));
    Map<String, Object> authorization = resourceList(AUTHORIZATION_GROUP + "/v1", List.of(
        resource("selfsubjectaccessreviews", "", "SelfSubjectAccessReview", false, List.of(), List.of("create")),
        resource("selfsubjectrulesreviews", "", "SelfSubjectRulesReview", false, List.of(), List.of("create"))));
    Map<String, String> documents = new HashMap<>(OpenApiV3.documents(crd));
    try {
      documents.put("/version", JSON.writeValueAsString(versionInfo));
      documents.put("/api", JSON.writeValueAsString(api));
      documents.put("/apis", JSON.writeValueAsString(apis));
      documents.put("/api/v1", JSON.writeValueAsString(core));
      documents.put("/apis/" + groupVersion, JSON.writeValueAsString(custom));
      documents.put("/apis/" + CRD_GROUP + "/v1", JSON.writeValueAsString(crds));
      documents.put("/apis/" + AUTHORIZATION_GROUP + "/v1", JSON.writeValueAsString(authorization));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a discovery document", e);
    }
    return Map.copyOf(documents);
  }

  private static Map<String, Object> group(String name, String version) {
    Map<String, Object> gv = Map.of("groupVersion", name + "/" + version, "version", version);
    return Map.of("name", name, "versions", List.of(gv), "preferredVersion", gv);
  }

  private static Map<String, Object> resourceList(String groupVersion, List<Map<String, Object>> resources) {
    return Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", resources);
  }

  private static Map<String, Object> resource(String name, String singular, String kind, boolean namespaced,
      List<String> shortNames, List<String> verbs) {
    Map<String, Object> r = new java.util.LinkedHashMap<>();
    r.put("name", name);
    r.put("singularName", singular);
    r.put("namespaced", namespaced);
    r.put("kind", kind);
    r.put("verbs", verbs);
    if (!shortNames.isEmpty()) {
      r.put("shortNames", shortNames);
    }
    return r;
  }

  private CustomResourceDefinitionVersion servedVersion() {
    return crd.getSpec().getVersions().stream()
        .filter(CustomResourceDefinitionVersion::getStorage).findFirst()
        .orElse(crd.getSpec().getVersions().get(0));
  }

  /** Serves discovery from now on, naming this port as the server's address. */
  void serveDiscovery(int port) {
    discovery = discovery(port);
  }

  /** Serves one request through {@code next}, adapting what kubectl sends and asks for. */
  MockResponse dispatch(RecordedRequest request, Dispatcher next) {
    String path = request.getPath();
    int query = path.indexOf('?');
    String document = "GET".equals(request.getMethod())
        ? discovery.get(query < 0 ? path : path.substring(0, query)) : null;
    if ("GET".equals(request.getMethod()) && (path.equals(OPENAPI_V2) || path.startsWith(OPENAPI_V2 + "?"))) {
      // kubectl falls back to v2 for built-in kinds; the mock would send every stored object as "the document"
      return StatusResponses.failure(404, "NotFound", "the sandbox serves OpenAPI v3 only");
    }
    if ("GET".equals(request.getMethod()) && HEALTH.matcher(path).matches()) {
      // kubectl get --raw /readyz; the mock would list every stored object
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("ok");
    }
    if (document != null) {
      // any query: kubectl appends ?timeout= with its --request-timeout (default 32s)
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody(document);
    }
    MockResponse answered = AccessReviews.answer(request);
    if (answered == null) {
      answered = Refusals.of(request);
    }
    if (answered != null) {
      return answered;
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && contentType.startsWith(ProtobufBodies.CONTENT_TYPE)) {
      String json = ProtobufBodies.toJson(request.getBody().getBytes());
      if (json == null) {
        return StatusResponses.failure(415, "UnsupportedMediaType", "the sandbox's API server reads JSON only and"
            + " kubectl sent this kind as protobuf: write it as YAML and use kubectl apply -f");
      }
      RecordedRequest asJson = withBody(request, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
      return labelledJson(AlreadyExists.reworded(asJson, next.dispatch(asJson)));
    }
    if ("PATCH".equals(request.getMethod()) && contentType != null && contentType.startsWith(STRATEGIC_MERGE)) {
      request = withBody(request, MERGE, request.getBody().getBytes());
    }
    Dispatcher selecting = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return LabelSelectors.dispatch(r, next);
      }
    };
    MockResponse response = listKinds.named(request,
        AlreadyExists.reworded(request, FieldSelectors.dispatch(request, selecting)));
    String accept = request.getHeader("Accept");
    if ("GET".equals(request.getMethod()) && accept != null && accept.contains("as=Table")
        && !request.getPath().contains("watch=") && resourcePath.matcher(request.getPath()).matches()
        && response.code() == 200) {
      return asTable(response);
    }
    return labelledJson(response);
  }

  /**
   * The mock server sends JSON without saying so; client-go then decodes it as the protobuf it asked
   * for (kubectl's typed clients: {@code create}, {@code events}, ...) and fails.
   */
  private static MockResponse labelledJson(MockResponse response) {
    if (response.getHeaders().get("Content-Type") == null && response.getBody() != null
        && response.getBody().size() > 0 && response.getWebSocketListener() == null) {
      response.setHeader("Content-Type", JSON_TYPE);
    }
    return response;
  }

  private static RecordedRequest withBody(RecordedRequest request, String contentType, byte[] body) {
    Headers headers = request.getHeaders().newBuilder().set("Content-Type", contentType).build();
    return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), headers,
        new Buffer(body));
  }

  private MockResponse asTable(MockResponse response) {
    JsonNode body;
    try {
      body = JSON.readTree(response.getBody().getBytes());
    } catch (IOException e) {
      return response;
    }
    List<JsonNode> items = new ArrayList<>();
    if (body.has("items")) {
      body.get("items").forEach(items::add);
    } else {
      items.add(body);
    }
    // a real API server lists in key order; the mock in insertion order
    items.sort(java.util.Comparator.comparing((JsonNode i) -> i.path("metadata").path("namespace").asText())
        .thenComparing(i -> i.path("metadata").path("name").asText()));
    List<CustomResourceColumnDefinition> columns = servedVersion().getAdditionalPrinterColumns();
    ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.set("metadata", body.has("metadata") && body.has("items")
        ? body.get("metadata").deepCopy() : JSON.createObjectNode());
    ArrayNode definitions = table.putArray("columnDefinitions");
    definitions.addObject().put("name", "Name").put("type", "string").put("format", "name")
        .put("description", "Name of the resource").put("priority", 0);
    for (CustomResourceColumnDefinition c : columns) {
      definitions.addObject().put("name", c.getName()).put("type", "date".equals(c.getType()) ? "string" : c.getType())
          .put("format", "").put("description", c.getDescription() == null ? "" : c.getDescription())
          .put("priority", c.getPriority() == null ? 0 : c.getPriority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(item.path("metadata").path("name").asText());
      for (CustomResourceColumnDefinition c : columns) {
        String value = cell(item, c.getJsonPath());
        cells.add("date".equals(c.getType()) ? age(value) : value);
      }
      ObjectNode object = row.putObject("object")
          .put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata").deepCopy());
    }
    try {
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", TABLE_TYPE)
          .setBody(JSON.writeValueAsString(table));
    } catch (IOException e) {
      return response;
    }
  }

  /** The value at a printer column's JSONPath: a plain path, or one condition's field. */
  static String cell(JsonNode item, String jsonPath) {
    Matcher condition = READY_PATH.matcher(jsonPath);
    if (condition.matches()) {
      for (JsonNode c : item.path("status").path("conditions")) {
        if (condition.group(1).equals(c.path("type").asText())) {
          return c.path(condition.group(2)).asText("");
        }
      }
      return "";
    }
    JsonNode node = item;
    for (String part : jsonPath.substring(1).split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() ? node.asText() : "";
  }

  /** A timestamp as kubectl shows ages: 45s, 3m20s, 2h, 4d. */
  static String age(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    Duration d;
    try {
      d = Duration.between(Instant.parse(timestamp), Instant.now());
    } catch (java.time.format.DateTimeParseException e) {
      return "<unknown>";
    }
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 10) {
      return s % 60 == 0 ? m + "m" : m + "m" + (s % 60) + "s";
    }
    long h = m / 60;
    if (h < 3) {
      return m + "m";
    }
    if (h < 8) {
      return m % 60 == 0 ? h + "h" : h + "h" + (m % 60) + "m";
    }
    if (h < 48) {
      return h + "h";
    }
    return h % 24 == 0 || h >= 192 ? (h / 24) + "d" : (h / 24) + "d" + (h % 24) + "h";
  }
}
