package io.mdbops.integrations.sync;

/**
 * One project as seen through one API identity. Snapshots are not shared across key pairs: two
 * tenants with different keys may be allowed to see different things.
 */
public record ProjectKey(String baseUrl, String publicKey, String projectId) {

  @Override
  public String toString() {
    return projectId + "@" + baseUrl;
  }
}
