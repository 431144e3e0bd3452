package io.mdbops.integrations.simulator;

import io.mdbops.integrations.opsmanager.Product;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Type by type, against the reference's field tables (§2.2, §2.3), over real HTTP with Digest. */
class TypeConformanceTest {

  static SimFixture f;

  @BeforeAll
  static void start() {
    f = SimFixture.start(SimulatorOptions.builder().product(Product.OPS_MANAGER).build());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void empty() {
    f.sim.storedAll(f.project).keySet().forEach(type -> f.sim.removeStored(f.project, type));
  }

  static Stream<TypeCase> allTypes() {
    return Stream.concat(TypeCase.common(), Stream.of(TypeCase.hipChat()));
  }

  static Stream<Arguments> requiredFields() {
    return allTypes().flatMap(c -> c.required().stream().map(field -> Arguments.of(c, field)));
  }

  static Stream<Arguments> badEnumValues() {
    return Stream.of(
        Arguments.of(TypeCase.of("OPS_GENIE"), "region", "eu"),
        Arguments.of(TypeCase.of("PROMETHEUS"), "serviceDiscovery", "dns"),
        Arguments.of(TypeCase.of("PROMETHEUS"), "scheme", "ftp"));
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void validPutStoresExactlyTheValuesAndEveryReadMasksThem(TypeCase c) {
    Reply put = f.api.put(f.path(c.type()), c.body());

    assertThat(put.code()).as(put.toString()).isEqualTo(200);
    assertThat(f.sim.stored(f.project, c.type())).contains(c.body());
    assertThat(put.map().get("results")).isEqualTo(List.of(c.maskedView()));
    assertThat(f.api.get(f.path(c.type())).map()).isEqualTo(c.maskedView());
    assertThat(f.api.get(f.list()).map().get("results")).isEqualTo(List.of(c.maskedView()));
    assertThat(f.api.post(f.path(c.type()), c.body()).errorCode()).isEqualTo("INTEGRATION_ALREADY_CONFIGURED");
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void validPostCreatesAndAnswersWithTheMaskedList(TypeCase c) {
    Reply post = f.api.post(f.path(c.type()), c.body());

    assertThat(post.code()).as(post.toString()).isEqualTo(200);
    assertThat(post.map().get("results")).isEqualTo(List.of(c.maskedView()));
    assertThat(f.sim.stored(f.project, c.type())).contains(c.body());
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void noReadEverShowsASecretInClear(TypeCase c) {
    f.api.put(f.path(c.type()), c.body());
    String everyRead = f.api.get(f.path(c.type())).body() + f.api.get(f.list()).body()
        + f.api.put(f.path(c.type()), c.body()).body();

    c.valid().forEach((field, value) -> {
      if (!value.equals(c.masked().get(field))) {
        assertThat(everyRead).as(field).doesNotContain(String.valueOf(value));
      }
    });
  }

  @ParameterizedTest
  @MethodSource("requiredFields")
  void aMissingRequiredFieldIsRefused(TypeCase c, String field) {
    Reply reply = f.api.put(f.path(c.type()), c.with(field, null));

    assertError(reply, 400, "MISSING_ATTRIBUTE");
    assertThat(reply.json().get("parameters").get(0).asText()).isEqualTo(field);
    assertThat(reply.json().get("detail").asText()).isEqualTo("The required attribute " + field + " was not specified.");
    assertThat(f.sim.stored(f.project, c.type())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void anUnknownFieldIsRefused(TypeCase c) {
    Reply reply = f.api.put(f.path(c.type()), c.with("colour", "blue"));

    assertError(reply, 400, "INTEGRATION_FIELDS_INVALID");
    assertThat(reply.json().get("detail").asText()).isEqualTo("At least one integration field is invalid.");
    assertThat(f.sim.stored(f.project, c.type())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void aValueOfTheWrongJsonKindIsRefused(TypeCase c) {
    Reply reply = f.api.put(f.path(c.type()), c.with(c.wrongKind().getKey(), c.wrongKind().getValue()));

    assertError(reply, 400, "INVALID_JSON");
    assertThat(f.sim.stored(f.project, c.type())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("badEnumValues")
  void aValueOutsideTheEnumIsRefused(TypeCase c, String field, String value) {
    Reply reply = f.api.put(f.path(c.type()), c.with(field, value));

    assertError(reply, 400, "INVALID_ENUM_VALUE");
    assertThat(reply.json().get("detail").asText()).isEqualTo("An invalid enumeration value " + value + " was specified.");
    assertThat(f.sim.stored(f.project, c.type())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void theMaskedViewSentBackIsRefusedAndNothingChanges(TypeCase c) {
    f.api.put(f.path(c.type()), c.body());
    JsonNode masked = f.api.get(f.path(c.type())).json();

    Reply reply = f.api.put(f.path(c.type()), masked);

    assertError(reply, 400, "INVALID_INTEGRATION_SETTINGS");
    assertThat(f.sim.stored(f.project, c.type())).contains(c.body());
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void theBodyTypeMustBeThePathType(TypeCase c) {
    String other = c.type().equals("SLACK") ? "WEBHOOK" : "SLACK";
    Reply reply = f.api.put(f.path(other), c.body());

    assertError(reply, 400, "INVALID_ATTRIBUTE");
    assertThat(reply.json().get("parameters")).hasToString("[\"type\"]");
  }

  @Test
  void pagerDutyRegionIsNotAV1Field() {
    Reply reply = f.api.put(f.path("PAGER_DUTY"), TypeCase.of("PAGER_DUTY").with("region", "US"));

    assertError(reply, 400, "INTEGRATION_FIELDS_INVALID");
  }

  @Test
  void datadogApiKeyMustBeHexadecimal() {
    Reply reply = f.api.put(f.path("DATADOG"), TypeCase.of("DATADOG").with("apiKey", "not-hex-at-all"));

    assertError(reply, 400, "INVALID_INTEGRATION_SETTINGS");
    assertThat(reply.json().get("detail").asText())
        .isEqualTo("The provided settings for the DATADOG integration were invalid: apiKey must be a hexadecimal string.");
    assertThat(reply.json().get("parameters")).hasToString("[\"DATADOG apiKey must be a hexadecimal string\"]");
  }

  @Test
  void prometheusOverHttpNeedsNoPemPath() {
    Map<String, Object> body = TypeCase.of("PROMETHEUS").with("scheme", "http");
    body.remove("tlsPemPath");
    body.remove("tlsPemPassword");

    assertThat(f.api.put(f.path("PROMETHEUS"), body).code()).isEqualTo(200);
    assertThat(f.api.get(f.path("PROMETHEUS")).map()).doesNotContainKeys("password", "tlsPemPath");
  }

  @Test
  void opsGenieRegionDefaultsToUs() {
    f.api.put(f.path("OPS_GENIE"), TypeCase.of("OPS_GENIE").with("region", null));

    assertThat(f.sim.stored(f.project, "OPS_GENIE").orElseThrow()).containsEntry("region", "US");
    assertThat(f.api.get(f.path("OPS_GENIE")).map()).containsEntry("region", "US");
  }

  @Test
  void slackChannelNameReadsAsEmptyWhenNotSet() {
    f.api.put(f.path("SLACK"), TypeCase.of("SLACK").with("channelName", null));

    assertThat(f.api.get(f.path("SLACK")).map()).containsEntry("channelName", "");
  }

  @Test
  void aNullOptionalFieldCountsAsAbsent() {
    Map<String, Object> body = TypeCase.of("WEBHOOK").body();
    body.put("secret", null);

    assertThat(f.api.put(f.path("WEBHOOK"), body).code()).isEqualTo(200);
    assertThat(f.sim.stored(f.project, "WEBHOOK").orElseThrow()).doesNotContainKey("secret");
  }

  @Test
  void hipChatIsRefusedByTheCloudManagerFlavour() {
    try (SimFixture cm = SimFixture.start()) {
      Reply reply = cm.api.put(cm.path("HIP_CHAT"), TypeCase.hipChat().body());

      assertError(reply, 400, "INVALID_ENUM_VALUE");
      assertThat(reply.json().get("parameters")).hasToString("[\"HIP_CHAT\"]");
    }
  }

  static void assertError(Reply reply, int status, String errorCode) {
    assertThat(reply.code()).as(reply.toString()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.get("errorCode").asText()).isEqualTo(errorCode);
    assertThat(body.get("error").asInt()).isEqualTo(status);
    assertThat(body.get("detail").isTextual()).isTrue();
    assertThat(body.get("parameters").isArray()).isTrue();
    assertThat(body.get("reason").asText()).isEqualTo(HttpReasons.phrase(status));
  }
}
