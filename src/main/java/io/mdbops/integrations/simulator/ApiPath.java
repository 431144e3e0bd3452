package io.mdbops.integrations.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path of the integrations resource: {@code {prefix}/groups/{projectId}/integrations} (a
 * list: no type) or {@code .../integrations/{type}}, the prefix being {@code /api/public/v1.0} or
 * {@code /api/atlas/v2}. Ids are not validated here.
 */
record ApiPath(String projectId, String type) {

  static final String PREFIX = "/api/public/v1.0";

  private static final Pattern ANY_GROUP =
      Pattern.compile("^/api/(?:public/v1\\.0|atlas/v2)/groups/([^/]+)(?:/integrations/([^/]+))?");

  /** The integrations resource the path names under {@code prefix}, if it names one. */
  static Optional<ApiPath> parse(String prefix, String path) {
    Matcher m = Pattern.compile("^" + Pattern.quote(prefix) + "/groups/([^/]+)/integrations(?:/([^/]+))?$")
        .matcher(path);
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
