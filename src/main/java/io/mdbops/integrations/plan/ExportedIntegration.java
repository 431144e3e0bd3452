package io.mdbops.integrations.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import java.util.List;

/**
 * One live integration as manifests: the resource (observe-only, every plain field the project holds)
 * and the skeleton of its Secret.
 *
 * @param resource the ThirdPartyIntegration, as a tree
 * @param secretName the Secret its secret fields reference; null when the type has none
 * @param secretKeys each key of that Secret, with what to fill in there
 * @param leftOut fields the project holds that the resource has no place for (names only)
 * @param problems why the resource would be refused as it stands (say, a required field the API did
 *     not return); empty for a valid export
 */
public record ExportedIntegration(
    String projectId,
    IntegrationType type,
    String name,
    String namespace,
    ObjectNode resource,
    String secretName,
    List<SecretKey> secretKeys,
    List<String> leftOut,
    List<String> problems) {

  public ExportedIntegration {
    secretKeys = List.copyOf(secretKeys);
    leftOut = List.copyOf(leftOut);
    problems = List.copyOf(problems);
  }

  /** One key of the Secret skeleton: its name and what to put there. */
  public record SecretKey(String key, String description) {}
}
