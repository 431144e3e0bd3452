package io.mdbops.integrations.opsmanager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One integration as the API returns it: its {@code type} and its other fields, secret fields
 * masked or absent. Values are what JSON gave: String, Boolean, Number, null, or nested Map/List.
 *
 * @param type the API type string; may name a type the operator does not manage (e.g. HIP_CHAT)
 * @param fields every field except {@code type}
 */
public record IntegrationView(String type, Map<String, Object> fields) {

  public IntegrationView {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Object field(String name) {
    return fields.get(name);
  }
}
