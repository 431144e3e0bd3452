package io.mdbops.integrations.plan;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.sync.LiveComparison;
import io.mdbops.integrations.validation.ResourceParser;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a live integration into the manifests that describe it: every plain field the project holds,
 * a reference to one Secret per integration for its secret fields (which the API never shows: left
 * empty, to be filled in), the connection Secret's name, and {@code managementPolicy: Observe}. Field
 * by field through the operator's own mapping, read backwards, and checked by reading the result
 * forwards again: a field that does not come back as the project holds it is reported.
 */
public final class LiveManifests {

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private final ExportNames names;
  private final String namespace;
  private final String connectionSecret;
  private final Function<JsonNode, List<String>> admission;

  /**
   * @param namespace the namespace of every manifest, or null to leave it to kubectl's context
   * @param admission what the API server would refuse in a resource, one message each
   */
  public LiveManifests(ExportNames names, String namespace, String connectionSecret,
      Function<JsonNode, List<String>> admission) {
    this.names = names;
    this.namespace = namespace;
    this.connectionSecret = connectionSecret;
    this.admission = admission;
  }

  /** The type the operator knows by the view's type, if it manages it. */
  public static Optional<IntegrationType> managedType(IntegrationView view) {
    try {
      return Optional.of(IntegrationType.valueOf(view.type()));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  public ExportedIntegration export(String projectId, IntegrationType type, IntegrationView view) {
    String name = names.resource(type, projectId);
    String secretName = names.secret(type, projectId);
    ObjectNode resource = JSON.createObjectNode();
    resource.put("apiVersion", ThirdPartyIntegration.GROUP + "/" + ThirdPartyIntegration.VERSION);
    resource.put("kind", "ThirdPartyIntegration");
    ObjectNode metadata = resource.putObject("metadata").put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    ObjectNode spec = resource.putObject("spec");
    spec.put("projectId", projectId);
    spec.put("type", type.name());
    spec.putObject("connectionSecretRef").put("name", connectionSecret);
    spec.put("managementPolicy", ManagementPolicy.Observe.name());
    ObjectNode block = spec.putObject(type.blockName());
    List<ExportedIntegration.SecretKey> keys = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    for (FieldMapping field : IntegrationFields.of(type)) {
      known.add(field.apiField());
      Object have = view.field(field.apiField());
      if (!field.isSecret()) {
        if (isSet(have)) {
          block.set(field.apiField(), JSON.valueToTree(have));
        }
      } else if (!field.optional() || isSet(have)) {
        Field property = secretProperty(type, field);
        block.putObject(property.getName()).put("name", secretName).put("key", field.apiField());
        keys.add(new ExportedIntegration.SecretKey(field.apiField(), description(property)));
      }
    }
    List<String> leftOut = view.fields().keySet().stream().filter(f -> !known.contains(f)).sorted().toList();
    return new ExportedIntegration(projectId, type, name, namespace, resource, keys.isEmpty() ? null : secretName,
        keys, leftOut, problems(resource, type, view));
  }

  /**
   * Why the resource would be refused, and which plain fields would not read back as the project
   * holds them (a value the model cannot take).
   */
  private List<String> problems(ObjectNode resource, IntegrationType type, IntegrationView view) {
    List<String> problems = new ArrayList<>();
    admission.apply(resource).forEach(m -> problems.add("the API server would refuse it: " + m));
    ResourceParser.Result parsed = ResourceParser.parse(resource.toString());
    parsed.problems().forEach(m -> problems.add("the operator would refuse it: " + m));
    if (parsed.resource() == null || parsed.resource().getSpec() == null) {
      return problems;
    }
    ThirdPartyIntegrationSpec spec = parsed.resource().getSpec();
    Object block = spec.block(type);
    for (FieldMapping field : IntegrationFields.of(type)) {
      if (!field.isSecret() && block != null
          && !LiveComparison.samePlain(field.plain().apply(block), view.field(field.apiField()), field.absentMeans())) {
        problems.add(field.apiField() + " does not read back as the project holds it");
      }
    }
    return problems;
  }

  /** The block's property that {@code field} reads its Secret reference from. */
  static Field secretProperty(IntegrationType type, FieldMapping field) {
    Class<?> blockClass = blockClass(type);
    SecretKeySelector marker = new SecretKeySelector("marker", "marker");
    for (Field property : blockClass.getDeclaredFields()) {
      if (property.getType() == SecretKeySelector.class) {
        Object block = JSON.convertValue(Map.of(property.getName(), marker), blockClass);
        if (marker.equals(field.secretRef().apply(block))) {
          return property;
        }
      }
    }
    throw new IllegalStateException("no property of " + blockClass.getSimpleName() + " holds " + field.apiField());
  }

  static Class<?> blockClass(IntegrationType type) {
    try {
      return ThirdPartyIntegrationSpec.class.getDeclaredField(type.blockName()).getType();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("the spec has no block " + type.blockName(), e);
    }
  }

  /** The first sentence of the CRD's description of the property, as what to fill in. */
  private static String description(Field property) {
    JsonPropertyDescription d = property.getAnnotation(JsonPropertyDescription.class);
    if (d == null) {
      return "";
    }
    String text = d.value();
    int end = text.indexOf(". ");
    String first = end < 0 ? text : text.substring(0, end + 1);
    return first.replaceFirst("^Secret key holding ", "");
  }

  private static boolean isSet(Object value) {
    return value != null && !(value instanceof String s && s.isEmpty());
  }
}
