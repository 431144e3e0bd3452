package io.mdbops.integrations.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * One field of an integration type as the simulator enforces it.
 *
 * @param name the JSON field name
 * @param kind the JSON kind the value must have
 * @param required whether a write must provide it (non-null, non-empty)
 * @param enumValues the accepted values; empty when any string goes
 * @param masking how reads show it
 * @param defaultValue stored when a write leaves it out; null for none
 * @param hexadecimal whether the value must be a hexadecimal string
 * @param requiredWhen a condition {@code field=value} under which it is required; null for none
 * @param pattern a regular expression the whole value must match; null for none
 */
public record FieldSchema(
    String name,
    Kind kind,
    boolean required,
    Set<String> enumValues,
    ResponseMasking.Rule masking,
    Object defaultValue,
    boolean hexadecimal,
    Condition requiredWhen,
    String pattern) {

  /** The JSON kind of a value. */
  public enum Kind {
    STRING,
    BOOLEAN
  }

  /** {@code field} has the value {@code value}. */
  public record Condition(String field, Object value) {}

  public FieldSchema {
    Objects.requireNonNull(name, "name");
    enumValues = Set.copyOf(enumValues);
  }

  /** An optional, unmasked string field. */
  public static FieldSchema string(String name) {
    return new FieldSchema(name, Kind.STRING, false, Set.of(), ResponseMasking.Rule.NONE, null, false, null, null);
  }

  /** An optional boolean field. */
  public static FieldSchema bool(String name) {
    return new FieldSchema(name, Kind.BOOLEAN, false, Set.of(), ResponseMasking.Rule.NONE, null, false, null, null);
  }

  public FieldSchema mandatory() {
    return new FieldSchema(name, kind, true, enumValues, masking, defaultValue, hexadecimal, requiredWhen, pattern);
  }

  public FieldSchema oneOf(String... values) {
    return new FieldSchema(name, kind, required, Set.of(values), masking, defaultValue, hexadecimal, requiredWhen, pattern);
  }

  public FieldSchema masked(ResponseMasking.Rule rule) {
    return new FieldSchema(name, kind, required, enumValues, rule, defaultValue, hexadecimal, requiredWhen, pattern);
  }

  public FieldSchema defaultsTo(Object value) {
    return new FieldSchema(name, kind, required, enumValues, masking, value, hexadecimal, requiredWhen, pattern);
  }

  public FieldSchema hex() {
    return new FieldSchema(name, kind, required, enumValues, masking, defaultValue, true, requiredWhen, pattern);
  }

  public FieldSchema requiredWhen(String field, Object value) {
    return new FieldSchema(name, kind, required, enumValues, masking, defaultValue, hexadecimal,
        new Condition(field, value), pattern);
  }

  /** The value must match {@code regex} (whole), else the write is refused. */
  public FieldSchema matching(String regex) {
    return new FieldSchema(name, kind, required, enumValues, masking, defaultValue, hexadecimal, requiredWhen, regex);
  }

  /** Whether reads hide or alter the value. */
  public boolean secret() {
    return masking != ResponseMasking.Rule.NONE;
  }
}
