package io.mdbops.integrations.sandbox;

import io.mdbops.integrations.opsmanager.ApiConnection;
import java.util.Objects;

/**
 * A real Cloud Manager / Ops Manager the sandbox uses instead of its simulator, and the project its
 * examples are re-targeted to.
 */
public record RealApi(ApiConnection connection, String projectId) {

  public RealApi {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(projectId, "projectId");
  }
}
