package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the protobuf bodies kubectl sends for built-in kinds ({@code kubectl create namespace|secret|
 * configmap} use client-go's typed clients, which speak protobuf; the mock server only reads JSON and, given
 * protobuf, never answers). Only the kinds the sandbox's discovery offers are known, and of their fields
 * only those such commands set; anything else is left for the caller to refuse.
 */
final class ProtobufBodies {

  static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
  /** Every Kubernetes protobuf body starts with these four bytes, then a runtime.Unknown envelope. */
  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final ObjectMapper JSON = new ObjectMapper();

  private enum Kind { STRING, BOOL, BYTES, STRING_MAP, BYTES_MAP, STRING_LIST, MESSAGE }

  private record Field(String name, Kind kind, Map<Integer, Field> message) {
    static Field of(String name, Kind kind) {
      return new Field(name, kind, null);
    }
  }

  // field numbers from k8s.io/api/core/v1/generated.proto and apimachinery's meta/v1 and runtime protos
  private static final Map<Integer, Field> OBJECT_META = Map.of(
      1, Field.of("name", Kind.STRING), 2, Field.of("generateName", Kind.STRING),
      3, Field.of("namespace", Kind.STRING), 6, Field.of("resourceVersion", Kind.STRING),
      11, Field.of("labels", Kind.STRING_MAP), 12, Field.of("annotations", Kind.STRING_MAP),
      14, Field.of("finalizers", Kind.STRING_LIST));
  private static final Field METADATA = new Field("metadata", Kind.MESSAGE, OBJECT_META);
  private static final Map<String, Map<Integer, Field>> KINDS = Map.of(
      "Secret", Map.of(1, METADATA, 2, Field.of("data", Kind.BYTES_MAP), 3, Field.of("type", Kind.STRING),
          4, Field.of("stringData", Kind.STRING_MAP), 5, Field.of("immutable", Kind.BOOL)),
      "ConfigMap", Map.of(1, METADATA, 2, Field.of("data", Kind.STRING_MAP), 3, Field.of("binaryData", Kind.BYTES_MAP),
          4, Field.of("immutable", Kind.BOOL)),
      "Namespace", Map.of(1, METADATA,
          2, new Field("spec", Kind.MESSAGE, Map.of(1, Field.of("finalizers", Kind.STRING_LIST)))));
  private static final Map<Integer, Field> TYPE_META = Map.of(
      1, Field.of("apiVersion", Kind.STRING), 2, Field.of("kind", Kind.STRING));
  private static final Map<Integer, Field> UNKNOWN = Map.of(
      1, new Field("typeMeta", Kind.MESSAGE, TYPE_META), 2, Field.of("raw", Kind.BYTES));

  private ProtobufBodies() {
  }

  /** The body as JSON, or null when it is not a protobuf object of a kind this class knows. */
  static String toJson(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      return null;
    }
    try {
      ObjectNode envelope = read(Arrays.copyOfRange(body, MAGIC.length, body.length), UNKNOWN);
      String kind = envelope.path("typeMeta").path("kind").asText();
      Map<Integer, Field> fields = KINDS.get(kind);
      if (fields == null || !envelope.has("raw")) {
        return null;
      }
      ObjectNode object = JSON.createObjectNode()
          .put("apiVersion", envelope.path("typeMeta").path("apiVersion").asText("v1")).put("kind", kind);
      object.setAll(read(Base64.getDecoder().decode(envelope.get("raw").asText()), fields));
      if ("Secret".equals(kind) && !object.has("type")) {
        object.put("type", "Opaque"); // the API server's default
      }
      return object.toString();
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static ObjectNode read(byte[] bytes, Map<Integer, Field> fields) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      Field field = fields.get(WireFormat.getTagFieldNumber(tag));
      if (field == null) {
        in.skipField(tag);
        continue;
      }
      switch (field.kind()) {
        case STRING -> {
          // gogo-protobuf writes every string, set or not; JSON leaves out the empty ones
          String value = in.readString();
          if (!value.isEmpty()) {
            node.put(field.name(), value);
          }
        }
        case BOOL -> node.put(field.name(), in.readBool());
        case BYTES -> node.put(field.name(), Base64.getEncoder().encodeToString(in.readByteArray()));
        case STRING_LIST -> node.withArrayProperty(field.name()).add(in.readString());
        case MESSAGE -> node.set(field.name(), read(in.readByteArray(), field.message()));
        case STRING_MAP, BYTES_MAP -> {
          ObjectNode entry = read(in.readByteArray(), field.kind() == Kind.STRING_MAP ? STRING_ENTRY : BYTES_ENTRY);
          node.withObjectProperty(field.name()).set(entry.path("key").asText(), entry.get("value"));
        }
      }
    }
    return node;
  }

  /** A map is a repeated message of key (1) and value (2). */
  private static final Map<Integer, Field> STRING_ENTRY = Map.of(
      1, Field.of("key", Kind.STRING), 2, Field.of("value", Kind.STRING));
  private static final Map<Integer, Field> BYTES_ENTRY = Map.of(
      1, Field.of("key", Kind.STRING), 2, Field.of("value", Kind.BYTES));
}
