package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI v3 documents kubectl reads before it writes: {@code /openapi/v3} (which group versions
 * have one) and one per group version. kubectl looks in them for a PATCH operation of the kind that takes
 * {@code fieldValidation}; finding it, it leaves field validation to the server (which
 * {@code admission.CrdSchemaAdmission} does for the custom resource) instead of downloading the whole
 * v2 document to validate on its side. The custom resource's document also carries its schema, for
 * {@code kubectl explain}. Built kinds get no schema: kubectl has its own for them.
 */
final class OpenApiV3 {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  private record Kind(String plural, String kind, boolean namespaced) {}

  private static final List<Kind> CORE = List.of(new Kind("namespaces", "Namespace", false),
      new Kind("secrets", "Secret", true), new Kind("configmaps", "ConfigMap", true),
      new Kind("events", "Event", true));

  private OpenApiV3() {
  }

  /** The documents by path (without query), ready to serve. */
  static Map<String, String> documents(CustomResourceDefinition crd) {
    Map<String, JsonNode> byGroupVersion = new LinkedHashMap<>();
    byGroupVersion.put("api/v1", core());
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().stream()
        .filter(CustomResourceDefinitionVersion::getStorage).findFirst().orElseThrow();
    byGroupVersion.put("apis/" + crd.getSpec().getGroup() + "/" + version.getName(), custom(crd, version));

    Map<String, String> documents = new LinkedHashMap<>();
    ObjectNode root = JSON.createObjectNode();
    ObjectNode paths = root.putObject("paths");
    byGroupVersion.forEach((gv, doc) -> {
      String body = doc.toString();
      paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/" + gv + "?hash=" + hash(body));
      documents.put("/openapi/v3/" + gv, body);
    });
    documents.put("/openapi/v3", root.toString());
    return documents;
  }

  private static JsonNode core() {
    ObjectNode doc = document();
    for (Kind k : CORE) {
      patchablePath(doc, "/api/v1" + (k.namespaced() ? "/namespaces/{namespace}/" : "/") + k.plural() + "/{name}",
          "", "v1", k.kind(), null);
    }
    // no schemas: kubectl explain then says it has none for the kind instead of failing in its template
    doc.putObject("components").putObject("schemas");
    return doc;
  }

  private static JsonNode custom(CustomResourceDefinition crd, CustomResourceDefinitionVersion version) {
    String group = crd.getSpec().getGroup();
    String kind = crd.getSpec().getNames().getKind();
    boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
    String[] reversed = group.split("\\.");
    java.util.Collections.reverse(java.util.Arrays.asList(reversed));
    String schemaName = String.join(".", reversed) + "." + version.getName() + "." + kind;
    ObjectNode doc = document();
    patchablePath(doc, "/apis/" + group + "/" + version.getName() + (namespaced ? "/namespaces/{namespace}/" : "/")
        + crd.getSpec().getNames().getPlural() + "/{name}", group, version.getName(), kind, schemaName);

    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    ObjectNode schema = JSON.valueToTree(version.getSchema().getOpenAPIV3Schema());
    ObjectNode properties = (ObjectNode) schema.get("properties");
    properties.putObject("apiVersion").put("type", "string").put("description", "APIVersion defines the versioned"
        + " schema of this representation of an object.");
    properties.putObject("kind").put("type", "string").put("description", "Kind is a string value representing the"
        + " REST resource this object represents.");
    properties.putObject("metadata").put("description", "Standard object's metadata.")
        .putArray("allOf").addObject().put("$ref", "#/components/schemas/" + META);
    schema.putArray("x-kubernetes-group-version-kind").addObject()
        .put("group", group).put("kind", kind).put("version", version.getName());
    schemas.set(schemaName, schema);
    ObjectNode meta = schemas.putObject(META).put("type", "object")
        .put("description", "ObjectMeta is metadata that all persisted resources must have.");
    ObjectNode metaProperties = meta.putObject("properties");
    for (String field : List.of("name", "namespace", "generateName", "resourceVersion", "uid", "creationTimestamp")) {
      metaProperties.putObject(field).put("type", "string");
    }
    metaProperties.putObject("generation").put("type", "integer").put("format", "int64");
    for (String field : List.of("labels", "annotations")) {
      metaProperties.putObject(field).put("type", "object").putObject("additionalProperties").put("type", "string");
    }
    metaProperties.putObject("finalizers").put("type", "array").putObject("items").put("type", "string");
    return doc;
  }

  private static ObjectNode document() {
    ObjectNode doc = JSON.createObjectNode().put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0-sandbox");
    doc.putObject("paths");
    return doc;
  }

  /** GET and PATCH of one object; PATCH takes fieldValidation and the patch types the sandbox accepts. */
  private static void patchablePath(ObjectNode doc, String path, String group, String version, String kind,
      String schemaName) {
    ObjectNode item = ((ObjectNode) doc.get("paths")).putObject(path);
    ObjectNode gvk = JSON.createObjectNode().put("group", group).put("version", version).put("kind", kind);
    JsonNode ref = schemaName == null ? JSON.createObjectNode().put("type", "object")
        : JSON.createObjectNode().put("$ref", "#/components/schemas/" + schemaName);
    ObjectNode get = item.putObject("get").put("operationId", "read" + kind).put("x-kubernetes-action", "get");
    get.set("x-kubernetes-group-version-kind", gvk);
    get.putObject("responses").putObject("200").put("description", "OK").putObject("content")
        .putObject("application/json").set("schema", ref);
    ObjectNode patch = item.putObject("patch").put("operationId", "patch" + kind).put("x-kubernetes-action", "patch");
    patch.set("x-kubernetes-group-version-kind", gvk);
    ArrayNode parameters = patch.putArray("parameters");
    for (String name : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
      parameters.addObject().put("name", name).put("in", "query").putObject("schema").put("type", "string");
    }
    ObjectNode content = patch.putObject("requestBody").putObject("content");
    for (String type : List.of("application/json-patch+json", "application/merge-patch+json")) {
      content.putObject(type).putObject("schema").put("type", "object");
    }
    patch.putObject("responses").putObject("200").put("description", "OK").putObject("content")
        .putObject("application/json").set("schema", ref);
  }

  private static String hash(String body) {
    try {
      return HexFormat.of().withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-512").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
