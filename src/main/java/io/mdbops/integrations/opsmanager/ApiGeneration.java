package io.mdbops.integrations.opsmanager;

import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * Which generation of the API a client talks to: where the integrations resource lives under the
 * base URL and which media type requests and responses use. Everything that differs between the
 * Cloud/Ops Manager public API and the Atlas Administration API v2 belongs here.
 */
public enum ApiGeneration {
  /** Cloud Manager / Ops Manager public API v1.0. */
  PUBLIC_V1("api/public/v1.0", "application/json"),
  /**
   * Atlas Administration API v2, resource version 2023-01-01. Paths and media type only; not yet
   * exercised against Atlas (DELETE answers 204, otherwise the same shapes as {@link #PUBLIC_V1}).
   */
  ATLAS_V2("api/atlas/v2", "application/vnd.atlas.2023-01-01+json");

  private final String pathPrefix;
  private final MediaType mediaType;

  ApiGeneration(String pathPrefix, String mediaType) {
    this.pathPrefix = pathPrefix;
    this.mediaType = MediaType.get(mediaType);
  }

  /** Path below the base URL, without leading or trailing slash, e.g. {@code api/public/v1.0}. */
  public String pathPrefix() {
    return pathPrefix;
  }

  /** Sent as {@code Accept} and as the {@code Content-Type} of request bodies. */
  public MediaType mediaType() {
    return mediaType;
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
}
