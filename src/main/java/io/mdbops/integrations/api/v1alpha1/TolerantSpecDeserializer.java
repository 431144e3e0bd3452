package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads a spec, and when it does not fit the model returns {@link
 * ThirdPartyIntegrationSpec#unreadable} with the field path and the kind of problem (never the
 * value), plus the project id and type when those alone can be read, so deletion still knows its
 * target. The validator turns it into an InvalidSpec condition.
 */
final class TolerantSpecDeserializer extends JsonDeserializer<ThirdPartyIntegrationSpec> {

  /**
   * Plain Jackson, not the Kubernetes client's mapper: that one quietly turns a value of the wrong
   * type or an unknown enum constant into null, and a region a newer CRD allows would then fall
   * back to the default and be written as such. Unknown fields are ignored, as an API server with
   * this version's CRD would prune them.
   */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  @Override
  public ThirdPartyIntegrationSpec deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode tree = parser.readValueAsTree();
    try {
      return STRICT.treeToValue(tree, ThirdPartyIntegrationSpec.class);
    } catch (JsonProcessingException e) {
      ThirdPartyIntegrationSpec salvaged = ThirdPartyIntegrationSpec.unreadable(describe(e), tree);
      if (tree != null && tree.isObject()) {
        salvaged.setProjectId(text(tree.get("projectId")));
        salvaged.setType(type(tree.get("type")));
        // an unreadable spec never removes anything unless its policy can be read as Delete
        salvaged.setDeletionPolicy("Delete".equals(text(tree.get("deletionPolicy")))
            ? DeletionPolicy.Delete : DeletionPolicy.Retain);
      }
      return salvaged;
    }
  }

  private static String describe(JsonProcessingException e) {
    String path = e instanceof JsonMappingException m && !m.getPath().isEmpty()
        ? "spec." + m.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[")
        : "spec";
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return path + " has a value this operator version does not know; allowed: "
          + java.util.Arrays.toString(f.getTargetType().getEnumConstants());
    }
    return path + " does not have the type the schema requires (" + e.getClass().getSimpleName()
        + "); apply the manifest to an API server with this CRD to see the exact rule";
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private static IntegrationType type(JsonNode node) {
    try {
      return node != null && node.isTextual() ? IntegrationType.valueOf(node.asText()) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
