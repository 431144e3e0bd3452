package io.mdbops.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.doctor.ProfileJson;
import io.mdbops.integrations.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A connection whose Secret holds a doctor profile is compared and written by what was measured:
 * a mask format the server took on after an upgrade is no reason to write, a server measured to
 * replace on PUT is sent no {@code ""}, and the status names the profile.
 */
class ProfileInUseTest {

  private static String profile(String putSemantics, String serviceKeyMask) {
    return """
        {"profileVersion": 1, "measuredAt": "2026-11-30T12:00:00Z", "product": "ops-manager",
         "putSemantics": "%s", "emptyStringClears": true, "nonceReuse": true,
         "masks": {"PAGER_DUTY.serviceKey": "%s"}}
        """.formatted(putSemantics, serviceKeyMask);
  }

  private static CoreRig rig(String profileText) {
    CoreRig rig = new CoreRig();
    if (profileText != null) {
      rig.secrets.put(CoreRig.NS, CoreRig.CONNECTION, Map.of("publicKey", "pub", "privateKey",
          Fixtures.secretValue("priv"), "baseUrl", CoreRig.BASE_URL, "profile", profileText));
    }
    return rig;
  }

  /** After an upgrade the server shows {@code ******} and the last four, whatever the length. */
  private static String fixedPrefix(String shown) {
    return shown.isEmpty() ? shown : "******" + shown.substring(Math.max(0, shown.length() - 4));
  }

  @Test
  void aMaskFormatTheServerWasMeasuredToUseIsNoReasonToWrite() {
    for (boolean withProfile : new boolean[] {false, true}) {
      CoreRig rig = rig(withProfile ? profile("replace", "fixed-prefix: ...") : null);
      ThirdPartyIntegration r = rig.resource("pd", IntegrationType.PAGER_DUTY, rig.project());
      assertThat(rig.synced(r)).isEqualTo(Change.Created);

      rig.api.masking(ProfileInUseTest::fixedPrefix);
      rig.later();

      assertThat(rig.synced(r)).as(withProfile ? "measured: the same key, shown the new way"
          : "unmeasured: the new form looks like a different key").isEqualTo(withProfile ? Change.None
          : Change.DriftCorrected);
    }
  }

  @Test
  void aServerMeasuredToReplaceIsSentNoEmptyValue() {
    // a profile that says replace, on a server that in fact merges: the field stays, and the status says so
    CoreRig wrong = rig(profile("replace", "last-four"));
    wrong.api.merging();
    ThirdPartyIntegration r = wrong.resource("vo", IntegrationType.VICTOR_OPS, wrong.project());
    wrong.synced(r);
    wrong.edit(r, x -> x.getSpec().getVictorOps().setRoutingKey(null));
    assertThat(wrong.pass(r)).isInstanceOf(SyncOutcome.NotHeld.class);
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.FieldNotApplied);

    // measured right (merge): "" is sent, and clears it
    CoreRig right = rig(profile("merge", "last-four"));
    right.api.merging();
    ThirdPartyIntegration s = right.resource("vo", IntegrationType.VICTOR_OPS, right.project());
    right.synced(s);
    right.edit(s, x -> x.getSpec().getVictorOps().setRoutingKey(null));
    assertThat(right.synced(s)).isEqualTo(Change.Updated);
    assertThat(right.api.stored(s.getSpec().getProjectId(), "VICTOR_OPS").orElseThrow()).doesNotContainKey("routingKey");
  }

  @Test
  void theStatusNamesTheProfileInUse() {
    String text = profile("replace", "last-four: the last 4 characters kept");
    CoreRig rig = rig(text);
    ThirdPartyIntegration r = rig.resource("pd", IntegrationType.PAGER_DUTY, rig.project());

    rig.synced(r);

    assertThat(r.getStatus().getApiProfile()).isNotNull();
    assertThat(r.getStatus().getApiProfile().getDigest()).isEqualTo(ProfileJson.digest(text));
    assertThat(r.getStatus().getApiProfile().getMeasuredAt()).isEqualTo("2026-11-30T12:00:00Z");
    assertThat(r.getStatus().getApiProfile().getSource()).isEqualTo("Secret team/api key profile");

    CoreRig without = rig(null);
    ThirdPartyIntegration plain = without.resource("pd", IntegrationType.PAGER_DUTY, without.project());
    without.synced(plain);
    assertThat(plain.getStatus().getApiProfile()).isNull();
  }

  @Test
  void anInvalidProfileStopsThePassBeforeAnyCallWithAClearReason() {
    CoreRig rig = rig("{\"profileVersion\": 7}");
    ThirdPartyIntegration r = rig.resource("pd", IntegrationType.PAGER_DUTY, rig.project());

    SyncOutcome outcome = rig.pass(r);

    assertThat(CoreRig.reason(outcome)).isEqualTo(ConditionReason.ConnectionInvalid);
    assertThat(((SyncOutcome.Failed) outcome).message()).contains("key profile has profileVersion 7");
    assertThat(rig.api.calls()).isEmpty();
  }
}
