package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.Product;
import java.util.Optional;

/**
 * Turns API errors into a status reason and an actionable message: the API's own words, then what
 * to do about them, as precise as its errorCode allows.
 */
public final class ApiFailures {

  private ApiFailures() {}

  /** An error with no context of product or type. */
  public static SyncOutcome.Failed of(ApiException e) {
    return SyncOutcome.Failed.of(e, reason(e), e.getMessage() + advice(e, null, null, false));
  }

  /**
   * @param creating whether the project had no integration of that type before the call
   */
  public static SyncOutcome.Failed of(ApiException e, Product product, IntegrationType type, boolean creating) {
    return SyncOutcome.Failed.of(e, reason(e), e.getMessage() + advice(e, product, type, creating));
  }

  static ConditionReason reason(ApiException e) {
    if (e.httpStatus() >= 300 && e.httpStatus() < 400) {
      return ConditionReason.EndpointNotAllowed;
    }
    return switch (e.kind()) {
      case TRANSPORT, SERVER -> ConditionReason.ApiUnavailable;
      case RATE_LIMITED, THROTTLED -> ConditionReason.RateLimited;
      case UNAUTHORIZED -> ConditionReason.Unauthorized;
      case FORBIDDEN -> ConditionReason.Forbidden;
      case PROJECT_NOT_FOUND -> ConditionReason.ProjectNotFound;
      case REJECTED -> ConditionReason.ApiRejected;
    };
  }

  private static String advice(ApiException e, Product product, IntegrationType type, boolean creating) {
    if (e.httpStatus() >= 300 && e.httpStatus() < 400) {
      // never followed, credentials included: a redirect points somewhere the allow-list did not vet
      return "; the operator never follows redirects: set baseUrl to the endpoint that answers";
    }
    if (e.httpStatus() == 406) {
      return "; the API serves the integrations resource in version 2023-01-01 (Accept:"
          + " application/vnd.atlas.2023-01-01+json): check that baseUrl is the server's root URL and that the"
          + " connection Secret's api matches what answers there";
    }
    String code = e.errorCode() == null ? "" : e.errorCode();
    String where = product == null ? "the API" : product.displayName();
    return switch (code) {
      case "NOT_IN_GROUP" -> "; the API key is not a member of this project, or the project does not exist:"
          + " check spec.projectId, and add the key to the project with the Project Monitoring Admin role";
      case "USER_UNAUTHORIZED" -> "; the API key lacks the role for this: give it Project Monitoring Admin (or"
          + " Project Owner) in the project";
      case "ATLAS_GROUP" -> "; this project lives in Atlas, which this connection's API (the Cloud/Ops Manager"
          + " public API v1.0) cannot manage: set api: atlas-v2 in the connection Secret (same baseUrl and"
          + " credentials) to use the Atlas Administration API v2";
      case "invalid_client", "unauthorized_client", "invalid_grant" -> "; the token endpoint refused the service"
          + " account: check clientId and clientSecret in the connection Secret (a secret expires, and a rotated one"
          + " must be put into the Secret)";
      case "rate_limited" -> "; the token endpoint limits how often a service account may ask for a token: retrying"
          + " after the delay it asked for";
      case "GROUP_NOT_FOUND", "INVALID_GROUP_ID" -> "; no project with this id exists at " + where
          + ": check spec.projectId (24 hex digits from the project's URL) and the connection's baseUrl";
      case "IP_ADDRESS_NOT_ON_ACCESS_LIST", "IP_ADDRESS_NOT_ON_WHITELIST" -> "; add the operator's egress address"
          + " to the API key's access list";
      case "RESOURCE_NOT_FOUND" -> "; " + where + " does not know this path: check that baseUrl is the server's"
          + " root URL (without /api/...)";
      case "INTEGRATION_FIELDS_INVALID" -> "; " + where + " does not accept a field of this integration"
          + refusal(product, type, creating).map(r -> ": " + r).orElse(": remove the fields its documentation"
          + " does not list for this type");
      case "INVALID_INTEGRATION_SETTINGS", "INVALID_ENUM_VALUE", "INVALID_ATTRIBUTE", "MISSING_ATTRIBUTE",
          "INVALID_JSON" -> "; fix the value the API names, in the spec or the referenced Secrets";
      default -> generic(e, product, type, creating);
    };
  }

  private static String generic(ApiException e, Product product, IntegrationType type, boolean creating) {
    return switch (e.kind()) {
      case TRANSPORT, SERVER -> "; retrying with backoff";
      case RATE_LIMITED -> "; retrying after the delay the API asked for";
      case THROTTLED -> "; the operator's own per-project request budget is spent, retrying when it refills";
      case UNAUTHORIZED -> "; the API refused the credentials: check publicKey and privateKey (API key) or"
          + " clientId and clientSecret (service account) in the connection Secret";
      case FORBIDDEN -> "; the API key or service account needs the Project Monitoring Admin role (Project Owner"
          + " on Atlas) and the operator's address must be on its access list";
      case PROJECT_NOT_FOUND -> "; check spec.projectId and that the API key can see the project";
      case REJECTED -> refusal(product, type, creating).map(r -> "; " + r)
          .orElse("; fix the spec or the referenced Secrets");
    };
  }

  private static Optional<String> refusal(Product product, IntegrationType type, boolean creating) {
    return product == null || type == null ? Optional.empty() : ProductSupport.refusalAdvice(type, product, creating);
  }
}
