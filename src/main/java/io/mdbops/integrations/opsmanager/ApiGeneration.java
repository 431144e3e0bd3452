package io.mdbops.integrations.opsmanager;

import java.util.Arrays;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * Which generation of the API a client talks to: where the integrations resource lives under the
 * base URL, which media type requests and responses use, and whether a write of a type the project
 * does not have yet is a POST (Atlas v2, where PUT only updates) or the same upserting PUT.
 */
public enum ApiGeneration {
  /** Cloud Manager / Ops Manager public API v1.0: PUT upserts. */
  PUBLIC_V1("public-v1", "api/public/v1.0", "application/json", false),
  /**
   * Atlas Administration API v2, resource version 2023-01-01 (the only version of the integrations
   * resource): versioned media type, POST creates, PUT updates, DELETE answers 204, objects carry an
   * {@code id} that changes with every update.
   */
  ATLAS_V2("atlas-v2", "api/atlas/v2", "application/vnd.atlas.2023-01-01+json", true);

  private final String key;
  private final String pathPrefix;
  private final MediaType mediaType;
  private final boolean createsWithPost;

  ApiGeneration(String key, String pathPrefix, String mediaType, boolean createsWithPost) {
    this.key = key;
    this.pathPrefix = pathPrefix;
    this.mediaType = MediaType.get(mediaType);
    this.createsWithPost = createsWithPost;
  }

  /** How the connection Secret's {@code api} key and the {@code --api} flags name it. */
  public String key() {
    return key;
  }

  /** The generation a connection Secret's {@code api} value names (case-insensitive), if any. */
  public static Optional<ApiGeneration> ofKey(String value) {
    return Arrays.stream(values()).filter(g -> g.key.equalsIgnoreCase(value.trim())).findFirst();
  }

  /** Path below the base URL, without leading or trailing slash, e.g. {@code api/public/v1.0}. */
  public String pathPrefix() {
    return pathPrefix;
  }

  /** Sent as {@code Accept} and as the {@code Content-Type} of request bodies. */
  public MediaType mediaType() {
    return mediaType;
  }

  /** Whether a type the project does not have is created with POST (PUT then only updates). */
  public boolean createsWithPost() {
    return createsWithPost;
  }

  /** {@code {base}/{prefix}/groups/{projectId}/integrations}; the base may carry a path prefix. */
  HttpUrl integrationsUrl(HttpUrl base, String projectId) {
    return base.newBuilder()
        .addPathSegments(pathPrefix)
        .addPathSegment("groups")
        .addPathSegment(projectId)
        .addPathSegment("integrations")
        .build();
  }

  @Override
  public String toString() {
    return key;
  }
}
