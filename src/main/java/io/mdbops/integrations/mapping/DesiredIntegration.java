package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the project should hold for one resource, built only from the spec and the Secrets.
 *
 * @param payload the full PUT body: every field the spec sets
 * @param secretForms for each secret field in the payload, how the API shows it when read back
 * @param secretRefs for each secret field in the payload, the Secret key its value came from
 * @param plainDefaults for plain fields, the value the API assumes when the field is absent
 * @param optionalFields the type's fields the spec may leave out (cleared with {@code ""} once written)
 * @param secretVersions resourceVersion of every Secret whose values are in the payload, by name
 * @param fields the type's fields on the connection's API generation: what is sent and compared
 */
public record DesiredIntegration(
    IntegrationType type,
    IntegrationPayload payload,
    Map<String, SecretForm> secretForms,
    Map<String, SecretKeySelector> secretRefs,
    Map<String, Object> plainDefaults,
    Set<String> optionalFields,
    Map<String, String> secretVersions,
    List<FieldMapping> fields) {

  public DesiredIntegration {
    fields = List.copyOf(fields);
    secretForms = Map.copyOf(secretForms);
    secretRefs = Map.copyOf(secretRefs);
    plainDefaults = Map.copyOf(plainDefaults);
    optionalFields = Set.copyOf(optionalFields);
    secretVersions = Map.copyOf(secretVersions);
  }

  /**
   * The PUT body that also clears {@code fields} (optional fields the spec no longer sets) with an
   * explicit {@code ""}: a server that merges PUTs would keep a field that is only left out.
   */
  public IntegrationPayload payloadClearing(Set<String> fields) {
    return payloadClearing(fields, MeasuredBehaviour.ASSUMED);
  }

  /**
   * As above, for a server {@code doctor} measured: one whose PUT replaces the whole configuration
   * drops a field the body leaves out, so nothing more is sent for it.
   */
  public IntegrationPayload payloadClearing(Set<String> fields, MeasuredBehaviour measured) {
    if (fields.isEmpty() || measured.putReplaces().orElse(false)) {
      return payload;
    }
    Map<String, Object> body = new LinkedHashMap<>(payload.fields());
    fields.stream().filter(optionalFields::contains).filter(f -> !body.containsKey(f)).sorted()
        .forEach(f -> body.put(f, ""));
    return new IntegrationPayload(payload.type(), body, payload.secretFields());
  }
}
