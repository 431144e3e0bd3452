package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386): applying one, and the patch that turns one object into another
 * (objects merged key by key, a null removes a key, anything else replaced whole).
 */
public final class MergePatch {

  private MergePatch() {
  }

  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  public static ObjectNode diff(JsonNode from, JsonNode to) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      if (!to.has(e.getKey())) {
        patch.putNull(e.getKey());
      }
    }
    for (Map.Entry<String, JsonNode> e : to.properties()) {
      JsonNode before = from.get(e.getKey());
      if (e.getValue().equals(before)) {
        continue;
      }
      patch.set(e.getKey(), before != null && before.isObject() && e.getValue().isObject()
          ? diff(before, e.getValue()) : e.getValue().deepCopy());
    }
    return patch;
  }
}
