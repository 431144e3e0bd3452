package io.mdbops.integrations.opsmanager;

import java.util.List;
import java.util.Optional;

/**
 * The third-party integrations endpoints of one API connection
 * ({@code /groups/{projectId}/integrations[/{type}]}). Implementations are thread-safe.
 */
public interface IntegrationsApi {

  /** Every integration of the project (all pages). */
  List<IntegrationView> list(String projectId) throws ApiException;

  /** One integration, or empty when that type is not configured in the project. */
  Optional<IntegrationView> get(String projectId, String type) throws ApiException;

  /**
   * Creates or replaces the integration of {@code payload.type()} (the API upserts).
   *
   * @return every integration of the project after the write, as the response lists them
   */
  List<IntegrationView> put(String projectId, IntegrationPayload payload) throws ApiException;

  /**
   * Removes the integration of that type.
   *
   * @return false when it was not configured (nothing to delete), true when it was removed
   */
  boolean delete(String projectId, String type) throws ApiException;
}
