package io.mdbops.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.MaskedSecret;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.MaskPrediction;
import io.mdbops.integrations.mapping.MaskRule;
import io.mdbops.integrations.mapping.MeasuredBehaviour;
import io.mdbops.integrations.mapping.SecretForm;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.testing.Fixtures;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveComparisonTest {

  static final String SECRET = Fixtures.credentialsSecretName("r");
  static final Map<String, String> APPLIED = Map.of(SECRET, "7");

  static DesiredIntegration desired(IntegrationType type, Map<String, String> creds, String version) throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", type, "5e2211c17a3e5a48f5497de3", null);
    return desired(r, creds, version);
  }

  static DesiredIntegration desired(ThirdPartyIntegration r, Map<String, String> creds, String version) throws Exception {
    return DesiredIntegrations.build(r.getSpec(), SecretValues.of(r.getSpec(), ref -> creds.get(ref.getKey()), n -> version));
  }

  /** What the API would show for {@code d}: secrets masked by the documented rules. */
  static Map<String, Object> shown(DesiredIntegration d) {
    Map<String, Object> f = new HashMap<>();
    d.payload().fields().forEach((k, v) -> {
      SecretForm form = d.secretForms().get(k);
      if (form == null) {
        f.put(k, v);
      } else if (form == SecretForm.HIDDEN) {
        f.put(k, "******");
      } else if (form != SecretForm.WRITE_ONLY) {
        f.put(k, MaskPrediction.mask(form, (String) v));
      }
    });
    return f;
  }

  static final LiveComparison.Applied APPLIED_STATE = new LiveComparison.Applied(APPLIED, List.of(), Set.of());

  static LiveComparison.Differences compare(DesiredIntegration d, Map<String, Object> live) {
    return LiveComparison.compare(d, Optional.of(new IntegrationView(d.type().name(), live)), APPLIED_STATE);
  }

  @Test
  void maskedLiveValuesMatchTheDesiredSecrets() throws Exception {
    for (IntegrationType type : IntegrationType.values()) {
      DesiredIntegration d = desired(type, Fixtures.credentials(type), "7");
      assertThat(compare(d, shown(d)).any()).as(type.name()).isFalse();
    }
  }

  @Test
  void aTokenChangedInTheUiToOneWithAnotherEndingIsCaught() throws Exception {
    DesiredIntegration d = desired(IntegrationType.SLACK, Map.of("apiToken", "xoxb-1111-2222"), "7");
    Map<String, Object> live = shown(d);
    live.put("apiToken", MaskPrediction.mask(SecretForm.LAST_FOUR, "xoxb-1111-9999"));
    assertThat(compare(d, live).items()).containsExactly("apiToken");
  }

  @Test
  void aRotatedSecretIsResentEvenWhenItsMaskLooksTheSame() throws Exception {
    DesiredIntegration d = desired(IntegrationType.PAGER_DUTY, Map.of("serviceKey", "aaaa-0000-7890"), "8");
    Map<String, Object> live = Map.of("serviceKey", MaskPrediction.mask(SecretForm.LAST_FOUR, "bbbb-1111-7890"));
    assertThat(compare(d, live).items()).containsExactly("Secret " + SECRET + " changed since the last write");
  }

  @Test
  void plainFieldDriftIsCaughtAndNamed() throws Exception {
    DesiredIntegration d = desired(IntegrationType.SLACK, Map.of("apiToken", "xoxb-1111-2222"), "7");
    Map<String, Object> live = shown(d);
    live.put("channelName", "#random");
    assertThat(compare(d, live).items()).containsExactly("channelName");
  }

  @Test
  void apiDefaultsAndEmptyStringsCountAsAbsent() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.SLACK, "5e2211c17a3e5a48f5497de3", null);
    r.getSpec().getSlack().setChannelName(null);
    DesiredIntegration slack = desired(r, Map.of("apiToken", "xoxb-1111-2222"), "7");
    Map<String, Object> live = shown(slack);
    live.put("channelName", ""); // the API answers "" when no channel is set
    assertThat(compare(slack, live).any()).isFalse();

    ThirdPartyIntegration pd = Fixtures.resource("ns", "r", IntegrationType.PAGER_DUTY, "5e2211c17a3e5a48f5497de3", null);
    DesiredIntegration pagerDuty = desired(pd, Map.of("serviceKey", "k-123456"), "7");
    Map<String, Object> withRegion = shown(pagerDuty);
    withRegion.put("region", "US"); // what Atlas-style APIs report when none was sent
    assertThat(compare(pagerDuty, withRegion).any()).isFalse();
  }

  @Test
  void aFieldSetOnlyInTheUiIsDrift() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.VICTOR_OPS, "5e2211c17a3e5a48f5497de3", null);
    r.getSpec().getVictorOps().setRoutingKey(null);
    DesiredIntegration d = desired(r, Map.of("apiKey", "key-12345678"), "7");
    Map<String, Object> live = shown(d);
    live.put("routingKey", "someone-else");
    assertThat(compare(d, live).items()).containsExactly("routingKey");
  }

  @Test
  void aWebhookSecretRemovedInTheUiIsCaughtThoughItsValueIsNeverShown() throws Exception {
    DesiredIntegration d = desired(IntegrationType.WEBHOOK, Map.of("url", "https://h.example.com/x/y", "secret", "sig-123456"), "7");
    Map<String, Object> live = shown(d);
    assertThat(compare(d, live).any()).isFalse();
    live.remove("secret");
    assertThat(compare(d, live).items()).containsExactly("secret");
  }

  @Test
  void aNeverReturnedPasswordIsJudgedOnlyByItsSecretVersion() throws Exception {
    DesiredIntegration same = desired(IntegrationType.PROMETHEUS, Map.of("password", "pw-1"), "7");
    assertThat(compare(same, shown(same)).any()).isFalse();
    DesiredIntegration rotated = desired(IntegrationType.PROMETHEUS, Map.of("password", "pw-2"), "9");
    assertThat(compare(rotated, shown(rotated)).any()).isTrue();
  }

  @Test
  void anUnknownMaskingRuleIsLearntFromOurOwnWriteOfTheSameSecretKey() throws Exception {
    DesiredIntegration d = desired(IntegrationType.NEW_RELIC,
        Map.of("licenseKey", "lk-12345678", "writeToken", "wt-12345678", "readToken", "rt-12345678"), "7");
    Map<String, Object> live = shown(d);
    live.put("readToken", "<hidden>"); // a form our masking rule does not produce
    assertThat(compare(d, live).items()).containsExactly("readToken");
    IntegrationView view = new IntegrationView("NEW_RELIC", live);
    List<MaskedSecret> shownAfterWrite = LiveComparison.masksShown(d, view);
    assertThat(shownAfterWrite).extracting(MaskedSecret::getShownAs).contains("<hidden>");
    var applied = new LiveComparison.Applied(APPLIED, shownAfterWrite, Set.of());
    assertThat(LiveComparison.compare(d, Optional.of(view), applied).any()).isFalse();
    // what the API showed for another Secret key proves nothing about this one
    var otherKey = new LiveComparison.Applied(APPLIED, List.of(new MaskedSecret("readToken",
        new SecretKeySelector(SECRET, "other"), "<hidden>")), Set.of());
    assertThat(LiveComparison.compare(d, Optional.of(view), otherKey).items()).containsExactly("readToken");
  }

  @Test
  void aValueTheApiShowsInClearIsNeverRecorded() throws Exception {
    DesiredIntegration d = desired(IntegrationType.SLACK, Map.of("apiToken", "xoxb-shown-in-clear"), "7");
    Map<String, Object> live = shown(d);
    live.put("apiToken", "xoxb-shown-in-clear");
    assertThat(LiveComparison.masksShown(d, new IntegrationView("SLACK", live))).isEmpty();
    assertThat(compare(d, live).any()).isFalse();
  }

  @Test
  void verificationNamesWhatTheApiKeptDroppedOrChanged() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.SLACK, "5e2211c17a3e5a48f5497de3", null);
    r.getSpec().getSlack().setChannelName(null);
    DesiredIntegration d = desired(r, Map.of("apiToken", "xoxb-1111-2222"), "7");
    Map<String, Object> echoed = shown(d);
    assertThat(LiveComparison.verify(d, new IntegrationView("SLACK", echoed))).isEmpty();
    echoed.put("channelName", "#kept");
    echoed.remove("apiToken");
    echoed.put("teamName", "Other");
    assertThat(LiveComparison.verify(d, new IntegrationView("SLACK", echoed))).containsExactlyInAnyOrder(
        new LiveComparison.Mismatch("channelName", LiveComparison.Mismatch.Kind.KEPT),
        new LiveComparison.Mismatch("apiToken", LiveComparison.Mismatch.Kind.DROPPED),
        new LiveComparison.Mismatch("teamName", LiveComparison.Mismatch.Kind.CHANGED));
  }

  @Test
  void verificationAcceptsAnyMaskForASecretJustSent() throws Exception {
    DesiredIntegration d = desired(IntegrationType.PAGER_DUTY, Map.of("serviceKey", "pd-0000-7890"), "7");
    assertThat(LiveComparison.verify(d, new IntegrationView("PAGER_DUTY", Map.of("serviceKey", "******")))).isEmpty();
  }

  @Test
  void anOptionalFieldTheSpecDroppedIsClearedWhenWrittenBeforeOrStillHeld() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.VICTOR_OPS, "5e2211c17a3e5a48f5497de3", null);
    r.getSpec().getVictorOps().setRoutingKey(null);
    DesiredIntegration d = desired(r, Map.of("apiKey", "key-12345678"), "7");
    Map<String, Object> live = shown(d);
    assertThat(LiveComparison.toClear(d, Optional.of(new IntegrationView("VICTOR_OPS", live)), APPLIED_STATE)).isEmpty();
    var wroteIt = new LiveComparison.Applied(APPLIED, List.of(), Set.of("apiKey", "routingKey"));
    assertThat(LiveComparison.toClear(d, Optional.of(new IntegrationView("VICTOR_OPS", live)), wroteIt))
        .containsExactly("routingKey");
    live.put("routingKey", "set-in-the-ui");
    assertThat(LiveComparison.toClear(d, Optional.of(new IntegrationView("VICTOR_OPS", live)), APPLIED_STATE))
        .containsExactly("routingKey");
    assertThat(d.payloadClearing(Set.of("routingKey")).fields()).containsEntry("routingKey", "");
  }

  @Test
  void aMissingIntegrationDiffers() throws Exception {
    DesiredIntegration d = desired(IntegrationType.DATADOG, Map.of("apiKey", "abcdef0123"), "7");
    assertThat(LiveComparison.compare(d, Optional.empty(), APPLIED_STATE).items())
        .containsExactly("integration not configured");
  }

  @Test
  void differencesNeverCarryValues() throws Exception {
    DesiredIntegration d = desired(IntegrationType.SLACK, Map.of("apiToken", "xoxb-super-secret-1"), "8");
    Map<String, Object> live = shown(d);
    live.put("apiToken", "xoxb-super-secret-2");
    assertThat(compare(d, live).toString()).doesNotContain("xoxb");
  }

  @Test
  void aMaskMeasuredByDoctorMatchesWithoutAWrite() throws Exception {
    DesiredIntegration d = desired(IntegrationType.PAGER_DUTY, Map.of("serviceKey", "0123456789abcdef7890"), "7");
    Map<String, Object> live = Map.of("serviceKey", "******7890");
    MeasuredBehaviour fixedPrefix = new MeasuredBehaviour(Map.of("PAGER_DUTY.serviceKey", MaskRule.FIXED_PREFIX),
        Optional.empty(), Optional.empty(), Optional.empty());
    Optional<IntegrationView> view = Optional.of(new IntegrationView("PAGER_DUTY", live));

    assertThat(LiveComparison.compare(d, view, APPLIED_STATE).items()).as("by the documented rule").containsExactly(
        "serviceKey");
    assertThat(LiveComparison.compare(d, view, APPLIED_STATE, fixedPrefix).any()).isFalse();
    Map<String, Object> otherKey = Map.of("serviceKey", "******1234");
    assertThat(LiveComparison.compare(d, Optional.of(new IntegrationView("PAGER_DUTY", otherKey)), APPLIED_STATE,
        fixedPrefix).items()).containsExactly("serviceKey");
  }

  @Test
  void aMeasuredMaskThatHidesEverythingProvesNothing() throws Exception {
    DesiredIntegration d = desired(IntegrationType.PAGER_DUTY, Map.of("serviceKey", "0123456789abcdef7890"), "7");
    MeasuredBehaviour full = new MeasuredBehaviour(Map.of("PAGER_DUTY.serviceKey", MaskRule.FULL),
        Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(LiveComparison.compare(d, Optional.of(new IntegrationView("PAGER_DUTY", Map.of("serviceKey", "******"))),
        APPLIED_STATE, full).items()).as("an integration set up elsewhere: its key cannot be told, so it is written")
        .containsExactly("serviceKey");
  }

  @Test
  void aServerMeasuredToReplaceIsSentNoEmptyValueToClearAField() throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.VICTOR_OPS, "5e2211c17a3e5a48f5497de3", null);
    r.getSpec().getVictorOps().setRoutingKey(null);
    DesiredIntegration d = desired(r, Map.of("apiKey", "key-12345678"), "7");
    MeasuredBehaviour replaces = new MeasuredBehaviour(Map.of(), Optional.of(true), Optional.of(true),
        Optional.empty());
    MeasuredBehaviour merges = new MeasuredBehaviour(Map.of(), Optional.of(false), Optional.of(true),
        Optional.empty());

    assertThat(d.payloadClearing(Set.of("routingKey"), replaces).fields()).doesNotContainKey("routingKey");
    assertThat(d.payloadClearing(Set.of("routingKey"), merges).fields()).containsEntry("routingKey", "");
  }
}
