package io.mdbops.integrations.simulator;

/** Ends the handling of a request with an error response. */
final class ApiErrorException extends RuntimeException {

  private final transient ApiError error;

  ApiErrorException(ApiError error) {
    super(error.errorCode(), null, false, false);
    this.error = error;
  }

  ApiErrorException(ErrorCode code, Object... parameters) {
    this(ApiError.of(code, parameters));
  }

  ApiError error() {
    return error;
  }
}
