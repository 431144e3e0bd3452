package io.mdbops.integrations.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests read as kubectl apply -f takes them, each resource judged by the API server, then by the operator. */
class ManifestReaderTest {

  static ManifestReader reader;
  static final String PAGER_DUTY = """
      apiVersion: integrations.mdbops.io/v1alpha1
      kind: ThirdPartyIntegration
      metadata: {name: pd}
      spec:
        projectId: 5e2211c17a3e5a48f5497de3
        type: PAGER_DUTY
        pagerDuty:
          serviceKeySecretRef: {name: pd, key: serviceKey}
      """;

  @TempDir
  Path dir;

  @BeforeAll
  static void crd() {
    reader = new ManifestReader(ManifestAdmission.ofBuiltCrd(), "fallback");
  }

  @Test
  void readsEveryDocumentAndLeavesOtherKindsAside() {
    Manifests m = reader.read("all.yaml", """
        # a comment-only document
        --- # a separator with a comment
        apiVersion: v1
        kind: Secret
        metadata: {name: pd}
        stringData: {serviceKey: abc}
        ---
        %s---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        ---
        just: a map
        ---
        : : not yaml [
        """.formatted(PAGER_DUTY));

    assertThat(m.resources()).singleElement().satisfies(r -> {
      assertThat(r.valid()).as(r.problems().toString()).isTrue();
      assertThat(r.where()).isEqualTo("all.yaml#3");
      assertThat(r.namespace()).isEqualTo("fallback");
      assertThat(r.resource().getMetadata().getNamespace()).isEqualTo("fallback");
    });
    assertThat(m.secret("fallback", "pd")).isPresent();
    assertThat(m.ignoredKinds()).containsExactly("Deployment");
    assertThat(m.unreadable()).extracting(Manifests.Unreadable::where, Manifests.Unreadable::problem).containsExactly(
        org.assertj.core.groups.Tuple.tuple("all.yaml#5", "not a Kubernetes object (no kind)"),
        org.assertj.core.groups.Tuple.tuple("all.yaml#6", "not valid YAML (line 23)"));
  }

  @Test
  void theApiServersRefusalComesFirstThenTheOperators() {
    Manifests unknownField = reader.read("u.yaml", PAGER_DUTY.replace("    serviceKeySecretRef", "    serviceKey: inline\n"
        + "    serviceKeySecretRef"));
    assertThat(unknownField.resources().get(0).problems()).containsExactly(
        "refused by the API server: strict decoding error: unknown field \"spec.pagerDuty.serviceKey\"");

    Manifests wrongVersion = reader.read("v.yaml", PAGER_DUTY.replace("v1alpha1", "v1"));
    assertThat(wrongVersion.resources().get(0).problems()).singleElement().asString()
        .startsWith("refused by the operator (InvalidSpec): apiVersion");

    Manifests noName = reader.read("n.yaml", PAGER_DUTY.replace("metadata: {name: pd}", "metadata: {}"));
    assertThat(noName.resources().get(0).problems()).contains(
        "refused by the API server: metadata.name: Required value: name or generateName is required");
  }

  @Test
  void aDirectoryIsReadLikeKubectlOptionallyWithItsSubdirectories() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), PAGER_DUTY);
    Files.writeString(dir.resolve("b.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\","
        + "\"namespace\":\"ns\"},\"data\":{\"k\":\"dmFsdWU=\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.yml"), PAGER_DUTY.replace("name: pd}", "name: pd2}"));

    Manifests flat = reader.read(List.of(dir), false);
    assertThat(flat.resources()).extracting(Manifests.Resource::name).containsExactly("pd");
    assertThat(flat.secret("ns", "s")).isPresent();
    assertThat(reader.read(List.of(dir), true).resources()).extracting(Manifests.Resource::name)
        .containsExactly("pd", "pd2");
    assertThatThrownBy(() -> reader.read(List.of(dir.resolve("missing")), false))
        .hasMessage("no such file or directory: " + dir.resolve("missing"));
  }
}
