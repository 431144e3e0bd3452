package io.mdbops.integrations.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * String and Boolean deserializers that accept only their own JSON type, as the API server does:
 * Jackson would otherwise turn {@code projectId: 123} into "123" and {@code enabled: "true"} into
 * true. Anything else goes to the context's problem handler ({@link BindingProblemHandler}).
 */
final class StrictScalars {

  static final StdScalarDeserializer<String> STRING = new StdScalarDeserializer<>(String.class) {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return p.hasToken(JsonToken.VALUE_STRING)
          ? p.getText()
          : (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  };

  static final StdScalarDeserializer<Boolean> BOOLEAN = new StdScalarDeserializer<>(Boolean.class) {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
        return p.getBooleanValue();
      }
      return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
    }
  };

  private StrictScalars() {}
}
