package io.mdbops.integrations.simulator;

import java.util.Optional;

/**
 * The field tables one simulator enforces: {@link TypeSchemas}, less what its options take away.
 * DATADOG's {@code region} is in the older Ops Manager tables and in Atlas v2 but not in the
 * current ones, which list {@code apiKey} only (reference §2.3).
 */
final class FieldTables {

  private final boolean datadogRegion;

  FieldTables(boolean datadogRegion) {
    this.datadogRegion = datadogRegion;
  }

  Optional<TypeSchema> of(String type) {
    Optional<TypeSchema> schema = TypeSchemas.of(type);
    return datadogRegion || !type.equals("DATADOG") ? schema : schema.map(s -> s.without("region"));
  }
}
