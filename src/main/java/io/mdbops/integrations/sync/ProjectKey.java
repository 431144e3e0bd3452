package io.mdbops.integrations.sync;

import io.mdbops.integrations.connection.ResolvedConnection;

/**
 * One project as seen through one API identity. Snapshots are not shared across key pairs: two
 * tenants with different keys may be allowed to see different things.
 */
public record ProjectKey(String baseUrl, String publicKey, String projectId) {

  /** The project as seen through this connection's credentials. */
  public static ProjectKey of(ResolvedConnection connection, String projectId) {
    return new ProjectKey(connection.baseUrl(), connection.api().publicKey(), projectId);
  }

  @Override
  public String toString() {
    return projectId + "@" + baseUrl;
  }
}
