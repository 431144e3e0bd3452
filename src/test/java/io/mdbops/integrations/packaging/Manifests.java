package io.mdbops.integrations.packaging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Kubernetes YAML (one or several documents) parsed into fabric8's typed model. */
final class Manifests {

  private Manifests() {}

  /** Every object in the YAML text; kinds fabric8 has no model for come back as GenericKubernetesResource. */
  static List<HasMetadata> parse(String yaml) {
    Object parsed = Serialization.unmarshal(yaml, KubernetesResource.class);
    List<HasMetadata> objects = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      list.forEach(o -> objects.add((HasMetadata) o));
    } else if (parsed != null) {
      objects.add((HasMetadata) parsed);
    }
    return objects;
  }

  /** YAML (or JSON) that is not a Kubernetes object, as plain maps and lists. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    return Serialization.unmarshal(text, Map.class);
  }

  static List<HasMetadata> parse(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
