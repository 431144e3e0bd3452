package io.mdbops.integrations.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PagerDutyRegion;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceParserTest {

  static final String VALID = resource("validation/pagerduty.yaml");
  static final String TYPES =
      "PAGER_DUTY, SLACK, DATADOG, OPS_GENIE, VICTOR_OPS, WEBHOOK, MICROSOFT_TEAMS, PROMETHEUS,"
          + " NEW_RELIC";
  static final String SPEC_FIELDS = "connectionSecretRef, datadog, deletionPolicy, managementPolicy,"
      + " microsoftTeams, newRelic, opsGenie, pagerDuty, projectId, prometheus, slack, type, victorOps, webhook";
  static final String BLOCK = "  pagerDuty:\n    region: US\n"
      + "    serviceKeySecretRef: {name: pagerduty, key: serviceKey}\n";

  @Test
  void readsAValidResource() {
    ResourceParser.Result result = ResourceParser.parse(VALID);

    assertThat(result.problems()).isEmpty();
    assertThat(result.valid()).isTrue();
    ThirdPartyIntegration resource = result.resource();
    assertThat(resource.getMetadata().getName()).isEqualTo("payments-pagerduty");
    assertThat(resource.getSpec().getType()).isEqualTo(IntegrationType.PAGER_DUTY);
    assertThat(resource.getSpec().getProjectId()).isEqualTo("5e2211c17a3e5a48f5497de3");
    assertThat(resource.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Delete);
    assertThat(resource.getSpec().getPagerDuty().getRegion()).isEqualTo(PagerDutyRegion.US);
    assertThat(resource.getSpec().getPagerDuty().getServiceKeySecretRef().getKey())
        .isEqualTo("serviceKey");
  }

  @Test
  void readsJsonToo() {
    String json = "{\"apiVersion\": \"integrations.mdbops.io/v1alpha1\", \"kind\":"
        + " \"ThirdPartyIntegration\", \"metadata\": {\"name\": \"x\"}, \"spec\": {\"projectId\": 5,"
        + " \"type\": \"SLACK\", \"slack\": {\"teamName\": true, \"apiTokenSecretRef\":"
        + " {\"name\": \"slack\", \"key\": \"token\"}}}}";

    assertThat(ResourceParser.parse(json).problems()).containsExactly(
        "spec.projectId must be a string, not a number: put the value in quotes",
        "spec.slack.teamName must be a string, not a boolean: put the value in quotes");
  }

  @Test
  void readsAYamlFlowMappingThatLooksLikeJson() {
    String flow = "{apiVersion: integrations.mdbops.io/v1alpha1, kind: ThirdPartyIntegration,"
        + " metadata: {name: x}, spec: {projectId: '5e2211c17a3e5a48f5497de3', type: DATADOG,"
        + " datadog: {apiKeySecretRef: {name: datadog, key: apiKey}}}}";

    assertThat(ResourceParser.parse(flow).valid()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void reportsWhatAnApiServerWithTheCrdWouldReject(String name, String document, List<String> expected) {
    ResourceParser.Result result = ResourceParser.parse(document);

    assertThat(result.problems()).containsExactlyElementsOf(expected);
    assertThat(result.valid()).isFalse();
    assertThat(result.problems()).allSatisfy(SpecValidatorTest::isSafeMessage);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        row("a retired type", edit("type: PAGER_DUTY", "type: HIP_CHAT"),
            "spec.type \"HIP_CHAT\" is not one of " + TYPES + "; HIP_CHAT and FLOWDOCK are not"
                + " offered: both services have been shut down"),
        row("a type in the wrong case", edit("type: PAGER_DUTY", "type: pager_duty"),
            "spec.type \"pager_duty\" is not one of " + TYPES + " (did you mean PAGER_DUTY?)"),
        row("a type given by number", edit("type: PAGER_DUTY", "type: 0"),
            "spec.type must be one of " + TYPES + ", not a number"),
        row("an empty type", edit("type: PAGER_DUTY", "type: \"\""),
            "spec.type must be one of " + TYPES + ", not an empty string"),
        row("a 10 kB type", edit("type: PAGER_DUTY", "type: " + "X".repeat(10_240)),
            "spec.type \"" + "X".repeat(40) + "\"... is not one of " + TYPES),
        row("a projectId YAML reads as a number",
            edit("5e2211c17a3e5a48f5497de3", "123456789012345678901234"),
            "spec.projectId must be a string, not a number: put the value in quotes"),
        row("a projectId YAML reads as a float", edit("5e2211c17a3e5a48f5497de3", "5e22"),
            "spec.projectId must be a string, not a number: put the value in quotes"),
        row("a region that is an object", edit("region: US", "region: {name: EU}"),
            "spec.pagerDuty.region must be one of US, EU, not an object"),
        row("a region YAML reads as a boolean", edit("region: US", "region: no"),
            "spec.pagerDuty.region must be one of US, EU, not a boolean"),
        row("Prometheus values of the wrong type and case", edit("type: PAGER_DUTY", "type: PROMETHEUS")
                .replace(BLOCK, "  prometheus: {username: u, listenAddress: ':9216', scheme: HTTPS,"
                    + " serviceDiscovery: 1, enabled: \"true\", tlsPemPath: /p.pem,"
                    + " passwordSecretRef: {name: p, key: k}}\n"),
            "spec.prometheus.scheme \"HTTPS\" is not one of http, https (did you mean https?)",
            "spec.prometheus.serviceDiscovery must be one of http, file, not a number",
            "spec.prometheus.enabled must be true or false, not a string"),
        row("a block name in the wrong case", edit("pagerDuty:", "pagerduty:"),
            "spec.pagerduty is not a known field (did you mean pagerDuty?)",
            "spec.type is PAGER_DUTY but spec.pagerDuty is not set; add spec.pagerDuty"),
        row("an unknown field", edit("  deletionPolicy: Delete", "  retries: 3\n  deletionPolicy: Delete"),
            "spec.retries is not a known field; the fields here are " + SPEC_FIELDS),
        row("a secret value inline", edit("{name: pagerduty, key: serviceKey}",
                "{name: pagerduty, key: serviceKey, value: s3cr3t-Value}"),
            "spec.pagerDuty.serviceKeySecretRef.value is not a known field; the fields here are"
                + " key, name"),
        row("an unknown field with a hostile name",
            edit("  deletionPolicy: Delete", "  \"a\\nb\\u202e${jndi:ldap://x}\": 1\n  deletionPolicy: Delete"),
            "spec.\"a\\nb\\u202e${jndi:ldap://x}\" is not a known field; the fields here are "
                + SPEC_FIELDS),
        row("spec a string", VALID.substring(0, VALID.indexOf("spec:")) + "spec: pagerduty\n",
            "spec must be an object, not a string"),
        row("spec empty", VALID.substring(0, VALID.indexOf("spec:")) + "spec: \"\"\n",
            "spec must be an object, not an empty string"),
        row("a block that is an empty string", edit(BLOCK, "  pagerDuty: \"\"\n"),
            "spec.pagerDuty must be an object, not an empty string"),
        row("a Secret reference as a string", edit("{name: pagerduty, key: serviceKey}", "pagerduty/serviceKey"),
            "spec.pagerDuty.serviceKeySecretRef must be an object, not a string"),
        row("a Secret reference as a list", edit("{name: pagerduty, key: serviceKey}", "[pagerduty]"),
            "spec.pagerDuty.serviceKeySecretRef must be an object, not a list"),
        row("a label that is a number", edit("{team: payments}", "{team: 5}"),
            "metadata.labels.team must be a string, not a number: put the value in quotes"),
        // an unknown condition reason is tolerated (read as null): a newer operator version may have
        // written it, and one unreadable status must not break the operator's cache
        row("status of the wrong shape", VALID + "status:\n  phase: Ready\n  conditions:"
                + " [{type: Ready, status: \"True\", reason: Fine}, \"\"]\n",
            "status.conditions[1] must be an object, not an empty string",
            "status.phase is not a known field; the fields here are apiProfile, appliedFields, appliedSecrets,"
                + " conditions, differences, driftCorrections, lastAppliedTime, maskedSecrets, notCompared,"
                + " observedGeneration, prometheus"),
        row("another kind", edit("kind: ThirdPartyIntegration", "kind: Secret"),
            "kind is \"Secret\"; it must be ThirdPartyIntegration"),
        row("no apiVersion", edit("apiVersion: integrations.mdbops.io/v1alpha1\n", ""),
            "apiVersion is missing; it must be integrations.mdbops.io/v1alpha1"),
        row("not an object", "- a\n- b\n",
            "the document must be an object: a ThirdPartyIntegration resource"),
        row("empty", "", "the document is empty"),
        row("JSON cut short", "{\"spec\": {\"projectId\": ",
            "the document is not valid JSON (line 1, column 24)"),
        row("a duplicate key in JSON", "{\"kind\": \"ThirdPartyIntegration\", \"kind\": \"Secret\"}",
            "kind appears twice (line 1, column 41); keep one"),
        row("problems of both kinds, each field once", edit("region: US", "region: APAC")
                .replace("5e2211c17a3e5a48f5497de3", "\"5e22\"").replace("key: serviceKey", "key: \"\"")
                .replace("type: PAGER_DUTY", "type: PAGER_DUTY\n  slack: \"\""),
            "spec.slack must be an object, not an empty string",
            "spec.pagerDuty.region \"APAC\" is not one of US, EU",
            "spec.projectId \"5e22\" must be 24 lower-case hexadecimal characters (the project id"
                + " from the project's URL)",
            "spec.pagerDuty.serviceKeySecretRef.key must not be empty"));
  }

  @Test
  void aDuplicateKeyIsNamedNotResolved() {
    List<String> problems =
        ResourceParser.parse(edit("  type: PAGER_DUTY", "  type: PAGER_DUTY\n  type: SLACK")).problems();

    assertThat(problems).singleElement().asString()
        .startsWith("spec.type appears twice (line 10, column ").endsWith("); keep one");
  }

  @Test
  void aSyntaxErrorGivesItsPlaceButNotTheDocumentsText() {
    String broken = edit("  type: PAGER_DUTY", "  type: PAGER_DUTY\n   token: s3cr3t-Value: x\n -");

    List<String> problems = ResourceParser.parse(broken).problems();

    assertThat(problems).singleElement().asString()
        .startsWith("the document is not valid YAML (line ").doesNotContain("s3cr3t");
  }

  @Test
  void stopsAfterTwentyUnreadableValues() {
    String conditions = String.join(", ", java.util.Collections.nCopies(25, "\"\""));

    ResourceParser.Result result = ResourceParser.parse(VALID + "status:\n  conditions: [" + conditions + "]\n");

    assertThat(result.resource()).isNull();
    assertThat(result.problems()).hasSize(21)
        .startsWith("status.conditions[0] must be an object, not an empty string",
            "status.conditions[1] must be an object, not an empty string")
        .endsWith("reading stopped after 20 unreadable values");
  }

  @Test
  void agreesWithTheValidatorOnAResourceItCanRead() {
    String document = edit("5e2211c17a3e5a48f5497de3", "ABC").replace("name: pagerduty", "name: PD");

    ResourceParser.Result result = ResourceParser.parse(document);

    assertThat(result.problems()).isEqualTo(new SpecValidator().validate(result.resource()))
        .hasSize(2).first().asString().startsWith("spec.projectId \"ABC\" must be 24");
  }

  static String edit(String from, String to) {
    assertThat(VALID).contains(from);
    return VALID.replace(from, to);
  }

  static Arguments row(String name, String document, String... expected) {
    return Arguments.of(name, document, Arrays.asList(expected));
  }

  static String resource(String name) {
    try (InputStream in = ResourceParserTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
