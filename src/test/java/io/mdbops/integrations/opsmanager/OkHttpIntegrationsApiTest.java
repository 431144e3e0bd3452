package io.mdbops.integrations.opsmanager;

import static io.mdbops.integrations.opsmanager.TestServers.PROJECT;
import static io.mdbops.integrations.opsmanager.TestServers.connection;
import static io.mdbops.integrations.opsmanager.TestServers.error;
import static io.mdbops.integrations.opsmanager.TestServers.json;
import static io.mdbops.integrations.opsmanager.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mdbops.integrations.BuildInfo;
import io.mdbops.integrations.opsmanager.ApiCallListener.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests, paths, headers, bodies and response handling, against a server that never challenges. */
class OkHttpIntegrationsApiTest {

  private static final String BASE = "/api/public/v1.0/groups/" + PROJECT + "/integrations";
  private static final String PD = "{\"serviceKey\":\"******7890\",\"type\":\"PAGER_DUTY\"}";
  private static final String SLACK =
      "{\"apiToken\":\"******7890\",\"channelName\":\"My Channel\",\"teamName\":\"My Team\","
          + "\"type\":\"SLACK\"}";

  private MockWebServer server;
  private OkHttpIntegrationsApiFactory factory;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private IntegrationsApi api;

  @BeforeEach
  void setUp() throws Exception {
    server = TestServers.start();
    ApiCallListener listener = new ApiCallListener() {
      @Override
      public void onCall(String method, Endpoint endpoint, int status, Duration duration) {
        assertThat(duration).isPositive();
        calls.add(method + " " + endpoint + " " + status);
      }
    };
    factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), listener);
    api = factory.create(connection(server));
  }

  @AfterEach
  void tearDown() {
    factory.close();
    server.close();
  }

  @Test
  void listSendsGetWithPagingHeadersAndReturnsViews() throws Exception {
    server.enqueue(json(200, page(2, PD, SLACK)));

    List<IntegrationView> views = api.list(PROJECT);

    assertThat(views).extracting(IntegrationView::type).containsExactly("PAGER_DUTY", "SLACK");
    assertThat(views.get(1).fields())
        .containsExactly(
            Map.entry("apiToken", "******7890"),
            Map.entry("channelName", "My Channel"),
            Map.entry("teamName", "My Team"));
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("GET");
    assertThat(req.getTarget()).isEqualTo(BASE + "?pageNum=1&itemsPerPage=100");
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(req.getHeaders().get("User-Agent")).isEqualTo(BuildInfo.userAgent());
    assertThat(req.getHeaders().get("Authorization")).isNull();
    assertThat(calls).containsExactly("GET LIST 200");
  }

  @Test
  void listKeepsUnknownAndNestedFields() throws Exception {
    server.enqueue(json(200, page(1,
        "{\"type\":\"PROMETHEUS\",\"enabled\":true,\"port\":9216,\"ratio\":0.5,\"tags\":[\"a\"],"
            + "\"extra\":{\"k\":null},\"id\":\"65f0\"}")));

    IntegrationView view = api.list(PROJECT).get(0);

    assertThat(view.type()).isEqualTo("PROMETHEUS");
    assertThat(view.fields()).containsEntry("enabled", true).containsEntry("port", 9216)
        .containsEntry("ratio", 0.5).containsEntry("tags", List.of("a")).containsEntry("id", "65f0");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("k", null);
    assertThat(view.field("extra")).isEqualTo(extra);
  }

  /** A client asking for two results per page, so a handful of results spans several pages. */
  private void useTwoPerPage() {
    factory.close();
    ApiClientSettings d = TestServers.fastSettings();
    factory = new OkHttpIntegrationsApiFactory(
        new ApiClientSettings(d.connectTimeout(), d.readTimeout(), d.writeTimeout(), d.callTimeout(),
            d.userAgent(), d.maxIdleConnections(), d.keepAlive(), 2, 0, Duration.ofSeconds(2), 1,
            Duration.ofMillis(200), Duration.ofSeconds(2)),
        ApiCallListener.NOOP);
    api = factory.create(connection(server));
  }

  @Test
  void listFollowsPagesUntilTotalCountIsRead() throws Exception {
    useTwoPerPage();
    server.enqueue(json(200, page(5, item("A"), item("B"))));
    server.enqueue(json(200, page(5, item("C"), item("D"))));
    server.enqueue(json(200, page(5, item("E"))));

    assertThat(api.list(PROJECT)).extracting(IntegrationView::type)
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(server.takeRequest().getTarget()).endsWith("?pageNum=1&itemsPerPage=2");
    assertThat(server.takeRequest().getTarget()).endsWith("?pageNum=2&itemsPerPage=2");
    assertThat(server.takeRequest().getTarget()).endsWith("?pageNum=3&itemsPerPage=2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void listStopsOnAFullLastPageWhenTotalCountIsReached() throws Exception {
    useTwoPerPage();
    server.enqueue(json(200, page(4, item("A"), item("B"))));
    server.enqueue(json(200, page(4, item("C"), item("D"))));
    server.enqueue(json(500, "{}")); // must not be asked for

    assertThat(api.list(PROJECT)).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void listWithoutTotalCountStopsOnAnEmptyOrShortPage() throws Exception {
    server.enqueue(json(200, "{\"results\":[]}"));
    assertThat(api.list(PROJECT)).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getReturnsTheIntegration() throws Exception {
    server.enqueue(json(200, PD));

    Optional<IntegrationView> view = api.get(PROJECT, "PAGER_DUTY");

    assertThat(view).contains(new IntegrationView("PAGER_DUTY", Map.of("serviceKey", "******7890")));
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("GET");
    assertThat(req.getTarget()).isEqualTo(BASE + "/PAGER_DUTY");
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(calls).containsExactly("GET GET 200");
  }

  @Test
  void getIsEmptyWhenTheTypeIsNotConfigured() throws Exception {
    server.enqueue(error(404, "INTEGRATION_NOT_CONFIGURED",
        "The integration of type 'WEBHOOK' is not configured for this group."));

    assertThat(api.get(PROJECT, "WEBHOOK")).isEmpty();
  }

  @Test
  void getOf404ForTheProjectIsAnError() {
    server.enqueue(error(404, "GROUP_NOT_FOUND", "No group with ID " + PROJECT + " exists."));

    assertThatThrownBy(() -> api.get(PROJECT, "WEBHOOK"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.PROJECT_NOT_FOUND));
  }

  @Test
  void putSendsTypeAndFieldsAndReturnsTheListedIntegrations() throws Exception {
    server.enqueue(json(200, page(2, PD, SLACK)));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("apiToken", "xoxb-1234567890");
    fields.put("teamName", "My Team");
    fields.put("channelName", "#alerts");

    List<IntegrationView> after =
        api.put(PROJECT, new IntegrationPayload("SLACK", fields, Set.of("apiToken")));

    assertThat(after).extracting(IntegrationView::type).containsExactly("PAGER_DUTY", "SLACK");
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("PUT");
    assertThat(req.getTarget()).isEqualTo(BASE + "/SLACK");
    assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(req.getHeaders().get("User-Agent")).isEqualTo(BuildInfo.userAgent());
    assertThat(req.getBody().utf8()).isEqualTo(
        "{\"type\":\"SLACK\",\"apiToken\":\"xoxb-1234567890\",\"teamName\":\"My Team\","
            + "\"channelName\":\"#alerts\"}");
    assertThat(calls).containsExactly("PUT PUT 200");
  }

  @Test
  void putWritesNonStringValuesAndThePathTypeWins() throws Exception {
    server.enqueue(json(201, page(1, item("PROMETHEUS"))));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("type", "SOMETHING_ELSE");
    fields.put("enabled", true);
    fields.put("port", 9216);

    assertThat(api.put(PROJECT, new IntegrationPayload("PROMETHEUS", fields, Set.of()))).hasSize(1);

    JsonNode body = Json.read(server.takeRequest().getBody().utf8());
    assertThat(body.toString()).isEqualTo("{\"type\":\"PROMETHEUS\",\"enabled\":true,\"port\":9216}");
  }

  @Test
  void putWithoutBodyOrWithAPartialListReadsTheWholeList() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(json(200, page(2, PD, SLACK)));
    assertThat(api.put(PROJECT, payload("SLACK"))).hasSize(2);

    server.enqueue(json(200, page(3, PD, SLACK)));
    server.enqueue(json(200, page(3, PD, SLACK, item("WEBHOOK"))));
    assertThat(api.put(PROJECT, payload("SLACK"))).hasSize(3);

    assertThat(calls).containsExactly(
        "PUT PUT 204", "GET LIST 200", "PUT PUT 200", "GET LIST 200");
  }

  @Test
  void deleteIsTrueOn2xxAndFalseWhenNotConfigured() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(json(200, ""));
    server.enqueue(error(404, "INTEGRATION_NOT_CONFIGURED", "not configured"));

    assertThat(api.delete(PROJECT, "WEBHOOK")).isTrue();
    assertThat(api.delete(PROJECT, "WEBHOOK")).isTrue();
    assertThat(api.delete(PROJECT, "WEBHOOK")).isFalse();

    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("DELETE");
    assertThat(req.getTarget()).isEqualTo(BASE + "/WEBHOOK");
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(calls).containsExactly("DELETE DELETE 204", "DELETE DELETE 200", "DELETE DELETE 404");
  }

  @Test
  void baseUrlPathPrefixIsKeptWithOrWithoutTrailingSlash() throws Exception {
    for (String prefix : List.of("/opsmanager", "/opsmanager/")) {
      URI base = URI.create("http://127.0.0.1:" + server.getPort() + prefix);
      IntegrationsApi prefixed = factory.create(
          new ApiConnection(base, TestServers.PUBLIC_KEY, TestServers.PRIVATE_KEY, null));
      server.enqueue(json(200, PD));

      prefixed.get(PROJECT, "PAGER_DUTY");

      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget())
          .isEqualTo("/opsmanager" + BASE + "/PAGER_DUTY");
    }
  }

  @Test
  void pathSegmentsAreEncodedAndDotSegmentsRefused() throws Exception {
    server.enqueue(error(404, "RESOURCE_NOT_FOUND", "Cannot find resource."));
    assertThatThrownBy(() -> api.get(PROJECT, "A/B?c")).isInstanceOf(ApiException.class);
    assertThat(server.takeRequest().getTarget()).isEqualTo(BASE + "/A%2FB%3Fc");

    assertThatThrownBy(() -> api.get("..", "WEBHOOK")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> api.delete(PROJECT, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void atlasV2FlavourUsesItsPathAndMediaType() throws Exception {
    try (OkHttpIntegrationsApiFactory v2 = new OkHttpIntegrationsApiFactory(
        TestServers.fastSettings(), ApiCallListener.NOOP, ApiGeneration.ATLAS_V2)) {
      IntegrationsApi atlas = v2.create(connection(server));
      server.enqueue(json(200, page(0)));
      atlas.put(PROJECT, payload("WEBHOOK"));

      RecordedRequest req = server.takeRequest();
      assertThat(req.getTarget()).isEqualTo("/api/atlas/v2/groups/" + PROJECT + "/integrations/WEBHOOK");
      assertThat(req.getHeaders().get("Accept")).isEqualTo("application/vnd.atlas.2023-01-01+json");
      assertThat(req.getHeaders().get("Content-Type"))
          .isEqualTo("application/vnd.atlas.2023-01-01+json");
    }
  }

  @Test
  void baseUrlMustBeHttp() {
    ApiConnection ftp = new ApiConnection(URI.create("ftp://om.example.com"), "p", "s", null);
    assertThatThrownBy(() -> factory.create(ftp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an http or https URL");
  }

  @Test
  void userInfoInTheBaseUrlIsNeverSent() throws Exception {
    URI base = URI.create("http://user:pw@127.0.0.1:" + server.getPort());
    server.enqueue(json(200, PD));
    factory.create(new ApiConnection(base, "p", "s", null)).get(PROJECT, "PAGER_DUTY");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void transportFailureIsReportedToTheListenerWithStatusZero() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    IntegrationsApi closed = factory.create(new ApiConnection(
        URI.create("http://127.0.0.1:" + port), TestServers.PUBLIC_KEY, TestServers.PRIVATE_KEY, null));

    assertThatThrownBy(() -> closed.delete(PROJECT, "SLACK")).isInstanceOf(ApiException.class);
    assertThat(calls).containsExactly("DELETE DELETE 0");
  }

  @Test
  void getFallsBackToTheRequestedTypeWhenTheBodyHasNone() throws Exception {
    server.enqueue(json(200, "{\"url\":\"https://x/****\"}"));
    assertThat(api.get(PROJECT, "WEBHOOK")).hasValueSatisfying(v -> {
      assertThat(v.type()).isEqualTo("WEBHOOK");
      assertThat(v.fields()).containsOnlyKeys("url");
    });
  }

  private static String item(String type) {
    return "{\"type\":\"" + type + "\"}";
  }

  private static IntegrationPayload payload(String type) {
    return new IntegrationPayload(type, Map.of("url", "https://hooks.example.com/x"), Set.of("url"));
  }
}
