package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a PUT does to the fields it leaves out (--put-semantics) and to an optional field it sends
 * as {@code ""} (--empty-string), over real HTTP with Digest; judged by what reads show.
 */
class PutSemanticsTest {

  static final TypeCase VICTOR_OPS = TypeCase.of("VICTOR_OPS");
  static final TypeCase WEBHOOK = TypeCase.of("WEBHOOK");

  static SimFixture start(PutSemantics semantics, EmptyString emptyString) {
    return SimFixture.start(SimulatorOptions.builder().putSemantics(semantics).emptyString(emptyString).build());
  }

  static Stream<Arguments> everyReading() {
    return Stream.of(PutSemantics.values())
        .flatMap(p -> Stream.of(EmptyString.values()).map(e -> Arguments.of(p, e)));
  }

  @ParameterizedTest(name = "{0}, \"\" {1}")
  @MethodSource("everyReading")
  void anOmittedFieldIsKeptOnlyByMerge(PutSemantics semantics, EmptyString emptyString) {
    try (SimFixture f = start(semantics, emptyString)) {
      f.api.put(f.path("VICTOR_OPS"), VICTOR_OPS.body());

      Reply put = f.api.put(f.path("VICTOR_OPS"), VICTOR_OPS.with("routingKey", null));

      assertThat(put.code()).isEqualTo(200);
      Map<String, Object> read = f.api.get(f.path("VICTOR_OPS")).map();
      if (semantics == PutSemantics.MERGE) {
        assertThat(read).containsEntry("routingKey", "ops-team");
      } else {
        assertThat(read).doesNotContainKey("routingKey");
      }
    }
  }

  @ParameterizedTest(name = "{0}, \"\" {1}")
  @MethodSource("everyReading")
  void anEmptyOptionalFieldClearsUnlessMergeIgnoresIt(PutSemantics semantics, EmptyString emptyString) {
    boolean stays = semantics == PutSemantics.MERGE && emptyString == EmptyString.IGNORED;
    try (SimFixture f = start(semantics, emptyString)) {
      f.api.put(f.path("VICTOR_OPS"), VICTOR_OPS.body());
      f.api.put(f.path("WEBHOOK"), WEBHOOK.body());

      Reply put = f.api.put(f.path("VICTOR_OPS"), VICTOR_OPS.with("routingKey", ""));
      f.api.put(f.path("WEBHOOK"), WEBHOOK.with("secret", ""));

      assertThat(put.code()).as(put.toString()).isEqualTo(200);
      Map<String, Object> victorOps = f.api.get(f.path("VICTOR_OPS")).map();
      Map<String, Object> webhook = f.api.get(f.path("WEBHOOK")).map();
      if (stays) {
        assertThat(victorOps).containsEntry("routingKey", "ops-team");
        assertThat(webhook).containsEntry("secret", "******");
      } else {
        // gone: neither "" nor stars claiming a secret is still set
        assertThat(victorOps).doesNotContainKey("routingKey");
        assertThat(webhook).doesNotContainKey("secret");
        assertThat(f.sim.stored(f.project, "WEBHOOK").orElseThrow()).doesNotContainKey("secret");
      }
    }
  }

  @Test
  void mergeWithEmptyIgnoredCannotClearAFieldByAnyMeans() {
    try (SimFixture f = start(PutSemantics.MERGE, EmptyString.IGNORED)) {
      f.api.put(f.path("VICTOR_OPS"), VICTOR_OPS.body());

      f.api.put(f.path("VICTOR_OPS"), VICTOR_OPS.with("routingKey", null));
      f.api.put(f.path("VICTOR_OPS"), VICTOR_OPS.with("routingKey", ""));
      Map<String, Object> withNull = VICTOR_OPS.body();
      withNull.put("routingKey", null);
      f.api.put(f.path("VICTOR_OPS"), withNull);

      assertThat(f.api.get(f.path("VICTOR_OPS")).map()).containsEntry("routingKey", "ops-team");
    }
  }

  @ParameterizedTest
  @EnumSource(EmptyString.class)
  void aClearedFieldWithADefaultReadsAsTheDefault(EmptyString emptyString) {
    try (SimFixture f = start(PutSemantics.REPLACE, emptyString)) {
      f.api.put(f.path("OPS_GENIE"), TypeCase.of("OPS_GENIE").with("region", ""));
      f.api.put(f.path("SLACK"), TypeCase.of("SLACK").with("channelName", ""));

      assertThat(f.api.get(f.path("OPS_GENIE")).map()).containsEntry("region", "US");
      assertThat(f.api.get(f.path("SLACK")).map()).containsEntry("channelName", "");
    }
  }

  @ParameterizedTest(name = "{0}, \"\" {1}")
  @MethodSource("everyReading")
  void anEmptyRequiredFieldIsMissingInEveryReading(PutSemantics semantics, EmptyString emptyString) {
    try (SimFixture f = start(semantics, emptyString)) {
      f.api.put(f.path("SLACK"), TypeCase.of("SLACK").body());

      Reply reply = f.api.put(f.path("SLACK"), TypeCase.of("SLACK").with("teamName", ""));

      assertError(reply, 400, "MISSING_ATTRIBUTE");
      assertThat(reply.json().get("parameters").get(0).asText()).isEqualTo("teamName");
      assertThat(f.api.get(f.path("SLACK")).map()).containsEntry("teamName", "My Team");
    }
  }

  @ParameterizedTest(name = "{0}, \"\" {1}")
  @MethodSource("everyReading")
  void clearingAFieldAConditionRequiresIsRefused(PutSemantics semantics, EmptyString emptyString) {
    boolean stays = semantics == PutSemantics.MERGE && emptyString == EmptyString.IGNORED;
    try (SimFixture f = start(semantics, emptyString)) {
      f.api.put(f.path("PROMETHEUS"), TypeCase.of("PROMETHEUS").body());

      Reply reply = f.api.put(f.path("PROMETHEUS"), TypeCase.of("PROMETHEUS").with("tlsPemPath", ""));

      if (stays) {
        assertThat(reply.code()).isEqualTo(200);
      } else {
        assertError(reply, 400, "MISSING_ATTRIBUTE");
      }
      assertThat(f.api.get(f.path("PROMETHEUS")).map()).containsEntry("tlsPemPath", "/etc/ssl/prom.pem");
    }
  }

  @Test
  void anEmptyMaskedFieldStoredOutOfBandReadsEmptyNotAsStars() {
    try (SimFixture f = SimFixture.start()) {
      f.sim.putStored(f.project, "WEBHOOK", Map.of("url", "", "secret", ""));

      assertThat(f.api.get(f.path("WEBHOOK")).map()).containsEntry("url", "").containsEntry("secret", "");
    }
  }
}
