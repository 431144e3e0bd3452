package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the desired integration of a validated spec from its block and the referenced Secrets. */
public final class DesiredIntegrations {

  private DesiredIntegrations() {}

  public static DesiredIntegration build(ThirdPartyIntegrationSpec spec, SecretValues secrets)
      throws SecretUnavailableException {
    Object block = spec.block(spec.getType());
    Map<String, Object> fields = new LinkedHashMap<>();
    Set<String> secretFields = new HashSet<>();
    Map<String, SecretForm> forms = new HashMap<>();
    Map<String, Object> defaults = new HashMap<>();
    Map<String, String> versions = new TreeMap<>();
    for (FieldMapping field : IntegrationFields.of(spec.getType())) {
      if (field.isSecret()) {
        SecretKeySelector ref = field.secretRef().apply(block);
        if (ref == null) {
          continue;
        }
        fields.put(field.apiField(), secrets.value(ref));
        secretFields.add(field.apiField());
        forms.put(field.apiField(), field.form());
        versions.put(ref.getName(), secrets.resourceVersion(ref.getName()));
      } else {
        Object value = field.plain().apply(block);
        if (value != null) {
          fields.put(field.apiField(), value);
        }
        if (field.absentMeans() != null) {
          defaults.put(field.apiField(), field.absentMeans());
        }
      }
    }
    IntegrationPayload payload = new IntegrationPayload(spec.getType().name(), fields, secretFields);
    return new DesiredIntegration(spec.getType(), payload, forms, defaults, versions);
  }

  /** Every Secret name the spec's block references (not the connection). */
  public static Set<String> referencedSecretNames(ThirdPartyIntegrationSpec spec) {
    Set<String> names = new HashSet<>();
    if (spec == null || spec.getType() == null) {
      return names;
    }
    Object block = spec.block(spec.getType());
    if (block == null) {
      return names;
    }
    for (FieldMapping field : IntegrationFields.of(spec.getType())) {
      if (field.isSecret()) {
        SecretKeySelector ref = field.secretRef().apply(block);
        if (ref != null && ref.getName() != null) {
          names.add(ref.getName());
        }
      }
    }
    return names;
  }
}
