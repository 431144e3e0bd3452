package io.mdbops.integrations.prometheus;

/**
 * The companion endpoint of a PROMETHEUS integration: Cloud Manager and Ops Manager serve, per
 * project, the hosts to scrape in Prometheus's HTTP service-discovery format, under the same base URL
 * as the API and with the integration's basic-auth user and password.
 */
public final class DiscoveryEndpoint {

  /** The path under the base URL, with {@code %s} for the project id. */
  public static final String PATH = "/prometheus/v1.0/groups/%s/discovery";

  private DiscoveryEndpoint() {}

  /** {@code {baseUrl}/prometheus/v1.0/groups/{projectId}/discovery}; the base URL may carry a path prefix. */
  public static String url(String baseUrl, String projectId) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + String.format(PATH, projectId);
  }
}
