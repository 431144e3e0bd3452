package io.mdbops.integrations.sandbox;

import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.Product;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.DatadogSpec;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PrometheusSpec;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.validation.ResourceParser;
import io.mdbops.integrations.validation.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/examples: valid, one file per type, every referenced Secret key present and fake. */
class ExamplesTest {

  private static final Path DIR = Path.of("deploy", "examples");
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  @Test
  void everyTypeHasExactlyOneExampleInItsOwnFile() {
    Examples examples = Examples.fromPath(DIR);
    Map<IntegrationType, List<String>> files = new EnumMap<>(IntegrationType.class);
    for (Examples.Example e : examples.all()) {
      assertThat(e.resources()).as(e.fileName()).hasSize(1);
      files.computeIfAbsent(e.resources().get(0).getSpec().getType(), t -> new ArrayList<>()).add(e.fileName());
    }
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(ProductSupport.offeredTypes(Product.OPS_MANAGER));
    files.forEach((type, names) -> assertThat(names).as(type.name()).containsExactly(Examples.FILES.get(type)));
  }

  @Test
  void whatOnlyAtlasHasHasItsExamplesApart() {
    Examples atlas = Examples.fromPath(DIR.resolve("atlas"));
    assertThat(atlas.resources()).extracting(r -> r.getSpec().getType())
        .containsExactly(IntegrationType.NEW_RELIC, IntegrationType.PROMETHEUS);
    assertThat(atlas.all()).extracting(Examples.Example::fileName).containsExactlyElementsOf(Examples.ATLAS_FILES);
    assertThat(atlas.all()).allSatisfy(e -> assertThat(e.problems()).isEmpty());
  }

  @Test
  void everyResourceIsValidThroughTheParserAndTheValidator() throws Exception {
    for (Examples.Example e : Examples.fromPath(DIR).all()) {
      assertThat(e.problems()).as(e.fileName()).isEmpty();
      for (String document : SEPARATOR.split(Files.readString(DIR.resolve(e.fileName())))) {
        if (document.contains("kind: ThirdPartyIntegration")) {
          ResourceParser.Result parsed = ResourceParser.parse(document);
          assertThat(parsed.problems()).as(e.fileName()).isEmpty();
          assertThat(new SpecValidator().validate(parsed.resource())).as(e.fileName()).isEmpty();
        }
      }
    }
  }

  @Test
  void everyReferencedSecretKeyIsInTheSameFileAsFakeStringData() {
    for (Examples.Example e : Examples.fromPath(DIR).all()) {
      ThirdPartyIntegration r = e.resources().get(0);
      assertThat(r.getMetadata().getNamespace()).isEqualTo("demo");
      assertThat(r.getSpec().getConnectionSecretRef().getName()).isEqualTo("mdb-api");
      Object block = r.getSpec().block(r.getSpec().getType());
      List<SecretKeySelector> refs = IntegrationFields.of(r.getSpec().getType()).stream()
          .filter(FieldMapping::isSecret).map(f -> f.secretRef().apply(block)).filter(ref -> ref != null).toList();
      assertThat(refs).as(e.fileName()).isNotEmpty();
      for (SecretKeySelector ref : refs) {
        Secret secret = e.secrets().stream().filter(s -> s.getMetadata().getName().equals(ref.getName()))
            .findFirst().orElseThrow(() -> new AssertionError(e.fileName() + " lacks Secret " + ref.getName()));
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("demo");
        assertThat(secret.getData()).as("use stringData, readable").isNullOrEmpty();
        assertThat(secret.getStringData()).as(e.fileName()).containsKey(ref.getKey());
        assertThat(secret.getStringData().get(ref.getKey())).as(e.fileName() + " " + ref)
            .isNotBlank().satisfiesAnyOf(
                v -> assertThat(v).containsIgnoringCase("fake"),
                v -> assertThat(v).matches("[0-]+[0-9a-f]{0,4}|0123456789abcdef0123456789abcdef"));
      }
    }
  }

  @Test
  void thePrometheusExamplesScrapeConfigFindsTheIntegrationsUserNameInItsSecret() {
    Examples.Example e = Examples.fromPath(DIR).retargeted("0123456789abcdef01234567").all().stream()
        .filter(x -> x.resources().get(0).getSpec().getType() == IntegrationType.PROMETHEUS).findFirst().orElseThrow();
    PrometheusSpec prometheus = e.resources().get(0).getSpec().getPrometheus();
    assertThat(prometheus.getScrapeConfig().wanted()).isTrue();
    Secret secret = e.secrets().stream()
        .filter(s -> s.getMetadata().getName().equals(prometheus.getPasswordSecretRef().getName())).findFirst().orElseThrow();
    assertThat(secret.getStringData().get(prometheus.getScrapeConfig().effectiveUsernameKey()))
        .isEqualTo(prometheus.getUsername()).isEqualTo("prom_user_0123456789abcdef01234567");
  }

  @Test
  void theDatadogKeyIsHexadecimalAsTheApiRequires() {
    Examples.Example e = Examples.fromPath(DIR.resolve(Examples.FILES.get(IntegrationType.DATADOG))).all().get(0);
    DatadogSpec datadog = e.resources().get(0).getSpec().getDatadog();
    String key = e.secrets().get(0).getStringData().get(datadog.getApiKeySecretRef().getKey());
    assertThat(key).matches("[0-9a-f]{32}");
  }

  @Test
  void theConnectionSecretTemplateHasTheKeysTheOperatorReads() throws Exception {
    Secret secret = new ObjectMapper(new YAMLFactory())
        .readValue(Files.readString(DIR.resolve("connection-secret.yaml")), Secret.class);
    assertThat(secret.getMetadata().getName()).isEqualTo("mdb-api");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("demo");
    assertThat(secret.getStringData()).containsKeys(
        ConnectionResolver.PUBLIC_KEY, ConnectionResolver.PRIVATE_KEY, ConnectionResolver.BASE_URL);
    // a template: the sandbox makes its own connection and does not apply it
    assertThat(Examples.fromPath(DIR).all()).extracting(Examples.Example::fileName)
        .doesNotContain("connection-secret.yaml", "connection-secret-service-account.yaml");
  }

  @Test
  void theServiceAccountTemplateHasTheKeysTheOperatorReads() throws Exception {
    Secret secret = new ObjectMapper(new YAMLFactory())
        .readValue(Files.readString(DIR.resolve("connection-secret-service-account.yaml")), Secret.class);
    assertThat(secret.getMetadata().getName()).isEqualTo("mdb-api");
    assertThat(secret.getStringData()).containsOnlyKeys(ConnectionResolver.CLIENT_ID, ConnectionResolver.CLIENT_SECRET,
        ConnectionResolver.API, ConnectionResolver.BASE_URL).containsEntry(ConnectionResolver.API, "atlas-v2");
  }

  @Test
  void theAtlasExamplesAreValidOnAtlasAndReplaceTheirNamesakes() {
    Examples atlas = Examples.load(null, true);
    assertThat(atlas.resources()).hasSize(IntegrationType.values().length);
    for (var r : atlas.resources()) {
      assertThat(io.mdbops.integrations.mapping.ProductSupport.problems(r.getSpec(),
          io.mdbops.integrations.opsmanager.Product.ATLAS)).as(r.getMetadata().getName()).isEmpty();
    }
    assertThat(atlas.resources()).filteredOn(r -> r.getSpec().getType() == IntegrationType.PROMETHEUS)
        .singleElement().satisfies(r -> assertThat(r.getSpec().getPrometheus().getListenAddress()).isNull());
  }

  @Test
  void lastAppliedIsWhatKubectlApplyWrites() {
    Examples.Example e = Examples.parse("s.yaml", """
        apiVersion: v1
        kind: Secret
        metadata:
          name: slack-token
          namespace: demo
        type: Opaque
        stringData:
          apiToken: a<b>&c
        """);
    // as kubectl 1.32 wrote it for the same document
    assertThat(e.secrets().get(0).getMetadata().getAnnotations()).containsEntry(Examples.LAST_APPLIED,
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"annotations\":{},\"name\":\"slack-token\","
            + "\"namespace\":\"demo\"},\"stringData\":{\"apiToken\":\"a\\u003cb\\u003e\\u0026c\"},\"type\":\"Opaque\"}\n");
  }

  @Test
  void retargetingMovesTheProjectIdEverywhereAndWritesTheFiles(@TempDir Path dir) throws Exception {
    String project = "0123456789abcdef01234567";
    Examples moved = Examples.fromPath(DIR).retargeted(project).writeTo(dir);
    assertThat(moved.projectIds()).containsExactly(project);
    ThirdPartyIntegration prometheus = moved.resources().stream()
        .filter(r -> r.getSpec().getType() == IntegrationType.PROMETHEUS).findFirst().orElseThrow();
    assertThat(prometheus.getSpec().getPrometheus().getUsername()).isEqualTo("prom_user_" + project);
    assertThat(moved.directory()).isEqualTo(dir);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(Examples.FILES.values());
    }
    assertThat(Files.readString(dir.resolve("slack.yaml"), StandardCharsets.UTF_8)).contains(project)
        .doesNotContain(Examples.fromPath(DIR).projectIds().iterator().next());
  }

  @Test
  void aDocumentOfAnotherKindIsAProblemNotAnError() {
    Examples.Example e = Examples.parse("x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    assertThat(e.problems()).singleElement().asString().contains("ConfigMap").contains("x.yaml document 1");
    assertThat(Arrays.asList(e.resources(), e.secrets())).allMatch(List::isEmpty);
  }
}
