package io.mdbops.integrations.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ReferencedSecretsStoreTest {

  final Set<String> referenced = ConcurrentHashMap.newKeySet();
  final ReferencedSecretsStore store = new ReferencedSecretsStore(s -> referenced.contains(s.getMetadata().getName()));

  static Secret secret(String name, String version) {
    return new SecretBuilder().withNewMetadata().withNamespace("ns").withName(name).withResourceVersion(version)
        .endMetadata().withType("helm.sh/release.v1").withData(Map.of("release", "x".repeat(10_000))).build();
  }

  @Test
  void keepsEverythingUntilTheResourceCacheIsCompleteThenOnlyReferencedData() {
    referenced.add("used");
    store.put("ns/used", secret("used", "1"));
    store.put("ns/unused", secret("unused", "1"));
    assertThat(store.get("ns/unused").getData()).isNotEmpty();

    store.startStripping();
    assertThat(store.get("ns/used").getData()).isNotEmpty();
    Secret stripped = store.get("ns/unused");
    assertThat(stripped.getData()).isNullOrEmpty();
    assertThat(ReferencedSecretsStore.isStripped(stripped)).isTrue();
    assertThat(stripped.getMetadata().getResourceVersion()).isEqualTo("1");
    assertThat(stripped.getType()).isEqualTo("helm.sh/release.v1");

    store.put("ns/other", secret("other", "3"));
    assertThat(ReferencedSecretsStore.isStripped(store.get("ns/other"))).isTrue();
  }

  @Test
  void aSecretNoLongerReferencedIsStrippedAtTheNextSweep() {
    referenced.add("used");
    store.startStripping();
    store.put("ns/used", secret("used", "1"));
    referenced.remove("used");
    assertThat(store.get("ns/used").getData()).isNotEmpty();
    store.sweep();
    assertThat(ReferencedSecretsStore.isStripped(store.get("ns/used"))).isTrue();
  }

  @Test
  void aCopyReadFromTheApiNeverReplacesANewerOne() {
    store.startStripping();
    store.put("ns/s", secret("s", "5"));
    store.restore(secret("s", "5"));
    assertThat(store.get("ns/s").getData()).isNotEmpty();
    store.put("ns/s", secret("s", "6")); // stripped again: still unreferenced
    store.restore(secret("s", "5"));
    assertThat(store.get("ns/s").getMetadata().getResourceVersion()).isEqualTo("6");
  }
}
