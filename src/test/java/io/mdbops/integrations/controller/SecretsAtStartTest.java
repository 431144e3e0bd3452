package io.mdbops.integrations.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SecretsAtStartTest {

  final SecretsAtStart filter = new SecretsAtStart();

  @Test
  void beforeTheInformerStartedEveryAddIsLetThrough() {
    assertThat(filter.accept(secret("a", "1"))).isTrue();
  }

  @Test
  void theInitialListsAddOfASecretIsDroppedOnceAndAnythingNewerWakesItsResources() {
    filter.remember(Stream.of(secret("a", "1"), secret("b", "7")));

    assertThat(filter.accept(secret("a", "1"))).as("the initial list's add").isFalse();
    assertThat(filter.accept(secret("a", "1"))).as("deleted and created again with the same version: new").isTrue();
    assertThat(filter.accept(secret("b", "8"))).as("changed since").isTrue();
    assertThat(filter.accept(secret("c", "9"))).as("created since").isTrue();
  }

  @Test
  void onceForgottenNothingIsDropped() {
    filter.remember(Stream.of(secret("a", "1")));
    filter.forget();

    assertThat(filter.accept(secret("a", "1"))).isTrue();
  }

  static Secret secret(String name, String version) {
    return new SecretBuilder().withNewMetadata().withNamespace("ns").withName(name).withResourceVersion(version)
        .endMetadata().build();
  }
}
