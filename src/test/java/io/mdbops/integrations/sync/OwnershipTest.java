package io.mdbops.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.MapSecrets;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  static final String PROJECT = "5e2211c17a3e5a48f5497de3";
  static final String OM = "https://om.example.com";
  static final String OTHER = "https://other.example.com";

  final MapSecrets secrets = new MapSecrets();
  final ConnectionResolver connections = new ConnectionResolver(
      secrets, new EndpointPolicy(List.of(URI.create(OM), URI.create(OTHER))), "ops", null, ns -> false);

  ThirdPartyIntegration at(String ns, String name, String created, String baseUrl) {
    ThirdPartyIntegration r = Fixtures.resource(ns, name, IntegrationType.SLACK, PROJECT, "conn-" + name);
    r.getMetadata().setCreationTimestamp(created);
    if (baseUrl != null) {
      secrets.put(ns, "conn-" + name, Map.of("publicKey", "p", "privateKey", "k", "baseUrl", baseUrl));
    }
    return r;
  }

  final ThirdPartyIntegration oldest = at("b", "one", "2026-01-01T00:00:00Z", OM);
  final ThirdPartyIntegration sameSecond = at("a", "two", "2026-01-01T00:00:00Z", OM);
  final ThirdPartyIntegration young = at("a", "three", "2026-02-01T00:00:00Z", OM);
  final ThirdPartyIntegration elsewhere = at("a", "four", "2025-01-01T00:00:00Z", OTHER);

  Ownership ownership(List<ThirdPartyIntegration> all, Set<ThirdPartyIntegration> invalid) {
    return new Ownership((p, t) -> all, r -> !invalid.contains(r), connections);
  }

  @Test
  void theOldestOnTheSameEndpointOwnsItNamespaceThenNameBreakingTies() {
    Ownership ownership = ownership(List.of(oldest, sameSecond, young, elsewhere), Set.of());
    assertThat(ownership.otherOwner(young, OM)).containsSame(sameSecond);
    assertThat(ownership.otherOwner(oldest, OM)).containsSame(sameSecond);
    assertThat(ownership.otherOwner(sameSecond, OM)).isEmpty();
  }

  @Test
  void anotherEndpointIsAnotherIntegration() {
    assertThat(ownership(List.of(oldest, sameSecond, young, elsewhere), Set.of()).otherOwner(elsewhere, OTHER))
        .isEmpty();
  }

  @Test
  void aResourceWithAnInvalidSpecOwnsNothing() {
    assertThat(ownership(List.of(oldest, sameSecond, young), Set.of(oldest, sameSecond)).otherOwner(young, OM))
        .isEmpty();
  }

  @Test
  void aResourceWhoseConnectionCannotBeUsedOwnsNothing() {
    ThirdPartyIntegration noSecret = at("a", "five", "2020-01-01T00:00:00Z", null);
    ThirdPartyIntegration offList = at("a", "six", "2020-01-01T00:00:00Z", "https://evil.example.com");
    ThirdPartyIntegration defaultConnection = at("a", "seven", "2020-01-01T00:00:00Z", null);
    defaultConnection.getSpec().setConnectionSecretRef(null);
    assertThat(ownership(List.of(noSecret, offList, defaultConnection, young), Set.of()).otherOwner(young, OM))
        .isEmpty();
  }
}
