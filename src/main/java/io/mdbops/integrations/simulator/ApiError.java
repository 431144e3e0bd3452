package io.mdbops.integrations.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One error response body: {@code {detail, error, errorCode, parameters, reason}}.
 *
 * @param status the HTTP status, also sent as {@code error}
 * @param errorCode the named constant
 * @param detail the human-readable text
 * @param parameters the error's parameters (strings or numbers)
 * @param fields Atlas v2's {@code badRequestDetail.fields}: each refused field and why; empty for none
 */
public record ApiError(int status, String errorCode, String detail, List<Object> parameters,
    List<FieldViolation> fields) {

  /** One entry of {@code badRequestDetail.fields}. */
  public record FieldViolation(String field, String description) {}

  public ApiError {
    parameters = List.copyOf(parameters);
    fields = List.copyOf(fields);
  }

  public ApiError(int status, String errorCode, String detail, List<Object> parameters) {
    this(status, errorCode, detail, parameters, List.of());
  }

  /** This error naming the field it is about, as Atlas v2 does in {@code badRequestDetail}. */
  public ApiError withField(String field, String description) {
    List<FieldViolation> more = new java.util.ArrayList<>(fields);
    more.add(new FieldViolation(field, description));
    return new ApiError(status, errorCode, detail, parameters, more);
  }

  /** An error of a known code; the parameters fill the code's detail template. */
  public static ApiError of(ErrorCode code, Object... parameters) {
    return new ApiError(code.status(), code.name(), code.detailTemplate().formatted(parameters), List.of(parameters));
  }

  /** An error of a known code whose parameters differ from what its detail shows. */
  public static ApiError withParameters(ErrorCode code, List<Object> parameters, Object... detailArgs) {
    return new ApiError(code.status(), code.name(), code.detailTemplate().formatted(detailArgs), parameters);
  }

  /** A status without a documented code (e.g. an injected 503): the code is the reason phrase. */
  public static ApiError generic(int status) {
    String reason = HttpReasons.phrase(status);
    return new ApiError(status, reason.toUpperCase().replace(' ', '_'), reason + ".", List.of());
  }

  public String reason() {
    return HttpReasons.phrase(status);
  }

  /** The JSON body, fields in alphabetical order like the API's examples. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", detail);
    body.put("error", status);
    body.put("errorCode", errorCode);
    body.put("parameters", parameters);
    body.put("reason", reason());
    if (!fields.isEmpty()) {
      List<Map<String, Object>> violations = new java.util.ArrayList<>();
      fields.forEach(f -> {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", f.description());
        v.put("field", f.field());
        violations.add(v);
      });
      body.put("badRequestDetail", Map.of("fields", violations));
    }
    return body;
  }
}
