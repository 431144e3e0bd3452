package io.mdbops.integrations.opsmanager;

import java.util.List;
import java.util.Optional;

/**
 * The third-party integrations endpoints of one API connection
 * ({@code /groups/{projectId}/integrations[/{type}]}). Implementations are thread-safe.
 */
public interface IntegrationsApi extends AutoCloseable {

  /** Every integration of the project (all pages). */
  List<IntegrationView> list(String projectId) throws ApiException;

  /** One integration, or empty when that type is not configured in the project. */
  Optional<IntegrationView> get(String projectId, String type) throws ApiException;

  /**
   * Replaces the integration of {@code payload.type()}: an upsert on the public API v1.0; an update
   * on Atlas v2, where a type the project turns out not to have is created instead.
   *
   * @return every integration of the project after the write, as the response lists them
   */
  List<IntegrationView> put(String projectId, IntegrationPayload payload) throws ApiException;

  /**
   * Creates the integration of {@code payload.type()}, which the project did not have when last
   * read: a POST on Atlas v2 (where a type that turns out to exist is updated instead), the same
   * upsert as {@link #put} on the public API v1.0.
   *
   * @return every integration of the project after the write, as the response lists them
   */
  default List<IntegrationView> create(String projectId, IntegrationPayload payload) throws ApiException {
    return put(projectId, payload);
  }

  /**
   * Removes the integration of that type.
   *
   * @return false when it was not configured (nothing to delete), true when it was removed
   */
  boolean delete(String projectId, String type) throws ApiException;

  /** Lets go of what the client holds (a service account's access token is revoked). Never throws. */
  @Override
  default void close() {}
}
