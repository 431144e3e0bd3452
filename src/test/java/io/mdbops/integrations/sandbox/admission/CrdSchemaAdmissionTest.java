package io.mdbops.integrations.sandbox.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's API admits ThirdPartyIntegrations as a real API server would, from the CRD the build
 * generates: every CEL rule in it and every kind of schema constraint in it refuses what it should,
 * in the server's words, and lets a valid object through. Rules and constraint kinds are read from the
 * CRD file, so one added without a case here fails this test.
 */
class CrdSchemaAdmissionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT = "5e2211c17a3e5a48f5497de3";
  private static final AtomicInteger NAMES = new AtomicInteger();

  static EmbeddedKubernetes kube;
  static RawApi api;

  @BeforeAll
  static void start() {
    kube = EmbeddedKubernetes.startForKubectl(0);
    api = new RawApi(kube.url());
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  /** The smallest valid block for each type. */
  static final Map<String, String> BLOCKS = Map.of(
      "PAGER_DUTY", "{\"pagerDuty\":{\"serviceKeySecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}",
      "SLACK", "{\"slack\":{\"apiTokenSecretRef\":{\"name\":\"s\",\"key\":\"k\"},\"teamName\":\"t\"}}",
      "DATADOG", "{\"datadog\":{\"apiKeySecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}",
      "OPS_GENIE", "{\"opsGenie\":{\"apiKeySecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}",
      "VICTOR_OPS", "{\"victorOps\":{\"apiKeySecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}",
      "WEBHOOK", "{\"webhook\":{\"urlSecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}",
      "MICROSOFT_TEAMS", "{\"microsoftTeams\":{\"webhookUrlSecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}",
      "PROMETHEUS", "{\"prometheus\":{\"enabled\":true,\"listenAddress\":\"0.0.0.0:9216\",\"username\":\"u\","
          + "\"scheme\":\"http\",\"serviceDiscovery\":\"http\",\"passwordSecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}",
      "NEW_RELIC", "{\"newRelic\":{\"accountId\":\"1\",\"licenseKeySecretRef\":{\"name\":\"s\",\"key\":\"k\"},"
          + "\"readTokenSecretRef\":{\"name\":\"s\",\"key\":\"k\"},\"writeTokenSecretRef\":{\"name\":\"s\",\"key\":\"k\"}}}");

  static ObjectNode valid(String type) {
    ObjectNode tpi = JSON.createObjectNode().put("apiVersion", "integrations.mdbops.io/v1alpha1")
        .put("kind", "ThirdPartyIntegration");
    tpi.putObject("metadata").put("name", "t" + NAMES.incrementAndGet()).put("namespace", "demo");
    ObjectNode spec = tpi.putObject("spec").put("projectId", PROJECT).put("type", type);
    try {
      spec.setAll((ObjectNode) JSON.readTree(BLOCKS.get(type)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return tpi;
  }

  static ObjectNode validWebhook(Consumer<ObjectNode> edit) {
    ObjectNode tpi = valid("WEBHOOK");
    edit.accept((ObjectNode) tpi.get("spec"));
    return tpi;
  }

  static String name(JsonNode tpi) {
    return tpi.at("/metadata/name").asText();
  }

  @Test
  void aValidIntegrationOfEachTypeIsAcceptedAndDefaulted() {
    for (String type : BLOCKS.keySet()) {
      RawApi.Answer created = api.post("?fieldValidation=Strict", valid(type));
      assertThat(created.code()).as(type + ": " + created.body()).isEqualTo(201);
      assertThat(created.warnings()).isEmpty();
      assertThat(api.get(name(created.body())).body().at("/spec/deletionPolicy").asText()).isEqualTo("Delete");
    }
  }

  // ---- every CEL rule

  /** Per rule (by the field it is on): an object, or an update of one, that breaks it, and the same made right. */
  interface RuleCase {
    RawApi.Answer breakIt();

    RawApi.Answer keepIt();
  }

  static final Map<String, RuleCase> RULE_CASES = Map.of(
      "spec", new RuleCase() {
        public RawApi.Answer breakIt() {
          return api.post("", validWebhook(s -> s.setAll(block("SLACK"))));
        }

        public RawApi.Answer keepIt() {
          return api.post("", valid("SLACK"));
        }
      },
      "spec.projectId", new RuleCase() {
        public RawApi.Answer breakIt() {
          String n = name(api.post("", valid("WEBHOOK")).body());
          return api.mergePatch(n, "", "{\"spec\":{\"projectId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\"}}");
        }

        public RawApi.Answer keepIt() {
          String n = name(api.post("", valid("WEBHOOK")).body());
          return api.mergePatch(n, "", "{\"spec\":{\"projectId\":\"" + PROJECT + "\",\"deletionPolicy\":\"Retain\"}}");
        }
      },
      "spec.type", new RuleCase() {
        public RawApi.Answer breakIt() {
          String n = name(api.post("", valid("WEBHOOK")).body());
          return api.mergePatch(n, "", "{\"spec\":{\"type\":\"SLACK\",\"webhook\":null," + BLOCKS.get("SLACK")
              .substring(1, BLOCKS.get("SLACK").length() - 1) + "}}");
        }

        public RawApi.Answer keepIt() {
          String n = name(api.post("", valid("WEBHOOK")).body());
          return api.mergePatch(n, "", "{\"spec\":{\"type\":\"WEBHOOK\"}}");
        }
      },
      "spec.prometheus", new RuleCase() {
        public RawApi.Answer breakIt() {
          ObjectNode tpi = valid("PROMETHEUS");
          ((ObjectNode) tpi.at("/spec/prometheus")).put("scheme", "https");
          return api.post("", tpi);
        }

        public RawApi.Answer keepIt() {
          ObjectNode tpi = valid("PROMETHEUS");
          ((ObjectNode) tpi.at("/spec/prometheus")).put("scheme", "https").put("tlsPemPath", "/etc/prom.pem");
          return api.post("", tpi);
        }
      });

  static ObjectNode block(String type) {
    try {
      return (ObjectNode) JSON.readTree(BLOCKS.get(type));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyCelRuleInTheCrdRefusesWhatBreaksItAndAcceptsWhatKeepsIt() throws IOException {
    List<CelRules.Rule> rules = new CelRules(crdSchema()).rules();
    assertThat(rules).as("rules in the CRD").isNotEmpty();
    for (CelRules.Rule rule : rules) {
      RuleCase c = RULE_CASES.get(rule.field());
      assertThat(c).as("a case for the CEL rule on %s (%s): add one to RULE_CASES", rule.field(), rule.expression())
          .isNotNull();
      RawApi.Answer refused = c.breakIt();
      assertThat(refused.code()).as(rule.field() + ": " + refused.body()).isEqualTo(422);
      String shownValue = "\"" + rule.schemaType() + "\"";
      assertThat(refused.causes()).as(rule.field())
          .containsExactly(rule.field() + ": Invalid value: " + shownValue + ": " + rule.message());
      assertThat(refused.body().at("/details/causes/0/reason").asText()).isEqualTo("FieldValueInvalid");
      RawApi.Answer kept = c.keepIt();
      assertThat(kept.code()).as(rule.field() + " kept: " + kept.body()).isIn(200, 201, 202);
    }
    assertThat(RULE_CASES.keySet()).as("cases for rules no longer in the CRD")
        .containsExactlyInAnyOrderElementsOf(rules.stream().map(CelRules.Rule::field).toList());
  }

  @Test
  void theRefusalIsTheServersStatusObjectAndMessage() {
    ObjectNode tpi = validWebhook(s -> s.put("projectId", "ABC").put("deletionPolicy", "Retian"));
    RawApi.Answer refused = api.post("", tpi);
    JsonNode status = refused.body();
    assertThat(refused.code()).isEqualTo(422);
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(status.get("status").asText()).isEqualTo("Failure");
    assertThat(status.get("reason").asText()).isEqualTo("Invalid");
    assertThat(status.get("code").asInt()).isEqualTo(422);
    assertThat(status.at("/details/name").asText()).isEqualTo(name(tpi));
    assertThat(status.at("/details/group").asText()).isEqualTo("integrations.mdbops.io");
    assertThat(status.at("/details/kind").asText()).isEqualTo("ThirdPartyIntegration");
    assertThat(status.get("message").asText()).isEqualTo("ThirdPartyIntegration.integrations.mdbops.io \""
        + name(tpi) + "\" is invalid: [spec.deletionPolicy: Unsupported value: \"Retian\": supported values:"
        + " \"Delete\", \"Retain\", spec.projectId: Invalid value: \"ABC\": spec.projectId in body should match"
        + " '^[0-9a-f]{24}$', <nil>: Invalid value: \"null\": some validation rules were not checked because the"
        + " object was invalid; correct the existing errors to complete validation]");
    assertThat(status.at("/details/causes/0/reason").asText()).isEqualTo("FieldValueNotSupported");
    assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("spec.deletionPolicy");
    assertThat(api.get(name(tpi)).code()).isEqualTo(404);
  }

  // ---- every kind of schema constraint

  /** Per constraint kind: an object that breaks one such constraint, and the cause the server reports. */
  static final Map<String, Map.Entry<ObjectNode, String>> CONSTRAINT_CASES = new LinkedHashMap<>();

  static {
    CONSTRAINT_CASES.put("required", Map.entry(validWebhook(s -> s.remove("projectId")),
        "spec.projectId: Required value"));
    CONSTRAINT_CASES.put("enum", Map.entry(validWebhook(s -> s.put("type", "HIP_CHAT")),
        "spec.type: Unsupported value: \"HIP_CHAT\": supported values: \"DATADOG\", \"MICROSOFT_TEAMS\","
            + " \"NEW_RELIC\", \"OPS_GENIE\", \"PAGER_DUTY\", \"PROMETHEUS\", \"SLACK\", \"VICTOR_OPS\", \"WEBHOOK\""));
    CONSTRAINT_CASES.put("pattern", Map.entry(validWebhook(s -> s.putObject("connectionSecretRef").put("name", "Mdb_Api")),
        "spec.connectionSecretRef.name: Invalid value: \"Mdb_Api\": spec.connectionSecretRef.name in body should match"
            + " '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'"));
    CONSTRAINT_CASES.put("minLength", Map.entry(
        validWebhook(s -> ((ObjectNode) s.at("/webhook/urlSecretRef")).put("key", "")),
        "spec.webhook.urlSecretRef.key: Invalid value: \"\": spec.webhook.urlSecretRef.key in body should be at least"
            + " 1 chars long"));
    CONSTRAINT_CASES.put("maxLength", Map.entry(
        validWebhook(s -> s.putObject("connectionSecretRef").put("name", "a".repeat(254))),
        "spec.connectionSecretRef.name: Too long: may not be more than 253 bytes"));
    CONSTRAINT_CASES.put("type", Map.entry(validWebhook(s -> s.put("deletionPolicy", 1)),
        "spec.deletionPolicy: Invalid value: \"integer\": spec.deletionPolicy in body must be of type string:"
            + " \"integer\""));
  }

  @Test
  void everyKindOfSchemaConstraintInTheCrdRefusesWhatBreaksIt() throws IOException {
    Set<String> kinds = new TreeSet<>();
    // what a create or update is checked against: the spec (status goes through /status only)
    constraintKinds(crdSchema().path("properties").path("spec"), kinds);
    assertThat(CONSTRAINT_CASES.keySet()).as("a case per constraint kind the CRD uses").containsAll(kinds);
    for (Map.Entry<String, Map.Entry<ObjectNode, String>> c : CONSTRAINT_CASES.entrySet()) {
      RawApi.Answer refused = api.post("", c.getValue().getKey());
      assertThat(refused.code()).as(c.getKey() + ": " + refused.body()).isEqualTo(422);
      assertThat(refused.causes()).as(c.getKey()).contains(c.getValue().getValue());
    }
  }

  /** The validating keywords the schema uses (descriptions, defaults and the like left out). */
  private static void constraintKinds(JsonNode schema, Set<String> kinds) {
    schema.fieldNames().forEachRemaining(k -> {
      if (Set.of("required", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems",
          "maxItems", "minProperties", "maxProperties", "format", "multipleOf", "uniqueItems", "type",
          "x-kubernetes-list-type", "nullable").contains(k)) {
        kinds.add(k);
      }
    });
    schema.path("properties").forEach(p -> constraintKinds(p, kinds));
    if (schema.has("items")) {
      constraintKinds(schema.get("items"), kinds);
    }
  }

  @Test
  void aBlockingSchemaErrorStopsTheCelRulesAsOnARealServer() {
    RawApi.Answer refused = api.post("", validWebhook(s -> {
      s.remove("webhook");
      s.put("type", "NOPE");
    }));
    assertThat(refused.causes()).containsExactly(
        "spec.type: Unsupported value: \"NOPE\": supported values: \"DATADOG\", \"MICROSOFT_TEAMS\", \"NEW_RELIC\","
            + " \"OPS_GENIE\", \"PAGER_DUTY\", \"PROMETHEUS\", \"SLACK\", \"VICTOR_OPS\", \"WEBHOOK\"",
        "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid;"
            + " correct the existing errors to complete validation");
  }

  // ---- unknown fields

  @Test
  void underStrictAnUnknownFieldIsABadRequestOnCreateAndAnInvalidPatchOnPatch() {
    ObjectNode tpi = validWebhook(s -> s.put("deletionpolicy", "Retain"));
    RawApi.Answer refused = api.post("?fieldValidation=Strict", tpi);
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.body().get("reason").asText()).isEqualTo("BadRequest");
    assertThat(refused.body().get("message").asText()).isEqualTo("ThirdPartyIntegration in version \"v1alpha1\""
        + " cannot be handled as a ThirdPartyIntegration: strict decoding error: unknown field \"spec.deletionpolicy\"");

    String n = name(api.post("", valid("DATADOG")).body());
    RawApi.Answer patch = api.mergePatch(n, "?fieldValidation=Strict", "{\"spec\":{\"datadog\":{\"regoin\":\"EU\"}}}");
    assertThat(patch.code()).isEqualTo(422);
    assertThat(patch.body().get("message").asText()).startsWith(" \"\" is invalid: patch: Invalid value: \"{")
        .endsWith("\": strict decoding error: unknown field \"spec.datadog.regoin\"");
    assertThat(api.get(n).body().at("/spec/datadog").has("regoin")).isFalse();
  }

  @Test
  void underWarnOrWithoutTheParameterAnUnknownFieldIsDroppedWithAWarningAndUnderIgnoreSilently() {
    for (String query : List.of("?fieldValidation=Warn", "")) {
      ObjectNode tpi = validWebhook(s -> ((ObjectNode) s.get("webhook")).putObject("signingSecretref")
          .put("name", "s").put("key", "k"));
      RawApi.Answer created = api.post(query, tpi);
      assertThat(created.code()).as(query).isEqualTo(201);
      assertThat(created.warnings()).containsExactly("299 - \"unknown field \\\"spec.webhook.signingSecretref\\\"\"");
      assertThat(api.get(name(tpi)).body().at("/spec/webhook").has("signingSecretref")).isFalse();
    }
    String n = name(api.post("", valid("DATADOG")).body());
    RawApi.Answer patched = api.mergePatch(n, "?fieldValidation=Ignore", "{\"spec\":{\"datadog\":{\"regoin\":\"EU\"}}}");
    assertThat(patched.code()).isIn(200, 202); // the mock store answers a patch with 202
    assertThat(patched.warnings()).isEmpty();
    assertThat(api.get(n).body().at("/spec/datadog").has("regoin")).isFalse();
  }

  @Test
  void aServerDryRunIsAdmittedButNotStored() {
    ObjectNode tpi = valid("SLACK");
    assertThat(api.post("?dryRun=All&fieldValidation=Strict", tpi).code()).isEqualTo(201);
    assertThat(api.get(name(tpi)).code()).isEqualTo(404);
  }

  @Test
  void theEndToEndHarnessKindStoresWhatARealServerWouldRefuse() {
    try (EmbeddedKubernetes plain = EmbeddedKubernetes.start(0)) {
      RawApi raw = new RawApi(plain.url());
      ObjectNode tpi = validWebhook(s -> s.put("projectId", "not-hex").put("bogus", 1));
      assertThat(raw.post("?fieldValidation=Strict", tpi).code()).isEqualTo(201);
      assertThat(raw.get(name(tpi)).body().at("/spec/bogus").asInt()).isEqualTo(1);
    }
  }

  static JsonNode crdSchema() throws IOException {
    try (InputStream in = CrdSchemaAdmissionTest.class.getResourceAsStream(EmbeddedKubernetes.CRD_RESOURCE)) {
      JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<JsonNode> schemas = new ArrayList<>();
      crd.at("/spec/versions").forEach(v -> schemas.add(v.at("/schema/openAPIV3Schema")));
      return schemas.get(0);
    }
  }
}
