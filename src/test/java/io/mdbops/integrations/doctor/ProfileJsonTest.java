package io.mdbops.integrations.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.mapping.MaskRule;
import io.mdbops.integrations.mapping.MeasuredBehaviour;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The profile's JSON: what doctor writes reads back the same, and what the operator refuses, it names. */
class ProfileJsonTest {

  static ApiProfile sample() {
    return new ApiProfile(1, "2026-11-30T12:00:00Z", "integrations-operator doctor 0.1.0", "ops-manager",
        "api/public/v1.0", "https://om.example.com:8443", "merge", false, false,
        Map.of("PAGER_DUTY", "accepted", "HIP_CHAT", "refused: 400 INVALID_ENUM_VALUE"),
        Map.of("PAGER_DUTY.serviceKey", "fixed-prefix: '******' and the last 4 characters, whatever the length",
            "WEBHOOK.url", "host: scheme://host[:port]/**** (path and query hidden)",
            "SLACK.apiToken", "other: 3 '*' then the last 2 characters"),
        Map.of("PAGER_DUTY", Map.of("serviceKey", "accepted")), Map.of("delete", "204"), Map.of(),
        Map.of("scheme", "Digest"), List.of("a note"));
  }

  @Test
  void whatDoctorWritesReadsBackTheSame() throws Exception {
    String text = ProfileJson.write(sample());

    assertThat(ProfileJson.read(text)).isEqualTo(sample());
    assertThat(text).startsWith("{\n  \"profileVersion\" : 1,\n  \"measuredAt\"").endsWith("}\n");
  }

  @Test
  void theOperatorActsOnTheMeasuredRulesOnly() {
    MeasuredBehaviour b = sample().behaviour();

    assertThat(b.mask(IntegrationType.PAGER_DUTY, "serviceKey")).contains(MaskRule.FIXED_PREFIX);
    assertThat(b.mask(IntegrationType.WEBHOOK, "url")).contains(MaskRule.HOST);
    assertThat(b.mask(IntegrationType.SLACK, "apiToken")).as("a shape no rule fits").isEmpty();
    assertThat(b.putReplaces()).contains(false);
    assertThat(b.emptyStringClears()).contains(false);
    assertThat(b.nonceReuse()).contains(false);
  }

  @Test
  void whatWasNotMeasuredIsLeftToTheDefaults() throws Exception {
    ApiProfile p = ProfileJson.read("{\"profileVersion\":1,\"measuredAt\":\"2026-11-30T12:00:00Z\","
        + "\"putSemantics\":null,\"someLaterKey\":{\"x\":1}}");

    assertThat(p.behaviour()).isEqualTo(new MeasuredBehaviour(Map.of(), Optional.empty(), Optional.empty(),
        Optional.empty()));
  }

  @Test
  void anythingElseIsRefusedNamingWhatIsWrong() {
    assertRefused("not json", "is not JSON");
    assertRefused("[1,2]", "is not a JSON object");
    assertRefused("{\"measuredAt\":\"2026-11-30T12:00:00Z\"}", "has no profileVersion");
    assertRefused("{\"profileVersion\":2,\"measuredAt\":\"2026-11-30T12:00:00Z\"}", "has profileVersion 2");
    assertRefused("{\"profileVersion\":1}", "has no measuredAt");
    assertRefused("{\"profileVersion\":1,\"measuredAt\":\"yesterday\"}", "measuredAt is not an ISO-8601 time");
    assertRefused("{\"profileVersion\":1,\"measuredAt\":\"2026-11-30T12:00:00Z\",\"putSemantics\":\"upsert\"}",
        "putSemantics must be replace or merge");
    assertRefused("{\"profileVersion\":1,\"measuredAt\":\"2026-11-30T12:00:00Z\",\"product\":\"atlas\"}",
        "product must be cloud-manager or ops-manager");
    assertRefused("{\"profileVersion\":1,\"measuredAt\":\"2026-11-30T12:00:00Z\",\"masks\":{\"PAGER_DUTY.serviceKey\":"
        + "\"first-four\"}}", "masks.PAGER_DUTY.serviceKey must start with one of last-four");
    assertRefused("{\"profileVersion\":1,\"measuredAt\":\"2026-11-30T12:00:00Z\",\"nonceReuse\":\"sometimes\"}",
        "key nonceReuse does not hold what doctor writes there");
  }

  @Test
  void theDigestIsShortAndFollowsTheText() {
    String text = ProfileJson.write(sample());

    assertThat(ProfileJson.digest(text)).matches("sha256:[0-9a-f]{12}").isEqualTo(ProfileJson.digest(text + "\n"));
    assertThat(ProfileJson.digest(text.replace("merge", "replace"))).isNotEqualTo(ProfileJson.digest(text));
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> ProfileJson.read(text)).isInstanceOf(ProfileJson.InvalidProfileException.class)
        .hasMessageContaining(message);
  }
}
