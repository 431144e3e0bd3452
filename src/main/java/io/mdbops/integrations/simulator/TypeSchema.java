package io.mdbops.integrations.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of one integration type (besides {@code type}), in documentation order. */
public record TypeSchema(String type, List<FieldSchema> fields) {

  public TypeSchema {
    fields = List.copyOf(fields);
  }

  public static TypeSchema of(String type, FieldSchema... fields) {
    return new TypeSchema(type, List.of(fields));
  }

  /** This schema without one field: sending it is then refused as an unknown field. */
  public TypeSchema without(String name) {
    return new TypeSchema(type, fields.stream().filter(f -> !f.name().equals(name)).toList());
  }

  public Optional<FieldSchema> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The fields by name. */
  public Map<String, FieldSchema> byName() {
    Map<String, FieldSchema> byName = new LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    return byName;
  }
}
