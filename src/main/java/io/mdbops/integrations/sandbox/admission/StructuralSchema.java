package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an API server does to a custom resource before validating it, read from the CRD's
 * {@code openAPIV3Schema}: drop the fields the schema does not name (pruning, reported so that
 * {@code fieldValidation=Strict} can refuse them and {@code Warn} can warn), drop nulls the schema does
 * not allow, and fill in {@code default}s.
 */
public final class StructuralSchema {

  /** Fields every object has beside the schema's (the server decodes them itself). */
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");
  private static final Set<String> OBJECT_META = Set.of("name", "generateName", "namespace", "selfLink", "uid",
      "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
      "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

  private final JsonNode root;

  public StructuralSchema(JsonNode openApiV3Schema) {
    this.root = openApiV3Schema;
  }

  /** Removes unknown fields and disallowed nulls in place; returns the unknown fields' paths, e.g. {@code spec.x}. */
  public List<String> prune(ObjectNode object) {
    List<String> unknown = new ArrayList<>();
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode meta) {
      for (Iterator<String> names = meta.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!OBJECT_META.contains(name)) {
          unknown.add("metadata." + name);
          names.remove();
        }
      }
    }
    pruneObject(object, root, "", unknown, ROOT_FIELDS);
    return unknown;
  }

  private void prune(JsonNode value, JsonNode schema, String path, List<String> unknown) {
    if (value instanceof ObjectNode object) {
      pruneObject(object, schema, path, unknown, Set.of());
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        prune(array.get(i), schema.get("items"), path + "[" + i + "]", unknown);
      }
    }
  }

  private void pruneObject(ObjectNode object, JsonNode schema, String path, List<String> unknown,
      Set<String> alsoKnown) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String childPath = path.isEmpty() ? name : path + "." + name;
      JsonNode childSchema = properties != null && properties.has(name) ? properties.get(name)
          : additional != null && additional.isObject() ? additional : null;
      if (alsoKnown.contains(name)) {
        continue;
      }
      if (childSchema == null) {
        unknown.add(childPath);
        fields.remove();
      } else if (field.getValue().isNull() && !childSchema.path("nullable").asBoolean(false)) {
        fields.remove();
      } else {
        prune(field.getValue(), childSchema, childPath, unknown);
      }
    }
  }

  /** Sets each missing property that has a {@code default}, where its parent object is present. */
  public void applyDefaults(ObjectNode object) {
    applyDefaults(object, root);
  }

  private void applyDefaults(JsonNode value, JsonNode schema) {
    if (value instanceof ObjectNode object && schema.has("properties")) {
      for (Iterator<Map.Entry<String, JsonNode>> p = schema.get("properties").fields(); p.hasNext(); ) {
        Map.Entry<String, JsonNode> property = p.next();
        if (!object.has(property.getKey()) && property.getValue().has("default")) {
          object.set(property.getKey(), property.getValue().get("default").deepCopy());
        }
        if (object.has(property.getKey())) {
          applyDefaults(object.get(property.getKey()), property.getValue());
        }
      }
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      array.forEach(item -> applyDefaults(item, schema.get("items")));
    }
  }
}
