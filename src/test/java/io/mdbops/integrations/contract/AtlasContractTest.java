package io.mdbops.integrations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mdbops.integrations.api.v1alpha1.DatadogRegion;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PagerDutyRegion;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.ApiCallListener;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.ExchangeObserver.Exchange;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator's client and the simulator playing Atlas, checked against MongoDB's published
 * OpenAPI spec (test resources {@code atlas-openapi/}): every request the client sends for every
 * type, with every Atlas-only field set, and every answer the simulator gives (lists, creates,
 * updates, deletes, refusals, challenges) keep the contract; a wrong field name, enum value, media
 * type or status code breaks it, and the check says where.
 */
class AtlasContractTest {

  private static final AtlasContract CONTRACT = AtlasContract.load();
  private static final String PUBLIC_KEY = "contract-public";
  private static final String CLIENT_ID = "mdb_sa_id_contract";
  private final String privateKey = Fixtures.secretValue("contract-private");
  private final String clientSecret = Fixtures.secretValue("mdb_sa_sk_contract");
  private ApiSimulator sim;
  private ContractRecorder recorder;
  private OkHttpIntegrationsApiFactory factory;
  private String project;

  @BeforeEach
  void start() {
    sim = ApiSimulator.start(SimulatorOptions.builder().api(ApiGeneration.ATLAS_V2).build());
    sim.addApiKey(PUBLIC_KEY, privateKey);
    sim.addServiceAccount(CLIENT_ID, clientSecret);
    recorder = new ContractRecorder(CONTRACT);
    sim.observe(recorder);
    project = sim.addProject();
    // no client-side budget: the tests send more than a minute's worth at once
    factory = new OkHttpIntegrationsApiFactory(ApiClientSettings.defaults().withRequestsPerMinute(0), ApiCallListener.NOOP);
  }

  @AfterEach
  void stop() {
    factory.close();
    Fixtures.SECRET_VALUES.addAll(sim.issuedAccessTokens());
    sim.close();
  }

  private IntegrationsApi client(boolean serviceAccount) {
    URI url = URI.create(sim.baseUrl());
    return factory.create(serviceAccount
        ? ApiConnection.serviceAccount(url, CLIENT_ID, clientSecret, null, ApiGeneration.ATLAS_V2)
        : ApiConnection.apiKey(url, PUBLIC_KEY, privateKey, null, ApiGeneration.ATLAS_V2));
  }

  /** The payload the operator sends for {@code type} on Atlas, with every Atlas-only field set. */
  static IntegrationPayload payload(IntegrationType type) {
    ThirdPartyIntegrationSpec spec = SampleIntegrations.spec(type, "5e2211c17a3e5a48f5497de3", "c", "s", Product.ATLAS);
    switch (type) {
      case PAGER_DUTY -> spec.getPagerDuty().setRegion(PagerDutyRegion.EU);
      case DATADOG -> spec.getDatadog().withRegion(DatadogRegion.US1_FED).withSendCollectionLatencyMetrics(true)
          .withSendDatabaseMetrics(true).withSendQueryStatsMetrics(false).withSendUserProvidedResourceTags(true);
      case PROMETHEUS -> spec.getPrometheus().setSendUserProvidedResourceTagsEnabled(true);
      default -> { }
    }
    assertThat(ProductSupport.problems(spec, Product.ATLAS)).isEmpty();
    Map<String, String> creds = Fixtures.credentials(type);
    DesiredIntegration desired = DesiredIntegrations.build(spec,
        SecretValues.of(spec, ref -> creds.get(ref.getKey()), n -> "1"), ApiGeneration.ATLAS_V2);
    return desired.payload();
  }

  @ParameterizedTest(name = "service account: {0}")
  @ValueSource(booleans = {false, true})
  void everyRequestOfTheOperatorAndEveryAnswerOfTheSimulatorKeepTheContract(boolean serviceAccount) throws Exception {
    IntegrationsApi api = client(serviceAccount);
    for (IntegrationType type : ProductSupport.offeredTypes(Product.ATLAS)) {
      IntegrationPayload payload = payload(type);
      api.create(project, payload);
      api.put(project, payload);
      assertThat(api.get(project, type.name())).isPresent();
    }
    assertThat(api.list(project)).hasSize(ProductSupport.offeredTypes(Product.ATLAS).size());
    // the fallbacks and refusals go over the wire too
    sim.removeStored(project, "SLACK");
    api.put(project, payload(IntegrationType.SLACK));     // 404, then POST
    sim.removeStored(project, "WEBHOOK");
    api.create(project, payload(IntegrationType.WEBHOOK));
    api.create(project, payload(IntegrationType.WEBHOOK)); // 409, then PUT
    catchThrowableOfType(ApiException.class, () -> api.create(project,
        new IntegrationPayload("OPS_GENIE", Map.of("apiKey", "k-1234", "region", "APAC"), Set.of("apiKey"))));
    assertThat(api.delete(project, "PAGER_DUTY")).isTrue();
    assertThat(api.delete(project, "PAGER_DUTY")).isFalse();
    assertThat(api.get(project, "PAGER_DUTY")).isEmpty();

    // the refused enum above is this test's own request (sent once, or again after a Digest challenge):
    // everything else keeps the contract
    assertThat(recorder.violations()).isNotEmpty().containsOnly("POST /api/atlas/v2/groups/{groupId}/integrations/"
        + "{integrationType} request body: $.region: enum [\"US\",\"EU\"]");
    assertThat(recorder.checked()).isGreaterThanOrEqualTo(35);
  }

  @Test
  void aWrongFieldNameFailsTheContractNamingTheField() {
    Map<String, Object> fields = new LinkedHashMap<>(payload(IntegrationType.PAGER_DUTY).fields());
    fields.put("regoin", fields.remove("region"));
    ApiException refused = catchThrowableOfType(ApiException.class, () -> client(false).create(project,
        new IntegrationPayload("PAGER_DUTY", fields, Set.of("serviceKey"))));

    assertThat(refused).as(sim.journal().entries(e -> true).toString()).isNotNull();
    // once per time it went on the wire (the Digest challenge carried it too)
    assertThat(recorder.violations()).isNotEmpty()
        .containsOnly("POST /api/atlas/v2/groups/{groupId}/integrations/{integrationType} request body:"
            + " $.regoin: additionalProperties");
  }

  @Test
  void aWrongEnumValueMediaTypeOrStatusCodeFailsTheContract() {
    String path = "/api/atlas/v2/groups/" + project + "/integrations/DATADOG";
    Map<String, String> json = Map.of("Accept", "application/vnd.atlas.2023-01-01+json",
        "Content-Type", "application/vnd.atlas.2023-01-01+json");
    Map<String, String> versioned = Map.of("Content-Type", "application/vnd.atlas.2023-01-01+json");
    String list = "{\"results\":[],\"totalCount\":0}";

    assertThat(check("POST", path, json, "{\"type\":\"DATADOG\",\"apiKey\":\"ab\",\"region\":\"MARS\"}", 200, versioned, list))
        .anySatisfy(v -> assertThat(v).contains("$.region: enum"));
    assertThat(check("GET", path, Map.of("Accept", "application/json"), null, 200, Map.of("Content-Type",
        "application/json"), "{\"type\":\"DATADOG\",\"apiKey\":\"**ab\"}"))
        .anySatisfy(v -> assertThat(v).contains("Accept is not a resource version"))
        .anySatisfy(v -> assertThat(v).contains("200 response Content-Type application/json is not one of"));
    assertThat(check("DELETE", path, json, null, 202, Map.of(), null))
        .containsExactly("DELETE /api/atlas/v2/groups/{groupId}/integrations/{integrationType}: status 202 is not one"
            + " the operation declares [204, 400, 401, 403, 404, 429, 500]");
    assertThat(check("GET", path, json, null, 200, versioned,
        "{\"type\":\"PROMETHEUS\",\"username\":\"u\",\"password\":\"p\",\"enabled\":true,\"serviceDiscovery\":\"http\"}"))
        .containsExactly("GET /api/atlas/v2/groups/{groupId}/integrations/{integrationType} 200 response body:"
            + " $.password: additionalProperties");
    assertThat(check("GET", "/api/atlas/v2/groups/" + project + "/integrations?itemsPerPage=1000&count=1", json, null,
        200, versioned, list))
        .containsExactlyInAnyOrder(
            "GET /api/atlas/v2/groups/{groupId}/integrations query parameter itemsPerPage: $: maximum 500",
            "GET /api/atlas/v2/groups/{groupId}/integrations: query parameter count is not declared");
  }

  @Test
  void anUndeclaredStatusFromTheSimulatorIsCaught() throws Exception {
    sim.faults().add(FaultRule.respond(503).build());
    catchThrowableOfType(ApiException.class, () -> client(false).list(project));
    assertThat(recorder.violations()).isNotEmpty()
        .allSatisfy(v -> assertThat(v).contains("status 503 is not one the operation declares"));
  }

  private static List<String> check(String method, String pathAndQuery, Map<String, String> requestHeaders,
      String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {
    String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
    String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : null;
    return CONTRACT.check(new Exchange(method, path, query, requestHeaders, bytes(requestBody), status,
        responseHeaders, bytes(responseBody)));
  }

  private static byte[] bytes(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }
}
