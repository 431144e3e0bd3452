package io.mdbops.integrations.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.MaskRule;
import io.mdbops.integrations.opsmanager.NoncePolicy;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.MapSecrets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection Secret's {@code profile} key: read, checked, and what it makes the connection do. */
class ConnectionProfileTest {

  private static final String PROFILE = """
      {
        "profileVersion" : 1,
        "measuredAt" : "2026-11-30T12:00:00Z",
        "product" : "ops-manager",
        "putSemantics" : "merge",
        "emptyStringClears" : false,
        "nonceReuse" : false,
        "masks" : { "PAGER_DUTY.serviceKey" : "fixed-prefix: '******' and the last 4 characters" }
      }
      """;

  private final MapSecrets secrets = new MapSecrets();
  private final ConnectionResolver resolver = new ConnectionResolver(secrets,
      new EndpointPolicy(List.of(URI.create("https://om.example.com"))), "operator", null, ns -> false);

  private ResolvedConnection resolve(Map<String, String> extra) throws ConnectionUnavailableException {
    Map<String, String> values = new LinkedHashMap<>(Map.of("publicKey", "pub", "privateKey",
        Fixtures.secretValue("priv-"), "baseUrl", "https://om.example.com"));
    values.putAll(extra);
    secrets.put("ns", "api", values);
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", IntegrationType.PAGER_DUTY, Fixtures.projectId(), "api");
    return resolver.resolve(r);
  }

  @Test
  void aProfileMakesTheConnectionGoByWhatWasMeasured() throws Exception {
    ResolvedConnection c = resolve(Map.of("profile", PROFILE));

    assertThat(c.profile()).hasValueSatisfying(p -> {
      assertThat(p.digest()).matches("sha256:[0-9a-f]{12}");
      assertThat(p.measuredAt()).isEqualTo("2026-11-30T12:00:00Z");
      assertThat(p.source()).isEqualTo("Secret ns/api key profile");
      assertThat(p.status().getDigest()).isEqualTo(p.digest());
    });
    assertThat(c.behaviour().mask(IntegrationType.PAGER_DUTY, "serviceKey")).contains(MaskRule.FIXED_PREFIX);
    assertThat(c.behaviour().putReplaces()).contains(false);
    assertThat(c.nonces()).isEqualTo(NoncePolicy.ANSWER_EACH_CHALLENGE);
  }

  @Test
  void withoutAProfileTheDocumentedBehaviourApplies() throws Exception {
    ResolvedConnection c = resolve(Map.of());

    assertThat(c.profile()).isEmpty();
    assertThat(c.behaviour().masks()).isEmpty();
    assertThat(c.nonces()).isEqualTo(NoncePolicy.REUSE);
  }

  @Test
  void aBrokenProfileIsAnInvalidConnectionThatSaysWhy() {
    assertThatThrownBy(() -> resolve(Map.of("profile", "{\"profileVersion\":1,")))
        .isInstanceOfSatisfying(ConnectionUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(ConditionReason.ConnectionInvalid))
        .hasMessage("connection Secret ns/api key profile is not JSON (line 1); put the output of doctor --json"
            + " there, or remove the key");
    assertThatThrownBy(() -> resolve(Map.of("profile", PROFILE.replace("\"merge\"", "\"upsert\""))))
        .hasMessageContaining("key profile putSemantics must be replace or merge");
  }

  @Test
  void aProfileOfAnotherProductIsRefused() {
    assertThatThrownBy(() -> resolve(Map.of("profile", PROFILE, "product", "cloud-manager")))
        .isInstanceOfSatisfying(ConnectionUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(ConditionReason.ConnectionInvalid))
        .hasMessageContaining("key profile was measured on ops-manager, but this connection is cloud-manager");
  }
}
