package io.mdbops.integrations.simulator;

import io.mdbops.integrations.testing.MutableClock;
import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resource's operations, list shape, query parameters and switches (reference §1.1, §5.5, §6). */
class IntegrationsResourceTest {

  SimFixture f;

  @BeforeEach
  void start() {
    f = SimFixture.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void anEmptyProjectListsNothing() {
    Reply reply = f.api.get(f.list());

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.map()).containsEntry("results", List.of()).containsEntry("totalCount", 0);
    assertThat(reply.json().get("links")).hasSize(1);
    assertThat(reply.json().at("/links/0/rel").asText()).isEqualTo("self");
  }

  @Test
  void writesAnswerWithTheWholeProjectAndASelfLinkToTheRequestUrl() {
    f.api.put(f.path("PAGER_DUTY"), TypeCase.of("PAGER_DUTY").body());
    Reply reply = f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body());

    assertThat(reply.map().get("results"))
        .isEqualTo(List.of(TypeCase.of("PAGER_DUTY").maskedView(), TypeCase.of("SLACK").maskedView()));
    assertThat(reply.map()).containsEntry("totalCount", 2);
    assertThat(reply.json().get("links").toString()).isEqualTo("[{\"href\":\"" + f.sim.baseUrl()
        + ApiSimulator.API_PREFIX + f.path("SLACK") + "?pageNum=1&itemsPerPage=100\",\"rel\":\"self\"}]");
  }

  @Test
  void listsPageWithPreviousAndNextLinks() {
    TypeCase.common().forEach(c -> f.api.put(f.path(c.type()), c.body()));

    JsonNode first = f.api.get(f.list() + "?itemsPerPage=4").json();
    JsonNode second = f.api.get(f.list() + "?itemsPerPage=4&pageNum=2").json();
    JsonNode last = f.api.get(f.list() + "?itemsPerPage=4&pageNum=3").json();
    JsonNode beyond = f.api.get(f.list() + "?itemsPerPage=4&pageNum=9").json();

    assertThat(first.get("totalCount").asInt()).isEqualTo(9);
    assertThat(first.get("results")).hasSize(4);
    assertThat(second.get("results")).hasSize(4);
    assertThat(last.get("results")).hasSize(1);
    assertThat(beyond.get("results")).isEmpty();
    assertThat(rels(first)).containsExactly("self", "next");
    assertThat(rels(second)).containsExactly("self", "previous", "next");
    assertThat(rels(last)).containsExactly("self", "previous");
    assertThat(second.at("/links/1/href").asText()).endsWith(f.list() + "?pageNum=1&itemsPerPage=4");
    assertThat(second.at("/links/2/href").asText()).endsWith(f.list() + "?pageNum=3&itemsPerPage=4");
    assertThat(first.get("results").get(0).get("type").asText()).isEqualTo("PAGER_DUTY");
    assertThat(last.get("results").get(0).get("type").asText()).isEqualTo("NEW_RELIC");
  }

  @Test
  void itemsPerPageIsCappedAt500AndBadPageParametersAreRefused() {
    assertThat(f.api.get(f.list() + "?itemsPerPage=1000").json().at("/links/0/href").asText())
        .endsWith("itemsPerPage=500");
    assertError(f.api.get(f.list() + "?pageNum=0"), 400, "INVALID_ATTRIBUTE");
    assertError(f.api.get(f.list() + "?itemsPerPage=lots"), 400, "INVALID_ATTRIBUTE");
  }

  @Test
  void envelopeWrapsOneEntityAndAddsStatusToAList() {
    f.api.put(f.path("WEBHOOK"), TypeCase.of("WEBHOOK").body());

    Reply one = f.api.get(f.path("WEBHOOK") + "?envelope=true");
    Reply list = f.api.get(f.list() + "?envelope=true");
    Reply error = f.api.get(f.path("SLACK") + "?envelope=true");

    assertThat(one.map()).isEqualTo(Map.of("status", 200, "content", TypeCase.of("WEBHOOK").maskedView()));
    assertThat(list.map()).containsEntry("status", 200).containsEntry("totalCount", 1).containsKeys("links", "results");
    assertThat(error.code()).isEqualTo(404);
    assertThat(error.json().get("status").asInt()).isEqualTo(404);
    assertThat(error.json().at("/content/errorCode").asText()).isEqualTo("INTEGRATION_NOT_CONFIGURED");
  }

  @Test
  void prettyIndentsTheSameJson() {
    f.api.put(f.path("WEBHOOK"), TypeCase.of("WEBHOOK").body());

    Reply pretty = f.api.get(f.list() + "?pretty=true");
    Reply plain = f.api.get(f.list());

    assertThat(pretty.body()).contains("\n  ");
    assertThat(plain.body()).doesNotContain("\n");
    assertThat(pretty.json()).isEqualTo(plain.json());
  }

  @Test
  void postOfAnExistingTypeConflicts() {
    assertThat(f.api.post(f.path("SLACK"), TypeCase.of("SLACK").body()).code()).isEqualTo(200);

    Reply again = f.api.post(f.path("SLACK"), TypeCase.of("SLACK").with("teamName", "Other"));

    assertError(again, 409, "INTEGRATION_ALREADY_CONFIGURED");
    assertThat(again.json().get("detail").asText())
        .isEqualTo("The integration of type 'SLACK' is already configured for this group.");
    assertThat(f.sim.stored(f.project, "SLACK").orElseThrow()).containsEntry("teamName", "My Team");
  }

  @Test
  void putCreatesThenReplaces() {
    assertThat(f.api.put(f.path("VICTOR_OPS"), TypeCase.of("VICTOR_OPS").body()).code()).isEqualTo(200);
    Map<String, Object> noRoutingKey = TypeCase.of("VICTOR_OPS").with("routingKey", null);

    assertThat(f.api.put(f.path("VICTOR_OPS"), noRoutingKey).code()).isEqualTo(200);

    assertThat(f.sim.stored(f.project, "VICTOR_OPS")).contains(noRoutingKey);
  }

  @Test
  void mergeKeepsFieldsThePutLeavesOut() {
    try (SimFixture merge = SimFixture.start(SimulatorOptions.builder().putSemantics(PutSemantics.MERGE).build())) {
      merge.api.put(merge.path("VICTOR_OPS"), TypeCase.of("VICTOR_OPS").body());

      Reply reply = merge.api.put(merge.path("VICTOR_OPS"),
          Map.of("type", "VICTOR_OPS", "apiKey", "99999999-aaaa-bbbb-cccc-1234567890ab"));

      assertThat(reply.code()).isEqualTo(200);
      assertThat(merge.sim.stored(merge.project, "VICTOR_OPS").orElseThrow())
          .containsEntry("routingKey", "ops-team")
          .containsEntry("apiKey", "99999999-aaaa-bbbb-cccc-1234567890ab");
    }
  }

  @Test
  void deleteRemovesThenReportsNotConfigured() {
    f.api.put(f.path("DATADOG"), TypeCase.of("DATADOG").body());

    Reply deleted = f.api.delete(f.path("DATADOG"));
    Reply get = f.api.get(f.path("DATADOG"));
    Reply again = f.api.delete(f.path("DATADOG"));

    assertThat(deleted.code()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertError(get, 404, "INTEGRATION_NOT_CONFIGURED");
    assertThat(get.json().get("detail").asText())
        .isEqualTo("The integration of type 'DATADOG' is not configured for this group.");
    assertError(again, 404, "INTEGRATION_NOT_CONFIGURED");
    assertThat(f.sim.stored(f.project, "DATADOG")).isEmpty();
  }

  @Test
  void statusCodesOfWritesAndDeletesAreSwitchable() {
    try (SimFixture g = SimFixture.start(SimulatorOptions.builder().writeStatus(201).deleteStatus(200).build())) {
      assertThat(g.api.post(g.path("SLACK"), TypeCase.of("SLACK").body()).code()).isEqualTo(201);
      assertThat(g.api.put(g.path("SLACK"), TypeCase.of("SLACK").body()).code()).isEqualTo(201);
      Reply deleted = g.api.delete(g.path("SLACK"));
      assertThat(deleted.code()).isEqualTo(200);
      assertThat(deleted.body()).isEmpty();
    }
  }

  @Test
  void outOfBandEditsShowInReadsMasked() {
    f.sim.putStored(f.project, "PAGER_DUTY", Map.of("serviceKey", "edited-in-the-ui-1234"));

    assertThat(f.api.get(f.path("PAGER_DUTY")).map())
        .isEqualTo(Map.of("type", "PAGER_DUTY", "serviceKey", "*".repeat(17) + "1234"));

    assertThat(f.sim.removeStored(f.project, "PAGER_DUTY")).isTrue();
    assertError(f.api.get(f.path("PAGER_DUTY")), 404, "INTEGRATION_NOT_CONFIGURED");
  }

  @Test
  void malformedOrMistypedBodiesAreRefused() {
    assertError(f.api.put(f.path("SLACK"), "{\"type\": \"SLACK\", "), 400, "INVALID_JSON");
    assertError(f.api.put(f.path("SLACK"), "[]"), 400, "INVALID_JSON");
    assertError(f.api.put(f.path("SLACK"), "{\"type\":\"SLACK\",\"type\":\"SLACK\"}"), 400, "INVALID_JSON");
    assertError(f.api.put(f.path("SLACK"), Map.of("apiToken", "t", "teamName", "x")), 400, "MISSING_ATTRIBUTE");
    assertError(f.api.put(f.path("SLACK"), Map.of("type", 7, "apiToken", "t", "teamName", "x")), 400, "INVALID_JSON");
    assertThat(f.sim.storedAll(f.project)).isEmpty();
  }

  @Test
  void unknownTypesAndPathsAreRefused() {
    assertError(f.api.get(f.path("FLOWDOCK")), 400, "INVALID_ENUM_VALUE");
    assertError(f.api.get(f.path("pager_duty")), 400, "INVALID_ENUM_VALUE");
    Reply unknown = f.api.get("/groups/" + f.project + "/alerts");
    assertError(unknown, 404, "RESOURCE_NOT_FOUND");
    assertThat(unknown.json().get("detail").asText())
        .isEqualTo("Cannot find resource /api/public/v1.0/groups/" + f.project + "/alerts.");
    assertError(f.api.post(f.list(), TypeCase.of("SLACK").body()), 404, "RESOURCE_NOT_FOUND");
  }

  @Test
  void aMaskedValueIsStoredLiterallyWhenRejectionIsOff() {
    try (SimFixture lax = SimFixture.start(SimulatorOptions.builder().rejectMaskedValues(false).build())) {
      Reply reply = lax.api.put(lax.path("PAGER_DUTY"), Map.of("type", "PAGER_DUTY", "serviceKey", "******7890"));

      assertThat(reply.code()).isEqualTo(200);
      assertThat(lax.sim.stored(lax.project, "PAGER_DUTY").orElseThrow()).containsEntry("serviceKey", "******7890");
    }
  }

  @Test
  void aWriteBecomesVisibleOnlyAfterTheReadAfterWriteDelay() {
    MutableClock clock = new MutableClock();
    SimulatorOptions options = SimulatorOptions.builder().clock(clock).readAfterWriteDelay(Duration.ofSeconds(2)).build();
    try (SimFixture slow = SimFixture.start(options)) {
      Reply put = slow.api.put(slow.path("WEBHOOK"), TypeCase.of("WEBHOOK").body());

      assertThat(put.map().get("results")).isEqualTo(List.of());
      assertError(slow.api.get(slow.path("WEBHOOK")), 404, "INTEGRATION_NOT_CONFIGURED");
      assertThat(slow.sim.stored(slow.project, "WEBHOOK")).isPresent();
      assertError(slow.api.post(slow.path("WEBHOOK"), TypeCase.of("WEBHOOK").body()), 409,
          "INTEGRATION_ALREADY_CONFIGURED");

      clock.advance(Duration.ofSeconds(2));

      assertThat(slow.api.get(slow.path("WEBHOOK")).map()).isEqualTo(TypeCase.of("WEBHOOK").maskedView());
      Map<String, Object> changed = TypeCase.of("WEBHOOK").with("secret", "another-secret");
      slow.api.put(slow.path("WEBHOOK"), changed);
      assertThat(slow.api.get(slow.list()).json().get("totalCount").asInt()).isEqualTo(1);
      assertThat(slow.sim.stored(slow.project, "WEBHOOK")).contains(changed);
    }
  }

  private static List<String> rels(JsonNode page) {
    return page.get("links").findValuesAsText("rel");
  }
}
