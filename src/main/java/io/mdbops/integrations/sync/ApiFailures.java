package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.opsmanager.ApiException;

/** Turns API errors into a status reason and an actionable message. */
public final class ApiFailures {

  private ApiFailures() {}

  public static SyncOutcome.Failed of(ApiException e) {
    if (e.httpStatus() >= 300 && e.httpStatus() < 400) {
      // never followed, credentials included: a redirect points somewhere the allow-list did not vet
      return SyncOutcome.Failed.of(e, ConditionReason.EndpointNotAllowed, e.getMessage()
          + "; the operator never follows redirects: set baseUrl to the endpoint that answers");
    }
    ConditionReason reason = switch (e.kind()) {
      case TRANSPORT, SERVER -> ConditionReason.ApiUnavailable;
      case RATE_LIMITED, THROTTLED -> ConditionReason.RateLimited;
      case UNAUTHORIZED -> ConditionReason.Unauthorized;
      case FORBIDDEN -> ConditionReason.Forbidden;
      case PROJECT_NOT_FOUND -> ConditionReason.ProjectNotFound;
      case REJECTED -> ConditionReason.ApiRejected;
    };
    String advice = switch (e.kind()) {
      case TRANSPORT, SERVER -> "; retrying with backoff";
      case RATE_LIMITED -> "; retrying after the delay the API asked for";
      case THROTTLED -> "; the operator's own per-project request budget is spent, retrying when it refills";
      case UNAUTHORIZED -> "; check publicKey and privateKey in the connection Secret";
      case FORBIDDEN -> "; the API key needs the Project Monitoring Admin role (or higher) and the"
          + " operator's address must be on the key's access list";
      case PROJECT_NOT_FOUND -> "; check spec.projectId and that the API key can see the project";
      case REJECTED -> "; fix the spec or the referenced Secrets";
    };
    return SyncOutcome.Failed.of(e, reason, e.getMessage() + advice);
  }
}
