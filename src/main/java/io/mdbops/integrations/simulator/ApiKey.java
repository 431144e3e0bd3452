package io.mdbops.integrations.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * A programmatic API key pair and what it may reach.
 *
 * @param publicKey the Digest user name
 * @param privateKey the Digest password
 * @param allProjects whether it reaches every project
 * @param projectIds the projects it reaches when not {@code allProjects}
 * @param accessList source IP addresses allowed to use it; empty means no access list (any address)
 */
public record ApiKey(String publicKey, String privateKey, boolean allProjects, Set<String> projectIds,
    Set<String> accessList) {

  public ApiKey {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
    projectIds = Set.copyOf(projectIds);
    accessList = Set.copyOf(accessList);
  }

  public boolean canAccess(String projectId) {
    return allProjects || projectIds.contains(projectId);
  }

  public boolean allowsAddress(String address) {
    return accessList.isEmpty() || accessList.contains(address);
  }

  ApiKey withProjects(Set<String> ids) {
    return new ApiKey(publicKey, privateKey, false, ids, accessList);
  }

  ApiKey withAccessList(Set<String> addresses) {
    return new ApiKey(publicKey, privateKey, allProjects, projectIds, addresses);
  }

  @Override
  public String toString() {
    return "ApiKey[publicKey=" + publicKey + ", privateKey=<redacted>, allProjects=" + allProjects
        + ", projectIds=" + projectIds + ", accessList=" + accessList + "]";
  }
}
