package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the desired integration of a validated spec from its block and the referenced Secrets. */
public final class DesiredIntegrations {

  private DesiredIntegrations() {}

  /** For the Cloud/Ops Manager public API v1.0. */
  public static DesiredIntegration build(ThirdPartyIntegrationSpec spec, SecretValues secrets) {
    return build(spec, secrets, ApiGeneration.PUBLIC_V1);
  }

  /** For the API generation a connection speaks. */
  public static DesiredIntegration build(ThirdPartyIntegrationSpec spec, SecretValues secrets, ApiGeneration generation) {
    return build(spec, secrets, generation, false);
  }

  /**
   * As {@link #build}, for a resource that only compares: a secret field whose value could not be
   * read is left out (it is compared as far as it can be, and reported as not compared).
   */
  public static DesiredIntegration buildAvailable(ThirdPartyIntegrationSpec spec, SecretValues secrets) {
    return buildAvailable(spec, secrets, ApiGeneration.PUBLIC_V1);
  }

  /** As {@link #buildAvailable(ThirdPartyIntegrationSpec, SecretValues)}, for the connection's API generation. */
  public static DesiredIntegration buildAvailable(ThirdPartyIntegrationSpec spec, SecretValues secrets,
      ApiGeneration generation) {
    return build(spec, secrets, generation, true);
  }

  private static DesiredIntegration build(ThirdPartyIntegrationSpec spec, SecretValues secrets,
      ApiGeneration generation, boolean available) {
    List<FieldMapping> mappings = IntegrationFields.of(spec.getType(), generation);
    Object block = spec.block(spec.getType());
    Map<String, Object> fields = new LinkedHashMap<>();
    Set<String> secretFields = new HashSet<>();
    Map<String, SecretForm> forms = new HashMap<>();
    Map<String, SecretKeySelector> refs = new HashMap<>();
    Map<String, Object> defaults = new HashMap<>();
    Set<String> optional = new HashSet<>();
    Map<String, String> versions = new TreeMap<>();
    for (FieldMapping field : mappings) {
      if (field.optional()) {
        optional.add(field.apiField());
      }
      if (field.isSecret()) {
        SecretKeySelector ref = field.secretRef().apply(block);
        if (ref == null || (available && !secrets.has(ref))) {
          continue;
        }
        fields.put(field.apiField(), secrets.value(ref));
        secretFields.add(field.apiField());
        forms.put(field.apiField(), field.form());
        refs.put(field.apiField(), ref);
        versions.put(ref.getName(), secrets.version(ref.getName()));
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
    return new DesiredIntegration(spec.getType(), payload, forms, refs, defaults, optional, versions, mappings);
  }

  /** Every Secret key the spec's block references (not the connection), in field order. */
  public static List<SecretKeySelector> referencedSecrets(ThirdPartyIntegrationSpec spec) {
    List<SecretKeySelector> refs = new ArrayList<>();
    if (spec == null || spec.getType() == null) {
      return refs;
    }
    Object block = spec.block(spec.getType());
    if (block == null) {
      return refs;
    }
    for (FieldMapping field : IntegrationFields.anyGeneration(spec.getType())) {
      if (field.isSecret()) {
        SecretKeySelector ref = field.secretRef().apply(block);
        if (ref != null && ref.getName() != null) {
          refs.add(ref);
        }
      }
    }
    return refs;
  }

  /** The secret fields the spec's block sets, by API field name, with the Secret key each comes from. */
  public static Map<String, SecretKeySelector> secretFieldRefs(ThirdPartyIntegrationSpec spec) {
    Map<String, SecretKeySelector> refs = new LinkedHashMap<>();
    Object block = spec == null || spec.getType() == null ? null : spec.block(spec.getType());
    if (block == null) {
      return refs;
    }
    for (FieldMapping field : IntegrationFields.anyGeneration(spec.getType())) {
      if (field.isSecret()) {
        SecretKeySelector ref = field.secretRef().apply(block);
        if (ref != null && ref.getName() != null) {
          refs.put(field.apiField(), ref);
        }
      }
    }
    return refs;
  }

  /** Every Secret name the spec's block references (not the connection). */
  public static Set<String> referencedSecretNames(ThirdPartyIntegrationSpec spec) {
    Set<String> names = new HashSet<>();
    referencedSecrets(spec).forEach(ref -> names.add(ref.getName()));
    return names;
  }
}
