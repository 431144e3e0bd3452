package io.mdbops.integrations.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * A service account: OAuth 2 client credentials, exchanged at {@code /api/oauth/token} for Bearer
 * access tokens, and what those tokens may reach.
 *
 * @param clientId the client id (e.g. {@code mdb_sa_id_…})
 * @param clientSecret the client secret (e.g. {@code mdb_sa_sk_…})
 * @param allProjects whether it reaches every project
 * @param projectIds the projects it reaches when not {@code allProjects}
 */
public record ServiceAccount(String clientId, String clientSecret, boolean allProjects, Set<String> projectIds) {

  public ServiceAccount {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    projectIds = Set.copyOf(projectIds);
  }

  /** As an API key, for the checks both share (project access; no access list). */
  ApiKey asKey() {
    return new ApiKey(clientId, clientSecret, allProjects, projectIds, Set.of());
  }

  @Override
  public String toString() {
    return "ServiceAccount[clientId=" + clientId + ", clientSecret=<redacted>, allProjects=" + allProjects
        + ", projectIds=" + projectIds + "]";
  }
}
