package io.mdbops.integrations.crd;

import static io.mdbops.integrations.validation.ValidResources.edit;
import static io.mdbops.integrations.validation.ValidResources.remove;
import static io.mdbops.integrations.validation.ValidResources.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.FieldPatterns;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.validation.SpecValidator;
import io.mdbops.integrations.validation.ValidResources;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What users rely on in the CRD the build generates: names, columns, schema rules, descriptions
 * for {@code kubectl explain}, and that the Java validator means what the schema and its CEL rules
 * mean (the mock API server enforces neither, and no CEL engine runs here).
 */
class GeneratedCrdTest {

  static final String RESOURCE = "META-INF/fabric8/" + CommittedCrdTest.FILE;

  static CustomResourceDefinition crd;
  static CustomResourceDefinitionVersion version;
  static JSONSchemaProps spec;

  final SpecValidator validator = new SpecValidator();
  int checks;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = GeneratedCrdTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE + " on the test classpath (written at process-classes)").isNotNull();
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    version = crd.getSpec().getVersions().get(0);
    spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
  }

  @Test
  void namesTheResourceAsDesigned() {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    assertThat(crd.getMetadata().getName()).isEqualTo("thirdpartyintegrations.integrations.mdbops.io")
        .isEqualTo(ThirdPartyIntegration.CRD_NAME);
    assertThat(crd.getSpec().getGroup()).isEqualTo("integrations.mdbops.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(names.getKind()).isEqualTo("ThirdPartyIntegration");
    assertThat(names.getPlural()).isEqualTo("thirdpartyintegrations");
    assertThat(names.getSingular()).isEqualTo("thirdpartyintegration");
    assertThat(names.getShortNames()).containsExactly("tpi");
    assertThat(names.getCategories()).containsExactly("mdbops");
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
  }

  @Test
  void hasAStatusSubresource() {
    assertThat(version.getSubresources()).isNotNull();
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getSubresources().getScale()).isNull();
  }

  @Test
  void printsTypeProjectReadyReasonAge() {
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName,
            CustomResourceColumnDefinition::getJsonPath, CustomResourceColumnDefinition::getType,
            CustomResourceColumnDefinition::getPriority)
        .containsExactly(
            tuple("Type", ".spec.type", "string", 0),
            tuple("Project", ".spec.projectId", "string", 0),
            tuple("Ready", ".status.conditions[?(@.type==\"Ready\")].status", "string", 0),
            tuple("Reason", ".status.conditions[?(@.type==\"Ready\")].reason", "string", 0),
            tuple("Age", ".metadata.creationTimestamp", "date", 0));
  }

  @Test
  void requiresProjectIdAndTypeAndPatternsTheNames() {
    assertThat(spec.getRequired()).containsExactlyInAnyOrder("projectId", "type");
    assertThat(spec.getProperties().get("projectId").getPattern()).isEqualTo(FieldPatterns.PROJECT_ID);
    assertThat(spec.getProperties().get("projectId").getType()).isEqualTo("string");
    JSONSchemaProps ref = spec.getProperties().get("pagerDuty").getProperties().get("serviceKeySecretRef");
    assertThat(ref.getRequired()).containsExactlyInAnyOrder("name", "key");
    assertThat(ref.getProperties().get("name").getPattern()).isEqualTo(FieldPatterns.SUBDOMAIN);
    assertThat(ref.getProperties().get("name").getMaxLength()).isEqualTo(253L);
    assertThat(ref.getProperties().get("key").getPattern()).isEqualTo(FieldPatterns.SECRET_KEY);
    assertThat(spec.getProperties().get("connectionSecretRef").getProperties().get("name").getPattern())
        .isEqualTo(FieldPatterns.SUBDOMAIN);
  }

  @Test
  void requiresInEachBlockWhatTheApiRequires() {
    Map<String, List<String>> required = new LinkedHashMap<>();
    for (IntegrationType type : IntegrationType.values()) {
      List<String> fields = spec.getProperties().get(type.blockName()).getRequired();
      required.put(type.blockName(), fields == null ? List.of() : fields.stream().sorted().toList());
    }
    assertThat(required).containsExactly(
        Map.entry("pagerDuty", List.of("serviceKeySecretRef")),
        Map.entry("slack", List.of("apiTokenSecretRef", "teamName")),
        Map.entry("datadog", List.of("apiKeySecretRef")),
        Map.entry("opsGenie", List.of("apiKeySecretRef")),
        Map.entry("victorOps", List.of("apiKeySecretRef")),
        Map.entry("webhook", List.of("urlSecretRef")),
        Map.entry("microsoftTeams", List.of("webhookUrlSecretRef")),
        // listenAddress and scheme: required on Cloud/Ops Manager, refused on Atlas (the operator checks which)
        Map.entry("prometheus", List.of("enabled", "passwordSecretRef", "serviceDiscovery", "username")),
        Map.entry("newRelic", List.of("accountId", "licenseKeySecretRef", "readTokenSecretRef",
            "writeTokenSecretRef")));
  }

  @Test
  void offersExactlyTheNineTypesAndSaysWhyNotHipChatOrFlowdock() {
    JSONSchemaProps type = spec.getProperties().get("type");
    List<String> values = type.getEnum().stream().map(JsonNode::asText).toList();

    assertThat(values).hasSize(9).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(IntegrationType.values()).map(Enum::name).toList());
    assertThat(values).doesNotContain("HIP_CHAT", "FLOWDOCK");
    assertThat(type.getDescription()).contains("HIP_CHAT", "FLOWDOCK", "shut down");
  }

  @Test
  void makesProjectIdAndTypeImmutable() {
    for (String field : List.of("projectId", "type")) {
      assertThat(spec.getProperties().get(field).getXKubernetesValidations()).as(field)
          .singleElement()
          .satisfies(rule -> {
            assertThat(rule.getRule()).isEqualTo("self == oldSelf");
            assertThat(rule.getMessage()).isEqualTo(field + " is immutable; create a new resource instead");
          });
    }
  }

  @Test
  void everyPropertyHasADescriptionForKubectlExplain() {
    List<String> undescribed = new ArrayList<>();
    int described = walk("", version.getSchema().getOpenAPIV3Schema(), undescribed);

    assertThat(undescribed).as("schema nodes without a description").isEmpty();
    assertThat(described).as("schema nodes visited").isGreaterThan(60);
  }

  /** Counts the nodes under {@code path} and lists those whose description is blank. */
  static int walk(String path, JSONSchemaProps node, List<String> undescribed) {
    int count = 1;
    if (node.getDescription() == null || node.getDescription().isBlank()) {
      undescribed.add(path.isEmpty() ? "(root)" : path);
    }
    if (node.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> property : node.getProperties().entrySet()) {
        count += walk(path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
            property.getValue(), undescribed);
      }
    }
    if (node.getItems() != null && node.getItems().getSchema() != null) {
      JSONSchemaProps items = node.getItems().getSchema();
      // list items are explained by the list's own description; their fields need their own
      if (items.getProperties() != null) {
        for (Map.Entry<String, JSONSchemaProps> property : items.getProperties().entrySet()) {
          count += walk(path + "[]." + property.getKey(), property.getValue(), undescribed);
        }
      }
    }
    if (node.getAdditionalProperties() != null && node.getAdditionalProperties().getSchema() != null) {
      count += walk(path + "{}", node.getAdditionalProperties().getSchema(), undescribed);
    }
    return count;
  }

  // ---- the CEL rules, and the Java validator meaning the same

  static final Pattern BLOCK_CLAUSE =
      Pattern.compile("\\(self\\.type == '([A-Z_]+)'\\) == has\\(self\\.([A-Za-z]+)\\)");

  /** The exactly-matching-block rule, read as TYPE -> block, clause by clause. */
  static Map<String, String> blockRuleClauses() {
    assertThat(spec.getXKubernetesValidations()).singleElement();
    ValidationRule rule = spec.getXKubernetesValidations().get(0);
    Map<String, String> clauses = new LinkedHashMap<>();
    for (String clause : rule.getRule().split(" && ")) {
      Matcher m = BLOCK_CLAUSE.matcher(clause);
      assertThat(m.matches()).as("clause of the block rule: " + clause).isTrue();
      assertThat(clauses.put(m.group(1), m.group(2))).as("second clause for " + m.group(1)).isNull();
    }
    return clauses;
  }

  @Test
  void theBlockRuleNamesEachTypeWithItsBlock() {
    Map<String, String> expected = Arrays.stream(IntegrationType.values())
        .collect(Collectors.toMap(Enum::name, IntegrationType::blockName));
    ValidationRule rule = spec.getXKubernetesValidations().get(0);

    assertThat(blockRuleClauses()).hasSize(9).isEqualTo(expected);
    assertThat(rule.getReason()).isEqualTo("FieldValueInvalid");
    expected.forEach((type, block) -> assertThat(rule.getMessage()).contains(type + ": " + block));
  }

  /**
   * For every type and every set of blocks (9 x 512), the rule as written accepts the spec exactly
   * when the Java validator finds nothing: the two mean the same.
   */
  @Test
  void theValidatorAgreesWithTheBlockRuleOnEveryCombination() {
    Map<String, String> clauses = blockRuleClauses();
    IntegrationType[] types = IntegrationType.values();
    Map<IntegrationType, Object> blocks = new LinkedHashMap<>();
    for (IntegrationType t : types) {
      blocks.put(t, ValidResources.block(t));
    }
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    for (IntegrationType type : types) {
      for (int mask = 0; mask < 1 << types.length; mask++) {
        ThirdPartyIntegrationSpec s = new ThirdPartyIntegrationSpec();
        s.setProjectId(ValidResources.PROJECT_ID);
        s.setType(type);
        Set<String> present = new HashSet<>();
        for (int i = 0; i < types.length; i++) {
          if ((mask & 1 << i) != 0) {
            ValidResources.setBlock(s, types[i], blocks.get(types[i]));
            present.add(types[i].blockName());
          }
        }
        boolean celAccepts = clauses.entrySet().stream()
            .allMatch(c -> c.getKey().equals(type.name()) == present.contains(c.getValue()));
        boolean javaAccepts = validator.validate(ValidResources.resource(s)).isEmpty();
        accepted += celAccepts ? 1 : 0;
        if (celAccepts != javaAccepts) {
          disagreements.add(type + " with " + present + ": CEL " + celAccepts + ", Java " + javaAccepts);
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(accepted).as("combinations the rule accepts: one per type").isEqualTo(9);
  }

  static final Pattern HTTPS_RULE = Pattern.compile(
      "!has\\(self\\.scheme\\) \\|\\| self\\.scheme != '(\\w+)' \\|\\| \\(has\\(self\\.(\\w+)\\) && size\\(self\\.\\2\\) > 0\\)");

  @Test
  void theValidatorAgreesWithThePrometheusHttpsRule() {
    JSONSchemaProps prometheus = spec.getProperties().get("prometheus");
    assertThat(prometheus.getXKubernetesValidations()).singleElement();
    ValidationRule rule = prometheus.getXKubernetesValidations().get(0);
    Matcher m = HTTPS_RULE.matcher(rule.getRule());
    assertThat(m.matches()).as(rule.getRule()).isTrue();
    assertThat(m.group(1)).isEqualTo("https");
    assertThat(m.group(2)).isEqualTo("tlsPemPath");
    assertThat(rule.getMessage()).contains("tlsPemPath", "https");

    int rows = 0;
    for (String scheme : List.of("http", "https")) {
      for (String path : Arrays.asList(null, "", "/etc/mongodb/prometheus.pem")) {
        boolean celAccepts = !scheme.equals(m.group(1)) || (path != null && !path.isEmpty());
        ThirdPartyIntegration resource = edit(ValidResources.of(IntegrationType.PROMETHEUS),
            set("prometheus.scheme", scheme));
        resource = edit(resource, path == null ? remove("prometheus.tlsPemPath")
            : set("prometheus.tlsPemPath", path));
        assertThat(validator.validate(resource).isEmpty()).as(scheme + " with " + path)
            .isEqualTo(celAccepts);
        rows++;
      }
    }
    assertThat(rows).isEqualTo(6);
  }

  // ---- the schema's field constraints, and the Java validator enforcing the same

  /**
   * Walks the spec schema as it applies to one type (its block, projectId, type, the connection
   * and deletion policy) and breaks each constraint in turn: every required field removed, every
   * string made too long, too short or off-pattern must give a message about that field; every
   * optional field removed, and every string at its maxLength, must give none.
   */
  @ParameterizedTest
  @EnumSource(IntegrationType.class)
  void theValidatorEnforcesTheSchemasFieldConstraints(IntegrationType type) {
    ThirdPartyIntegration base = edit(ValidResources.of(type), set("connectionSecretRef.name", "ops"));
    if (type == IntegrationType.PROMETHEUS) {
      base = edit(base, set("prometheus.scheme", "http")); // tlsPemPath optional then: see the CEL test
    }
    List<String> disagreements = new ArrayList<>();
    checks = 0;
    for (Map.Entry<String, JSONSchemaProps> property : spec.getProperties().entrySet()) {
      String name = property.getKey();
      boolean otherBlock = EnumSet.allOf(IntegrationType.class).stream()
          .anyMatch(t -> t != type && t.blockName().equals(name));
      // the type's own block is required too, by the CEL rule
      boolean required = spec.getRequired().contains(name) || name.equals(type.blockName());
      if (!otherBlock) {
        breakEach(base, name, property.getValue(), required, disagreements);
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(checks).as("constraints broken").isGreaterThanOrEqualTo(20);
  }

  private void breakEach(ThirdPartyIntegration base, String path, JSONSchemaProps node,
      boolean required, List<String> disagreements) {
    expect(base, remove(path), required, path + " removed", path, disagreements);
    if ("string".equals(node.getType()) && (node.getEnum() == null || node.getEnum().isEmpty())) {
      String valid = node.getPattern() == null || node.getPattern().equals(FieldPatterns.SUBDOMAIN)
          || node.getPattern().equals(FieldPatterns.SECRET_KEY) ? "a" : null;
      if (node.getMaxLength() != null && valid != null) {
        int max = node.getMaxLength().intValue();
        expect(base, set(path, valid.repeat(max)), false, path + " at maxLength", path, disagreements);
        expect(base, set(path, valid.repeat(max + 1)), true, path + " over maxLength", path, disagreements);
      }
      if (node.getMinLength() != null && node.getMinLength() == 1) {
        expect(base, set(path, ""), true, path + " empty", path, disagreements);
      }
      if (node.getPattern() != null) {
        expect(base, set(path, "-Not A Name-"), true, path + " off-pattern", path, disagreements);
      }
    }
    if (node.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> child : node.getProperties().entrySet()) {
        boolean childRequired = node.getRequired() != null && node.getRequired().contains(child.getKey());
        breakEach(base, path + "." + child.getKey(), child.getValue(), childRequired, disagreements);
      }
    }
  }

  private void expect(ThirdPartyIntegration base,
      Consumer<ObjectNode> change,
      boolean problem, String what, String path, List<String> disagreements) {
    checks++;
    List<String> problems = validator.validate(edit(base, change));
    boolean aboutPath = problems.stream().anyMatch(m -> m.startsWith("spec." + path + " ")
        || m.contains(" spec." + path + " "));
    if (problem ? !aboutPath : !problems.isEmpty()) {
      disagreements.add(what + ": expected " + (problem ? "a problem with spec." + path : "none")
          + ", got " + problems);
    }
  }
}
