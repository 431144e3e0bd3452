package io.mdbops.integrations.opsmanager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of a PUT: the full desired integration, secret fields in clear. {@link #toString()}
 * never prints secret values, and the client scrubs them from every error it raises.
 *
 * @param type the API type string, also sent in the body as {@code type}
 * @param fields every field except {@code type}, in the order they are sent
 * @param secretFields names of the fields in {@code fields} whose values are secret
 */
public record IntegrationPayload(String type, Map<String, Object> fields, Set<String> secretFields) {

  public IntegrationPayload {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    secretFields = Set.copyOf(secretFields);
  }

  /** The values of the secret fields, for scrubbing them out of anything that is logged. */
  public Set<String> secretValues() {
    return secretFields.stream()
        .map(fields::get)
        .filter(v -> v instanceof String s && !s.isEmpty())
        .map(String.class::cast)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>();
    fields.forEach((k, v) -> shown.put(k, secretFields.contains(k) ? "<redacted>" : v));
    return "IntegrationPayload[type=" + type + ", fields=" + shown + "]";
  }
}
