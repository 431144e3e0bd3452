package io.mdbops.integrations.sync;

import static io.mdbops.integrations.opsmanager.FakeIntegrationsApi.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.opsmanager.ApiException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiFailuresTest {

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      "500, -, ApiUnavailable, retrying with backoff",
      "503, -, ApiUnavailable, retrying with backoff",
      "429, RATE_LIMITED, RateLimited, delay the API asked for",
      "401, -, Unauthorized, publicKey and privateKey (API key) or clientId and clientSecret",
      "403, -, Forbidden, Project Monitoring Admin",
      "404, GROUP_NOT_FOUND, ProjectNotFound, spec.projectId",
      "400, INTEGRATION_FIELDS_INVALID, ApiRejected, does not accept a field",
      "400, INVALID_INTEGRATION_SETTINGS, ApiRejected, fix the value the API names",
      "401, NOT_IN_GROUP, Unauthorized, not a member of this project",
      "401, USER_UNAUTHORIZED, Unauthorized, lacks the role",
      "404, ATLAS_GROUP, ProjectNotFound, set api: atlas-v2 in the connection Secret",
      "406, INVALID_VERSION_DATE, ApiRejected, application/vnd.atlas.2023-01-01+json",
      "403, IP_ADDRESS_NOT_ON_ACCESS_LIST, Forbidden, access list",
      "404, RESOURCE_NOT_FOUND, ApiRejected, root URL",
      "409, INTEGRATION_ALREADY_CONFIGURED, ApiRejected, fix the spec",
      "301, -, EndpointNotAllowed, never follows redirects"})
  void eachApiErrorGetsItsReasonAndAdvice(int status, String code, ConditionReason reason, String advice) {
    SyncOutcome.Failed failed = ApiFailures.of(error(status, code));
    assertThat(failed.reason()).isEqualTo(reason);
    assertThat(failed.message()).contains("HTTP " + status).contains(advice);
    assertThat(failed.cause()).isPresent();
  }

  @ParameterizedTest
  @CsvSource({
      "UNAUTHORIZED, 401, invalid_client, Unauthorized, check clientId and clientSecret",
      "RATE_LIMITED, 429, rate_limited, RateLimited, limits how often a service account may ask for a token"})
  void aTokenEndpointRefusalGetsItsReasonAndAdvice(ApiException.Kind kind, int status, String code,
      ConditionReason reason, String advice) {
    ApiException e = new ApiException(kind, status, code, "Invalid client credentials.", List.of(), null,
        "GET integrations in project p: no access token for service account i: the token endpoint answered HTTP "
            + status + " " + code + ": Invalid client credentials.");
    SyncOutcome.Failed failed = ApiFailures.of(e);
    assertThat(failed.reason()).isEqualTo(reason);
    assertThat(failed.message()).contains(code, "Invalid client credentials.", advice);
  }

  @ParameterizedTest
  @CsvSource({"false", "true"})
  void noResponseIsApiUnavailable(boolean timedOut) {
    ApiException e = new ApiException(ApiException.Kind.TRANSPORT, 0, null, null, List.of(), null,
        "GET integrations: ConnectException", timedOut);
    assertThat(ApiFailures.of(e).reason()).isEqualTo(ConditionReason.ApiUnavailable);
  }
}
