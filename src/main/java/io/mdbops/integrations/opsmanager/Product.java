package io.mdbops.integrations.opsmanager;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which MongoDB product a connection talks to. Decides which integration types and fields exist
 * (their docs differ), so that a field a product does not have is refused before any call. Cloud
 * Manager and Ops Manager are reached through the public API v1.0, Atlas through the Administration
 * API v2 ({@link #generation()}).
 */
public enum Product {
  /** MongoDB Cloud Manager, {@code https://cloud.mongodb.com/api/public/v1.0}. */
  CLOUD_MANAGER("cloud-manager", "Cloud Manager"),
  /** A self-hosted Ops Manager, {@code https://<host>/api/public/v1.0}. */
  OPS_MANAGER("ops-manager", "Ops Manager"),
  /**
   * MongoDB Atlas through the Atlas Administration API v2 ({@code https://cloud.mongodb.com/api/atlas/v2}),
   * the only Atlas API the operator speaks: a connection whose {@code api} is {@code atlas-v2}.
   */
  ATLAS("atlas", "Atlas");

  private static final String CLOUD_HOST = "cloud.mongodb.com";

  private final String key;
  private final String displayName;

  Product(String key, String displayName) {
    this.key = key;
    this.displayName = displayName;
  }

  /** How the connection Secret's {@code product} key names it, e.g. {@code ops-manager}. */
  public String key() {
    return key;
  }

  /** As the product's documentation names it. */
  public String displayName() {
    return displayName;
  }

  /** The API generation this product is reached through. */
  public ApiGeneration generation() {
    return this == ATLAS ? ApiGeneration.ATLAS_V2 : ApiGeneration.PUBLIC_V1;
  }

  /**
   * The product a connection without a {@code product} key talks to: Atlas through the v2 API, else
   * Cloud Manager on MongoDB's cloud host and Ops Manager anywhere else.
   */
  public static Product derivedFrom(ApiGeneration api, URI baseUrl) {
    return api == ApiGeneration.ATLAS_V2 ? ATLAS : derivedFrom(baseUrl);
  }

  /** Cloud Manager on MongoDB's cloud host, Ops Manager anywhere else (Atlas only when the connection says so). */
  public static Product derivedFrom(URI baseUrl) {
    String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
    return host.equals(CLOUD_HOST) || host.endsWith("." + CLOUD_HOST) ? CLOUD_MANAGER : OPS_MANAGER;
  }

  /** The product a connection Secret's {@code product} value names (case-insensitive), if any. */
  public static Optional<Product> ofKey(String value) {
    return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(value.trim())).findFirst();
  }

  @Override
  public String toString() {
    return displayName;
  }
}
