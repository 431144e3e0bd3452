package io.mdbops.integrations.sync;

import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.opsmanager.IntegrationsApi;

/**
 * Everything a pass needs once the resource is known to be writable: where (connection, project),
 * through which client, and what the project should hold.
 */
record Target(ResolvedConnection connection, ProjectKey key, IntegrationsApi api, DesiredIntegration desired) {

  String projectId() {
    return key.projectId();
  }

  String type() {
    return desired.type().name();
  }
}
