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
      "401, -, Unauthorized, publicKey and privateKey",
      "403, -, Forbidden, Project Monitoring Admin",
      "404, GROUP_NOT_FOUND, ProjectNotFound, spec.projectId",
      "400, INTEGRATION_FIELDS_INVALID, ApiRejected, does not accept a field",
      "400, INVALID_INTEGRATION_SETTINGS, ApiRejected, fix the value the API names",
      "401, NOT_IN_GROUP, Unauthorized, not a member of this project",
      "401, USER_UNAUTHORIZED, Unauthorized, lacks the role",
      "404, ATLAS_GROUP, ProjectNotFound, lives in Atlas",
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
  @CsvSource({"false", "true"})
  void noResponseIsApiUnavailable(boolean timedOut) {
    ApiException e = new ApiException(ApiException.Kind.TRANSPORT, 0, null, null, List.of(), null,
        "GET integrations: ConnectException", timedOut);
    assertThat(ApiFailures.of(e).reason()).isEqualTo(ConditionReason.ApiUnavailable);
  }
}
