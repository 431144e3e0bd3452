package io.mdbops.integrations.doctor;

import java.util.Set;

/**
 * Reads an answer that is not a success: a refusal of what doctor asked for (part of the
 * measurement), or a reason the run cannot go on at all.
 */
final class Answers {

  private static final Set<String> PROJECT_CODES = Set.of("GROUP_NOT_FOUND", "INVALID_GROUP_ID", "ATLAS_GROUP",
      "NOT_IN_GROUP");

  private Answers() {}

  /**
   * Whether the API refused this request's content (the type, a field, the method): 400, 405, 409,
   * 415, 422, and a 404 that is not about the project.
   */
  static boolean isRefusal(ProbeResponse r) {
    int s = r.status();
    return s == 400 || s == 405 || s == 409 || s == 415 || s == 422
        || (s == 404 && (r.errorCode() == null || !PROJECT_CODES.contains(r.errorCode())));
  }

  /**
   * The error that ends the run for an answer that is neither a success nor a refusal.
   *
   * @param what the request, e.g. {@code PUT PAGER_DUTY}
   */
  static DoctorException stop(String what, ProbeResponse r) {
    String code = r.errorCode() == null ? "" : " " + r.errorCode();
    String answer = what + " answered HTTP " + r.status() + code;
    if (r.status() == 401 && "NOT_IN_GROUP".equals(r.errorCode())) {
      return new DoctorException(answer + ": the key is not a member of the project, or the project does not exist");
    }
    if (r.status() == 401) {
      return new DoctorException(answer + ": the API refused the key pair (check --public-key and"
          + " --private-key-file; the key may be deleted or disabled)");
    }
    if (r.status() == 403) {
      return new DoctorException(answer + ": the key lacks the Project Monitoring Admin role on the project, or"
          + " this machine's address is not on the key's API access list");
    }
    if ("ATLAS_GROUP".equals(r.errorCode())) {
      return new DoctorException(answer + ": the project is an Atlas project, which this API does not serve");
    }
    if (r.status() == 404 && r.errorCode() != null && PROJECT_CODES.contains(r.errorCode())) {
      return new DoctorException(answer + ": check --project-id");
    }
    if (r.status() == 404) {
      return new DoctorException(answer + ": no integrations API there; check --api-url (the base URL, without"
          + " /api/...)");
    }
    if (r.status() == 429) {
      return new DoctorException(answer + ": rate limited after several waits; try again later");
    }
    return new DoctorException(answer + "; try again later");
  }
}
