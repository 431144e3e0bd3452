package io.mdbops.integrations.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lays a write's fields over the stored integration as the {@link PutSemantics} and the {@link
 * EmptyString} reading say. Checks nothing: the result still goes through {@link
 * IntegrationValidator#complete} for defaults and required fields.
 */
final class IntegrationUpdate {

  private final PutSemantics semantics;
  private final EmptyString emptyString;

  IntegrationUpdate(PutSemantics semantics, EmptyString emptyString) {
    this.semantics = semantics;
    this.emptyString = emptyString;
  }

  /**
   * @param current what is stored, or empty for a new integration
   * @param provided the body's fields, checked one by one
   * @return the fields to store
   */
  Map<String, Object> apply(TypeSchema schema, Optional<Map<String, Object>> current, Map<String, Object> provided) {
    Map<String, Object> next = new LinkedHashMap<>();
    if (semantics == PutSemantics.MERGE) {
      current.ifPresent(next::putAll);
    }
    provided.forEach((name, value) -> {
      if (isOptionalEmptyString(schema, name, value)) {
        if (emptyString == EmptyString.CLEARS) {
          next.remove(name);
        }
      } else {
        next.put(name, value);
      }
    });
    return next;
  }

  static boolean isOptionalEmptyString(TypeSchema schema, String name, Object value) {
    return "".equals(value) && schema.field(name).map(f -> !f.required()).orElse(false);
  }
}
