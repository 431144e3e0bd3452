package io.mdbops.integrations.sandbox;

import java.net.URI;
import java.util.Objects;

/** A real Cloud Manager / Ops Manager the sandbox uses instead of its simulator. */
public record RealApi(URI baseUrl, String publicKey, String privateKey, String projectId, String caPem) {

  public RealApi {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(projectId, "projectId");
  }

  @Override
  public String toString() {
    return "RealApi[" + baseUrl + ", publicKey=" + publicKey + ", project " + projectId + "]";
  }
}
