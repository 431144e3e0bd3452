package io.mdbops.integrations.simulator;

import java.util.Optional;

/**
 * The field tables one simulator enforces: {@link TypeSchemas} of its API generation, less what its
 * options take away. DATADOG's {@code region} is in the older Ops Manager tables and in Atlas v2 but
 * not in the current v1.0 ones, which list {@code apiKey} only (reference §2.3).
 */
final class FieldTables {

  private final boolean datadogRegion;
  private final boolean atlasV2;

  FieldTables(boolean datadogRegion, boolean atlasV2) {
    this.datadogRegion = datadogRegion;
    this.atlasV2 = atlasV2;
  }

  Optional<TypeSchema> of(String type) {
    if (atlasV2) {
      return TypeSchemas.atlasV2(type);
    }
    Optional<TypeSchema> schema = TypeSchemas.of(type);
    return datadogRegion || !type.equals("DATADOG") ? schema : schema.map(s -> s.without("region"));
  }
}
