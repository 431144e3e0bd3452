package io.mdbops.integrations.opsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client on the Atlas Administration API v2, against the simulator playing it: POST creates and
 * PUT updates (and each falls back to the other when the project changed meanwhile, never relying
 * on PUT creating), DELETE answers 204, a refusal quotes {@code badRequestDetail.fields}, a 406 is
 * explained, and {@code RateLimit-Remaining: 0} holds the project's next request back.
 */
class AtlasClientTest {

  private static final String PUBLIC_KEY = "atlas-public";
  private static final String PRIVATE_KEY = "atlas-private-key-0123456789";
  private ApiSimulator sim;
  private OkHttpIntegrationsApiFactory factory;
  private IntegrationsApi api;
  private String project;

  @BeforeEach
  void start() {
    sim = ApiSimulator.start(SimulatorOptions.builder().api(ApiGeneration.ATLAS_V2).build());
    sim.addApiKey(PUBLIC_KEY, PRIVATE_KEY);
    project = sim.addProject();
    factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), ApiCallListener.NOOP);
    api = factory.create(ApiConnection.apiKey(URI.create(sim.baseUrl()), PUBLIC_KEY, PRIVATE_KEY, null,
        ApiGeneration.ATLAS_V2));
  }

  @AfterEach
  void stop() {
    factory.close();
    sim.close();
  }

  private static IntegrationPayload pagerDuty(String key, String region) {
    return new IntegrationPayload("PAGER_DUTY", Map.of("serviceKey", key, "region", region), Set.of("serviceKey"));
  }

  private List<String> writes() {
    return sim.journal().entries(e -> project.equals(e.projectId()) && e.authenticated()
        && !e.method().equals("GET")).stream().map(e -> e.method() + " " + e.status()).toList();
  }

  @Test
  void createIsAPostAndUpdateAPutAndEachAnswerCarriesANewId() throws Exception {
    List<IntegrationView> created = api.create(project, pagerDuty("pd-key-00000001", "US"));
    List<IntegrationView> updated = api.put(project, pagerDuty("pd-key-00000002", "EU"));

    assertThat(writes()).containsExactly("POST 200", "PUT 200");
    assertThat(created.get(0).field("id")).isNotNull();
    assertThat(updated.get(0).field("id")).isNotNull().isNotEqualTo(created.get(0).field("id"));
    assertThat(updated.get(0).field("region")).isEqualTo("EU");
    assertThat(updated.get(0).field("serviceKey")).isEqualTo("***********0002");
  }

  @Test
  void aCreateThatFindsTheTypeUpdatesItAndAnUpdateThatFindsItGoneCreatesIt() throws Exception {
    sim.putStored(project, "PAGER_DUTY", Map.of("serviceKey", "made-in-the-ui"));
    api.create(project, pagerDuty("pd-key-00000001", "US"));
    assertThat(writes()).containsExactly("POST 409", "PUT 200");

    sim.removeStored(project, "PAGER_DUTY");
    api.put(project, pagerDuty("pd-key-00000002", "US"));
    assertThat(writes()).containsExactly("POST 409", "PUT 200", "PUT 404", "POST 200");
    assertThat(sim.stored(project, "PAGER_DUTY").orElseThrow()).containsEntry("serviceKey", "pd-key-00000002");
  }

  @Test
  void deleteAnswers204AndAMissingTypeIsNotAnError() throws Exception {
    api.create(project, pagerDuty("pd-key-00000001", "US"));
    assertThat(api.delete(project, "PAGER_DUTY")).isTrue();
    assertThat(api.delete(project, "PAGER_DUTY")).isFalse();
    assertThat(sim.journal().entries(e -> e.method().equals("DELETE") && e.authenticated()).stream()
        .map(JournalEntry::status)).containsExactly(204, 404);
  }

  @Test
  void aRefusalQuotesTheFieldsTheApiNames() {
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> api.create(project, pagerDuty("pd-secret-key-0001", "APAC")));

    assertThat(e.kind()).isEqualTo(ApiException.Kind.REJECTED);
    assertThat(e.getMessage()).contains("HTTP 400 INVALID_ENUM_VALUE", "(fields: region: must be one of EU, US)")
        .doesNotContain("pd-secret-key-0001");
  }

  @Test
  void aNotAcceptableAnswerSaysWhichVersionWasAskedFor() throws Exception {
    try (MockWebServer server = TestServers.start()) {
      server.enqueue(new MockResponse.Builder().code(406).addHeader("Content-Type", "application/json")
          .body("{\"detail\":\"Invalid accept header or version date.\",\"error\":406,"
              + "\"errorCode\":\"INVALID_VERSION_DATE\",\"reason\":\"Not Acceptable\"}").build());
      IntegrationsApi atlas = factory.create(ApiConnection.apiKey(URI.create(server.url("/").toString()),
          TestServers.PUBLIC_KEY, TestServers.PRIVATE_KEY, null, ApiGeneration.ATLAS_V2));

      ApiException e = catchThrowableOfType(ApiException.class, () -> atlas.list(TestServers.PROJECT));

      assertThat(e.kind()).isEqualTo(ApiException.Kind.REJECTED);
      assertThat(e.getMessage()).contains("HTTP 406 INVALID_VERSION_DATE",
          "Accept application/vnd.atlas.2023-01-01+json");
    }
  }

  @Test
  void aSpentServerBudgetHoldsTheProjectsNextRequestsBack() throws Exception {
    try (ApiSimulator limited = ApiSimulator.start(
        SimulatorOptions.builder().api(ApiGeneration.ATLAS_V2).rateLimit(2, Duration.ofMinutes(1)).build())) {
      limited.addApiKey(PUBLIC_KEY, PRIVATE_KEY);
      String p = limited.addProject();
      IntegrationsApi client = factory.create(ApiConnection.apiKey(URI.create(limited.baseUrl()), PUBLIC_KEY,
          PRIVATE_KEY, null, ApiGeneration.ATLAS_V2));
      client.list(p);
      client.list(p); // RateLimit-Remaining: 0

      ApiException held = catchThrowableOfType(ApiException.class, () -> client.list(p));

      assertThat(held.kind()).isEqualTo(ApiException.Kind.THROTTLED);
      assertThat(limited.journal().entries(e -> p.equals(e.projectId()) && e.authenticated())).hasSize(2)
          .allMatch(e -> e.status() == 200);
    }
  }
}
