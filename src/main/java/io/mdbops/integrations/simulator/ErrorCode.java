package io.mdbops.integrations.simulator;

/**
 * The error codes the simulator answers with, their HTTP status and their {@code detail} template
 * ({@code %s} placeholders are filled with the error's parameters, in order). Texts follow the
 * reference (integrations-api.md §3.2).
 */
public enum ErrorCode {
  INTEGRATION_NOT_CONFIGURED(404, "The integration of type '%s' is not configured for this group."),
  INTEGRATION_ALREADY_CONFIGURED(409, "The integration of type '%s' is already configured for this group."),
  INTEGRATION_FIELDS_INVALID(400, "At least one integration field is invalid."),
  INVALID_INTEGRATION_SETTINGS(400, "The provided settings for the %s integration were invalid: %s."),
  MISSING_ATTRIBUTE(400, "The required attribute %s was not specified."),
  INVALID_ENUM_VALUE(400, "An invalid enumeration value %s was specified."),
  INVALID_JSON(400, "Received JSON does not match expected format."),
  INVALID_ATTRIBUTE(400, "Invalid attribute %s specified."),
  GROUP_NOT_FOUND(404, "No group with ID %s exists."),
  INVALID_GROUP_ID(404, "An invalid group ID %s was specified."),
  NOT_IN_GROUP(401, "The current user is not in the group, or the group does not exist."),
  USER_UNAUTHORIZED(401, "Current user is not authorized to perform this action."),
  IP_ADDRESS_NOT_ON_ACCESS_LIST(403, "IP address %s is not allowed to access this resource."),
  RATE_LIMITED(429, "Resource %s is limited to %s requests every %s minutes."),
  RESOURCE_NOT_FOUND(404, "Cannot find resource %s."),
  /** Atlas v2 without a resource version it serves in Accept; the code is [UNCONFIRMED]. */
  INVALID_VERSION_DATE(406, "Invalid accept header or version date."),
  /** Atlas v2 with a body that is not JSON; the code is [UNCONFIRMED]. */
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type %s."),
  UNEXPECTED_ERROR(500, "Unexpected error.");

  private final int status;
  private final String detailTemplate;

  ErrorCode(int status, String detailTemplate) {
    this.status = status;
    this.detailTemplate = detailTemplate;
  }

  public int status() {
    return status;
  }

  String detailTemplate() {
    return detailTemplate;
  }
}
