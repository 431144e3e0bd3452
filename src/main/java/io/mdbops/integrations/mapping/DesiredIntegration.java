package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import java.util.Map;

/**
 * What the project should hold for one resource, built only from the spec and the Secrets.
 *
 * @param payload the full PUT body
 * @param secretForms for each secret field in the payload, how the API shows it when read back
 * @param plainDefaults for plain fields, the value the API assumes when the field is absent
 * @param secretVersions resourceVersion of every Secret whose values are in the payload, by name
 */
public record DesiredIntegration(
    IntegrationType type,
    IntegrationPayload payload,
    Map<String, SecretForm> secretForms,
    Map<String, Object> plainDefaults,
    Map<String, String> secretVersions) {

  public DesiredIntegration {
    secretForms = Map.copyOf(secretForms);
    plainDefaults = Map.copyOf(plainDefaults);
    secretVersions = Map.copyOf(secretVersions);
  }
}
