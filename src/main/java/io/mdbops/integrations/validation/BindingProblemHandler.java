package io.mdbops.integrations.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what Jackson finds wrong while binding into problems, and lets binding go on (the field
 * becomes null) so that one pass reports them all.
 */
final class BindingProblemHandler extends DeserializationProblemHandler {

  private static final Set<String> RETIRED_TYPES = Set.of("HIP_CHAT", "FLOWDOCK");

  private final List<Problem> problems;

  BindingProblemHandler(List<Problem> problems) {
    this.problems = problems;
  }

  @Override
  public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
      JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
    String parent = path(p, true);
    String field = (parent.isEmpty() ? "" : parent + ".") + Quote.fieldName(propertyName);
    Collection<Object> known = deserializer.getKnownPropertyNames();
    String near = known.stream().map(String::valueOf)
        .filter(k -> k.toLowerCase(Locale.ROOT).equals(propertyName.toLowerCase(Locale.ROOT)))
        .findFirst().map(k -> " (did you mean " + k + "?)")
        .orElse("; the fields here are " + known.stream().map(String::valueOf).sorted()
            .collect(Collectors.joining(", ")));
    add(field, "is not a known field" + near);
    p.skipChildren();
    return true;
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
      String value, String failureMsg) {
    String near = "";
    if (targetType.isEnum()) {
      near = Arrays.stream(targetType.getEnumConstants())
          .map(c -> jsonName(targetType, (Enum<?>) c)).filter(value::equalsIgnoreCase).findFirst()
          .map(name -> " (did you mean " + name + "?)").orElse("");
    }
    if (targetType == IntegrationType.class && RETIRED_TYPES.contains(value)) {
      near = "; HIP_CHAT and FLOWDOCK are not offered: both services have been shut down";
    }
    add(path(ctxt.getParser(), false), Quote.of(value) + " is not " + expected(targetType) + near);
    return null;
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
      Number value, String failureMsg) {
    add(path(ctxt.getParser(), false), "must be " + expected(targetType) + ", not a number");
    return null;
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
      JsonToken token, JsonParser p, String failureMsg) throws IOException {
    boolean scalar = token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL;
    // YAML reads 5e22, 1234 or yes unquoted as a number or boolean
    String quoteIt = targetType.getRawClass() == String.class && scalar
        ? ": put the value in quotes" : "";
    add(path(p, false), "must be " + expected(targetType.getRawClass()) + ", not "
        + describe(token) + quoteIt);
    p.skipChildren();
    return null;
  }

  @Override
  public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
      ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
    add(path(p, false), "must be an object, not " + describe(p.currentToken()));
    p.skipChildren();
    return null;
  }

  private void add(String field, String rest) {
    problems.add(new Problem(field, field + " " + rest));
  }

  /** What a value of {@code type} looks like in YAML or JSON. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> jsonName(type, (Enum<?>) c)).collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  /** The constant's JSON spelling: its {@code @JsonProperty} name, else its Java name. */
  private static String jsonName(Class<?> type, Enum<?> constant) {
    try {
      JsonProperty name = type.getField(constant.name()).getAnnotation(JsonProperty.class);
      return name == null ? constant.name() : name.value();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "empty";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> "null";
    };
  }

  /**
   * The dotted path of the value the parser is at (for an unknown field: of the object holding it).
   */
  static String path(JsonParser p, boolean parentOfField) {
    JsonStreamContext context = p.getParsingContext();
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      context = context.getParent();
    }
    Deque<String> parts = new ArrayDeque<>();
    boolean skipName = parentOfField;
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        if (skipName) {
          skipName = false;
        } else {
          parts.push("." + Quote.fieldName(c.getCurrentName()));
        }
      }
    }
    return join(parts);
  }

  static String path(List<JsonMappingException.Reference> references) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonMappingException.Reference r : references) {
      parts.add(r.getFieldName() != null ? "." + Quote.fieldName(r.getFieldName())
          : "[" + r.getIndex() + "]");
    }
    return join(parts);
  }

  private static String join(Deque<String> parts) {
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }
}
