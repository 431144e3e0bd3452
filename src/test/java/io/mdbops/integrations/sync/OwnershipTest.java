package io.mdbops.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  static final String PROJECT = "5e2211c17a3e5a48f5497de3";

  static ThirdPartyIntegration at(String ns, String name, String created) {
    ThirdPartyIntegration r = Fixtures.resource(ns, name, IntegrationType.SLACK, PROJECT, "c");
    r.getMetadata().setCreationTimestamp(created);
    return r;
  }

  final ThirdPartyIntegration oldest = at("b", "one", "2026-01-01T00:00:00Z");
  final ThirdPartyIntegration sameSecond = at("a", "two", "2026-01-01T00:00:00Z");
  final ThirdPartyIntegration young = at("a", "three", "2026-02-01T00:00:00Z");
  final ThirdPartyIntegration elsewhere = at("a", "four", "2025-01-01T00:00:00Z");

  final Map<ThirdPartyIntegration, String> endpoints = Map.of(
      oldest, "https://om.example.com", sameSecond, "https://om.example.com",
      young, "https://om.example.com", elsewhere, "https://other.example.com");

  final Ownership ownership = new Ownership(
      (p, t) -> List.of(oldest, sameSecond, young, elsewhere), r -> Optional.ofNullable(endpoints.get(r)));

  @Test
  void theOldestOnTheSameEndpointOwnsItNamespaceThenNameBreakingTies() {
    assertThat(ownership.otherOwner(young, "https://om.example.com")).containsSame(sameSecond);
    assertThat(ownership.otherOwner(oldest, "https://om.example.com")).containsSame(sameSecond);
    assertThat(ownership.otherOwner(sameSecond, "https://om.example.com")).isEmpty();
  }

  @Test
  void anotherEndpointIsAnotherIntegration() {
    assertThat(ownership.otherOwner(elsewhere, "https://other.example.com")).isEmpty();
  }

  @Test
  void aResourceThatCannotWriteOwnsNothing() {
    Ownership withBroken = new Ownership((p, t) -> List.of(oldest, sameSecond, young),
        r -> r == young ? Optional.of("https://om.example.com") : Optional.empty());
    assertThat(withBroken.otherOwner(young, "https://om.example.com")).isEmpty();
  }
}
