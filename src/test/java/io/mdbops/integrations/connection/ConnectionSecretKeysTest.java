package io.mdbops.integrations.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.MapSecrets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The connection Secret's keys: an API key pair or a service account (never both, never half of
 * one), and {@code api} / {@code product}, which together say which API answers — today's Secrets
 * (no {@code api}) keep meaning the public API v1.0.
 */
class ConnectionSecretKeysTest {

  private static final String NS = "keys";
  private static final String URL = "https://cloud.mongodb.com";
  private final MapSecrets secrets = new MapSecrets();
  private final ConnectionResolver resolver = new ConnectionResolver(secrets,
      new EndpointPolicy(List.of(URI.create(URL))), "operator", null, ns -> false);
  private final ThirdPartyIntegration resource =
      Fixtures.resource(NS, "r", IntegrationType.SLACK, Fixtures.projectId(), "conn");

  private ResolvedConnection resolve(Map<String, String> keys) throws ConnectionUnavailableException {
    secrets.put(NS, "conn", keys);
    return resolver.resolve(resource);
  }

  private ConnectionUnavailableException refused(Map<String, String> keys) {
    return catchThrowableOfType(ConnectionUnavailableException.class, () -> resolve(keys));
  }

  private static Map<String, String> keys(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void todaysSecretStillMeansTheCloudManagerPublicApiWithDigest() throws Exception {
    ResolvedConnection c = resolve(keys("publicKey", "pub", "privateKey", "priv"));
    assertThat(c.product()).isEqualTo(Product.CLOUD_MANAGER);
    assertThat(c.api().generation()).isEqualTo(ApiGeneration.PUBLIC_V1);
    assertThat(c.api().isServiceAccount()).isFalse();
    assertThat(c.api().credentialName()).isEqualTo("API key pub");
  }

  @Test
  void aServiceAccountOnAtlas() throws Exception {
    ResolvedConnection c = resolve(keys("clientId", "mdb_sa_id_x", "clientSecret", "mdb_sa_sk_y", "api", "atlas-v2"));
    assertThat(c.product()).isEqualTo(Product.ATLAS);
    assertThat(c.api().generation()).isEqualTo(ApiGeneration.ATLAS_V2);
    assertThat(c.api().isServiceAccount()).isTrue();
    assertThat(c.api().credentialName()).isEqualTo("service account mdb_sa_id_x");
    assertThat(c.api().toString()).doesNotContain("mdb_sa_sk_y");
  }

  @Test
  void aServiceAccountOnCloudManagerAndAnAtlasProductThatImpliesV2() throws Exception {
    assertThat(resolve(keys("clientId", "i", "clientSecret", "s")).product()).isEqualTo(Product.CLOUD_MANAGER);
    assertThat(resolve(keys("publicKey", "p", "privateKey", "k", "product", "atlas")).api().generation())
        .isEqualTo(ApiGeneration.ATLAS_V2);
    assertThat(resolve(keys("publicKey", "p", "privateKey", "k", "api", "PUBLIC-V1")).product())
        .isEqualTo(Product.CLOUD_MANAGER);
  }

  @Test
  void ambiguousOrHalfCredentialsAreRefusedWithoutTheirValues() {
    ConnectionUnavailableException both =
        refused(keys("publicKey", "p", "privateKey", "secret-k", "clientId", "i", "clientSecret", "secret-s"));
    assertThat(both.reason()).isEqualTo(ConditionReason.ConnectionInvalid);
    assertThat(both.getMessage()).contains("both an API key", "keep one").doesNotContain("secret-");
    assertThat(refused(keys("clientId", "i")).getMessage()).contains("has no key clientSecret");
    assertThat(refused(keys("baseUrl", URL)).getMessage())
        .contains("neither publicKey and privateKey (an API key) nor clientId and clientSecret");
  }

  @Test
  void anUnknownApiOrAProductThatTheApiDoesNotServeIsRefused() {
    assertThat(refused(keys("publicKey", "p", "privateKey", "k", "api", "v3")).getMessage())
        .contains("key api must be public-v1 or atlas-v2");
    assertThat(refused(keys("publicKey", "p", "privateKey", "k", "api", "atlas-v2", "product", "ops-manager"))
        .getMessage()).contains("product ops-manager and api atlas-v2", "remove one of the two keys");
    assertThat(refused(keys("publicKey", "p", "privateKey", "k", "api", "public-v1", "product", "atlas"))
        .reason()).isEqualTo(ConditionReason.ConnectionInvalid);
  }

  @Test
  void aRotatedSecretMakesANewClientKey() throws Exception {
    String before = resolve(keys("clientId", "i", "clientSecret", "s1")).clientKey();
    String after = resolve(keys("clientId", "i", "clientSecret", "s2")).clientKey();
    assertThat(after).isNotEqualTo(before);
  }
}
