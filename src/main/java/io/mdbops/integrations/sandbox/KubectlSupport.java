package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.sandbox.admission.StatusResponses;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code kubectl} needs from the embedded API server beyond CRUD: discovery documents
 * ({@code /version}, {@code /api}, {@code /apis}, {@code /api/v1}, the CRD's group/version, CRDs and
 * access reviews, whatever the {@code ?timeout=} kubectl appends; the mock server would answer them with
 * a list of every stored object) and the {@link OpenApiV3} documents, {@link ServerTables} (so
 * {@code kubectl get tpi} shows the CRD's printer columns, {@code get events} what happened), strategic merge
 * patches (what client-side {@code apply} sends for built-in kinds such as Secret) accepted as
 * JSON merge patches, which the mock server does support and which mean the same for maps, protobuf
 * bodies read ({@link ProtobufBodies}) or refused at once, {@link AccessReviews} answered,
 * {@link FieldSelectors} and set-based {@link LabelSelectors} applied, status writes stored (the mock
 * server drops those whose URL has a query, as kubectl's do), unknown fields of built-in kinds handled
 * ({@link BuiltInAdmission}), {@link DryRuns} of built-in kinds kept out of the store, and health checks
 * answered.
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
  private static final Pattern STATUS_WITH_QUERY = Pattern.compile("(/apis?/.+/status)\\?.*");
  private static final Pattern HEALTH = Pattern.compile("/(healthz|livez|readyz)(\\?.*)?");

  private final CustomResourceDefinition crd;
  private final ListKinds listKinds;
  private final ServerTables tables;
  private final DryRuns dryRuns;
  private volatile Map<String, String> discovery = Map.of();

  KubectlSupport(CustomResourceDefinition crd) {
    this.crd = crd;
    this.tables = new ServerTables(crd);
    this.dryRuns = new DryRuns(crd.getSpec().getGroup());
    this.listKinds = new ListKinds(Map.of("namespaces", "Namespace", "secrets", "Secret", "configmaps", "ConfigMap",
        "events", "Event", "customresourcedefinitions", "CustomResourceDefinition",
        crd.getSpec().getNames().getPlural(), crd.getSpec().getNames().getKind()));
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
      request = withBody(request, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
    }
    Matcher status = STATUS_WITH_QUERY.matcher(request.getPath());
    if (("PATCH".equals(request.getMethod()) || "PUT".equals(request.getMethod())) && status.matches()) {
      // the mock server ignores a status write whose URL has a query (kubectl adds ?fieldManager=kubectl-patch)
      request = new RecordedRequest(request.getHttpVersion(), request.method(), status.group(1),
          request.getHeaders(), request.getBody());
    }
    if ("PATCH".equals(request.getMethod()) && contentType != null && contentType.startsWith(STRATEGIC_MERGE)) {
      request = withBody(request, MERGE, request.getBody().getBytes());
    }
    BuiltInAdmission.Admitted admitted = BuiltInAdmission.admit(request);
    if (admitted.refusal() != null) {
      return admitted.refusal();
    }
    request = admitted.request();
    MockResponse dryRun = dryRuns.answer(request, next);
    if (dryRun != null) {
      return warned(dryRun, admitted.warnings());
    }
    Dispatcher selecting = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return LabelSelectors.dispatch(r, next);
      }
    };
    MockResponse response = listKinds.named(request,
        AlreadyExists.reworded(request, FieldSelectors.dispatch(request, selecting)));
    return warned(labelledJson(tables.asTable(request, response)), admitted.warnings());
  }

  private static MockResponse warned(MockResponse response, List<String> warnings) {
    warnings.forEach(w -> response.addHeader("Warning", w));
    return response;
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
}
