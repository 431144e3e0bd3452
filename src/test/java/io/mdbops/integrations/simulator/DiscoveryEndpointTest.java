package io.mdbops.integrations.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus HTTP service discovery next to the API: a project's made-up hosts in Prometheus's
 * HTTP SD format, for its PROMETHEUS integration's user and password only.
 */
class DiscoveryEndpointTest {

  static final String PASSWORD = "prometheus-password-0f3a";

  final SimFixture f = SimFixture.start();
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    f.close();
  }

  /** The project's PROMETHEUS integration, written through the API as a client would. */
  void prometheus(String listenAddress) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "PROMETHEUS");
    body.put("username", user());
    body.put("password", PASSWORD);
    body.put("listenAddress", listenAddress);
    body.put("serviceDiscovery", "http");
    body.put("scheme", "http");
    body.put("enabled", true);
    assertThat(f.api.put(f.path("PROMETHEUS"), body).code()).isEqualTo(200);
  }

  String user() {
    return "prom_user_" + f.project;
  }

  HttpResponse<String> discover(String project, String user, String password) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create(f.sim.baseUrl() + "/prometheus/v1.0/groups/" + project + "/discovery"));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersTheProjectsHostsInPrometheusHttpSdFormat() throws Exception {
    prometheus("0.0.0.0:9300");

    HttpResponse<String> response = discover(f.project, user(), PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode groups = Reply.JSON.readTree(response.body());
    assertThat(groups.isArray()).isTrue();
    assertThat(groups).hasSize(1);
    JsonNode group = groups.get(0);
    assertThat(group.get("targets")).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(t -> assertThat(t.asText()).endsWith(":9300").contains(f.project));
    assertThat(group.get("labels").get("group_id").asText()).isEqualTo(f.project);
    assertThat(group.get("labels").has("org_id")).isTrue();
    assertThat(response.body()).doesNotContain(PASSWORD);
    assertThat(discover(f.project, user(), PASSWORD).body()).as("the same hosts every time").isEqualTo(response.body());
  }

  @Test
  void refusesAWrongPasswordAnotherUserOrNoneWithABasicChallenge() throws Exception {
    prometheus("0.0.0.0:9216");
    for (HttpResponse<String> refused : new HttpResponse[] {
        discover(f.project, user(), PASSWORD + "x"),
        discover(f.project, "prom_user_someone", PASSWORD),
        discover(f.project, null, null)}) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic realm=");
      assertThat(refused.body()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aProjectWithoutAPrometheusIntegrationHasNoOneToLetIn() throws Exception {
    assertThat(discover(f.project, user(), PASSWORD).statusCode()).isEqualTo(401);
    prometheus("0.0.0.0:9216");
    assertThat(discover(f.project, user(), PASSWORD).statusCode()).isEqualTo(200);
    f.sim.removeStored(f.project, "PROMETHEUS");
    assertThat(discover(f.project, user(), PASSWORD).statusCode()).as("removed: refused again").isEqualTo(401);
  }

  @Test
  void anUnknownProjectOrPathIsNotFoundAndOnlyGetIsServed() throws Exception {
    prometheus("0.0.0.0:9216");
    assertThat(discover("0123456789abcdef01234567", user(), PASSWORD).statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(
            URI.create(f.sim.baseUrl() + "/prometheus/v1.0/groups/" + f.project + "/discovery"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    HttpResponse<String> other = http.send(HttpRequest.newBuilder(
        URI.create(f.sim.baseUrl() + "/prometheus/v1.0/groups/" + f.project + "/other")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @Test
  void discoveryIsNoApiCallAndLeavesTheJournalAlone() throws Exception {
    prometheus("0.0.0.0:9216");
    long recorded = f.sim.journal().recorded();
    discover(f.project, user(), PASSWORD);
    discover(f.project, user(), "wrong");
    assertThat(f.sim.journal().recorded()).isEqualTo(recorded);
    assertThat(f.api.get(f.list()).code()).isEqualTo(200);
  }

  @Test
  void listenAddressesWithoutAPortUseTheAgentsDefault() {
    assertThat(DiscoveryEndpoint.port("0.0.0.0:9300")).isEqualTo("9300");
    assertThat(DiscoveryEndpoint.port("[::]:9301")).isEqualTo("9301");
    assertThat(DiscoveryEndpoint.port("localhost")).isEqualTo("9216");
    assertThat(DiscoveryEndpoint.port(null)).isEqualTo("9216");
  }
}
