package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiWriteLogTest {

  static final String PROJECT = "5e2211c17a3e5a48f5497de3";

  final List<ApiWriteLog.Write> told = new ArrayList<>();
  final FakeIntegrationsApi fake = new FakeIntegrationsApi().project(PROJECT);
  final IntegrationsApi api = new ApiWriteLog(told::add).wrap(connection -> fake).create(null);

  @Test
  void aWriteThatWasSentIsToldWithItsAnswer() {
    fake.failNext(FakeIntegrationsApi.error(400, "INVALID_ATTRIBUTE"));
    assertThatThrownBy(() -> api.put(PROJECT, slack())).isInstanceOf(ApiException.class);

    assertThat(told).extracting(ApiWriteLog.Write::toString)
        .containsExactly("PUT " + PROJECT + "/SLACK -> 400 INVALID_ATTRIBUTE");
  }

  @Test
  void aWriteHeldBackByTheRequestBudgetWasNeverSentSoItIsNotTold() {
    fake.failNext(FakeIntegrationsApi.throttled());

    assertThatThrownBy(() -> api.put(PROJECT, slack())).isInstanceOf(ApiException.class);
    assertThat(told).isEmpty();
  }

  static IntegrationPayload slack() {
    return new IntegrationPayload("SLACK", Map.of("apiToken", "xoxb-1", "teamName", "T"), Set.of("apiToken"));
  }
}
