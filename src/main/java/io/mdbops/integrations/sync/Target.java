package io.mdbops.integrations.sync;

import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import java.util.Map;

/**
 * Everything a pass needs once the resource is known to be writable (or, observed, readable): where
 * (connection, project), through which client, and what the project should hold.
 *
 * @param unreadSecrets for an observed resource, the secret fields whose values could not be read,
 *     each with why (they are left out of {@code desired}); always empty for a managed one
 */
record Target(ResolvedConnection connection, ProjectKey key, IntegrationsApi api, DesiredIntegration desired,
    Map<String, String> unreadSecrets) {

  Target {
    unreadSecrets = Map.copyOf(unreadSecrets);
  }

  String projectId() {
    return key.projectId();
  }

  String type() {
    return desired.type().name();
  }
}
