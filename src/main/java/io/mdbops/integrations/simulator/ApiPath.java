package io.mdbops.integrations.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path of the integrations resource: {@code /api/public/v1.0/groups/{projectId}/integrations}
 * (a list: no type) or {@code .../integrations/{type}}. Ids are not validated here.
 */
record ApiPath(String projectId, String type) {

  static final String PREFIX = "/api/public/v1.0";

  private static final Pattern INTEGRATIONS =
      Pattern.compile("^" + Pattern.quote(PREFIX) + "/groups/([^/]+)/integrations(?:/([^/]+))?$");
  private static final Pattern ANY_GROUP =
      Pattern.compile("^" + Pattern.quote(PREFIX) + "/groups/([^/]+)(?:/integrations/([^/]+))?");

  /** The integrations resource the path names, if it names one. */
  static Optional<ApiPath> parse(String path) {
    Matcher m = INTEGRATIONS.matcher(path);
    return m.matches() ? Optional.of(new ApiPath(m.group(1), m.group(2))) : Optional.empty();
  }

  /** The project and type found in any path under {@code /groups/{id}}, for the journal and faults. */
  static ApiPath lenient(String path) {
    Matcher m = ANY_GROUP.matcher(path);
    return m.find() ? new ApiPath(m.group(1), m.group(2)) : new ApiPath(null, null);
  }

  boolean isList() {
    return type == null;
  }
}
