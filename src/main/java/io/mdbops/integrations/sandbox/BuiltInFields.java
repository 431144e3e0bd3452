package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The unknown fields of a built-in kind the sandbox serves (a {@code stringdata:} typo in a Secret), found
 * from fabric8's model of that kind, which mirrors the API's types: a real server refuses them under
 * {@code fieldValidation=Strict} and drops them otherwise; the mock server stores them. Keys starting with
 * {@code $} are strategic-merge-patch directives, not fields.
 */
final class BuiltInFields {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Class<?>> BY_RESOURCE = Map.of("secrets", Secret.class,
      "configmaps", ConfigMap.class, "namespaces", Namespace.class, "events", Event.class);

  private BuiltInFields() {
  }

  /** The model of a resource (e.g. {@code secrets}), or null for a kind this class does not check. */
  static Class<?> model(String resource) {
    return BY_RESOURCE.get(resource);
  }

  /** Removes the unknown fields from {@code object} and returns their paths, e.g. {@code stringdata}. */
  static List<String> prune(ObjectNode object, Class<?> model) {
    List<String> unknown = new ArrayList<>();
    prune(object, JSON.constructType(model), "", unknown);
    return unknown;
  }

  private static void prune(JsonNode value, JavaType type, String path, List<String> unknown) {
    if (type.isMapLikeType()) {
      value.properties().forEach(e -> prune(e.getValue(), type.getContentType(), join(path, e.getKey()), unknown));
      return;
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      if (value instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          prune(array.get(i), type.getContentType(), path + "[" + i + "]", unknown);
        }
      }
      return;
    }
    if (!(value instanceof ObjectNode object) || !isModel(type)) {
      return;
    }
    BeanDescription bean = JSON.getDeserializationConfig().introspect(type);
    Map<String, JavaType> fields = new java.util.HashMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      if (p.hasSetter() || p.hasField() || p.hasConstructorParameter()) {
        fields.put(p.getName(), p.getPrimaryType());
      }
    }
    if (fields.isEmpty()) {
      return; // an open object such as managedFields' fieldsV1
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JavaType fieldType = fields.get(field.getKey());
      if (field.getKey().startsWith("$")) {
        continue;
      }
      if (fieldType == null) {
        // a null is a merge patch removing the field (kubectl's apply does so for a field it applied before)
        if (!field.getValue().isNull()) {
          unknown.add(join(path, field.getKey()));
        }
        it.remove();
      } else {
        prune(field.getValue(), fieldType, join(path, field.getKey()), unknown);
      }
    }
  }

  /** fabric8's model classes, whose properties are the API's fields; anything else is taken as it is. */
  private static boolean isModel(JavaType type) {
    Class<?> raw = type.getRawClass();
    return KubernetesResource.class.isAssignableFrom(raw) && raw.getName().startsWith("io.fabric8.kubernetes.api.model")
        && raw != KubernetesResource.class;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
