package io.mdbops.integrations.validation;

import static io.mdbops.integrations.validation.ValidResources.edit;
import static io.mdbops.integrations.validation.ValidResources.remove;
import static io.mdbops.integrations.validation.ValidResources.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SpecValidatorTest {

  static final IntegrationType PD = IntegrationType.PAGER_DUTY;
  static final String PROJECT_ID_RULE =
      " must be 24 lower-case hexadecimal characters (the project id from the project's URL)";
  static final String BAD_NAME = " is not a valid Secret name: use lower-case letters, digits,"
      + " '-' and '.', and start and end with a letter or digit";
  static final String BAD_KEY = " is not a valid Secret key: use only letters, digits, '-', '_'"
      + " and '.'";
  static final String REF = "spec.pagerDuty.serviceKeySecretRef";
  static final String A40 = "a".repeat(40);

  private final SpecValidator validator = new SpecValidator();

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void reportsEachProblemOnceWithItsFieldPath(
      String name, Supplier<ThirdPartyIntegration> resource, List<String> expected) {
    List<String> problems = validator.validate(resource.get());

    assertThat(problems).containsExactlyElementsOf(expected);
    assertThat(problems).allSatisfy(SpecValidatorTest::isSafeMessage);
  }

  static Stream<Arguments> malformed() {
    List<Arguments> rows = new ArrayList<>(List.of(
        row("spec missing", () -> ValidResources.resource(null),
            "spec is required: set spec.projectId, spec.type and the block named after the type"),
        row("projectId missing", pd(remove("projectId")),
            "spec.projectId is required: the project id from the project's URL, 24 lower-case"
                + " hexadecimal characters"),
        row("projectId short", pd(set("projectId", "5e22")),
            "spec.projectId \"5e22\"" + PROJECT_ID_RULE),
        row("projectId upper case", pd(set("projectId", "5E2211C17A3E5A48F5497DE3")),
            "spec.projectId \"5E2211C17A3E5A48F5497DE3\"" + PROJECT_ID_RULE),
        row("projectId not hex", pd(set("projectId", "5e2211c17a3e5a48f5497dzz")),
            "spec.projectId \"5e2211c17a3e5a48f5497dzz\"" + PROJECT_ID_RULE),
        row("projectId 25 digits", pd(set("projectId", "5e2211c17a3e5a48f5497de3a")),
            "spec.projectId \"5e2211c17a3e5a48f5497de3a\"" + PROJECT_ID_RULE),
        row("projectId empty", pd(set("projectId", "")),
            "spec.projectId \"\"" + PROJECT_ID_RULE),
        row("projectId with a trailing newline", pd(set("projectId", "5e2211c17a3e5a48f5497de3\n")),
            "spec.projectId \"5e2211c17a3e5a48f5497de3\\n\"" + PROJECT_ID_RULE),
        row("type missing, one block names it", pd(remove("type")),
            "spec.type is required: PAGER_DUTY to match spec.pagerDuty"),
        row("type missing, no block", pd(remove("type"), remove("pagerDuty")),
            "spec.type is required: one of PAGER_DUTY, SLACK, DATADOG, OPS_GENIE, VICTOR_OPS,"
                + " WEBHOOK, MICROSOFT_TEAMS, PROMETHEUS, NEW_RELIC"),
        row("type missing, two blocks", pd(remove("type"), block(IntegrationType.SLACK)),
            "spec.type is required: one of PAGER_DUTY, SLACK, DATADOG, OPS_GENIE, VICTOR_OPS,"
                + " WEBHOOK, MICROSOFT_TEAMS, PROMETHEUS, NEW_RELIC",
            "spec has 2 integration blocks (spec.pagerDuty, spec.slack); set only the one named by"
                + " spec.type"),
        row("an extra block", pd(block(IntegrationType.SLACK)),
            "spec.type is PAGER_DUTY but spec.slack is set; set only spec.pagerDuty"),
        row("two extra blocks", pd(block(IntegrationType.PROMETHEUS), block(IntegrationType.SLACK)),
            "spec.type is PAGER_DUTY but spec.slack is set; set only spec.pagerDuty",
            "spec.type is PAGER_DUTY but spec.prometheus is set; set only spec.pagerDuty"),
        row("the block of another type only", pd(remove("pagerDuty"), block(IntegrationType.WEBHOOK)),
            "spec.type is PAGER_DUTY but spec.pagerDuty is not set; add spec.pagerDuty",
            "spec.type is PAGER_DUTY but spec.webhook is set; set only spec.pagerDuty"),
        row("an extra block is checked too", pd(set("slack", Map.of("teamName", ""))),
            "spec.type is PAGER_DUTY but spec.slack is set; set only spec.pagerDuty",
            "spec.slack.apiTokenSecretRef is required: set name and key of a Secret in this namespace",
            "spec.slack.teamName must not be empty"),
        row("secret ref missing", pd(remove("pagerDuty.serviceKeySecretRef")),
            REF + " is required: set name and key of a Secret in this namespace"),
        row("secret ref name missing", pd(remove("pagerDuty.serviceKeySecretRef.name")),
            REF + ".name is required"),
        row("secret ref key missing", pd(remove("pagerDuty.serviceKeySecretRef.key")),
            REF + ".key is required"),
        row("secret ref empty", pd(set("pagerDuty.serviceKeySecretRef", Map.of())),
            REF + ".name is required", REF + ".key is required"),
        row("Secret name upper case", pd(set("pagerDuty.serviceKeySecretRef.name", "PagerDuty")),
            REF + ".name \"PagerDuty\"" + BAD_NAME),
        row("Secret name too long", pd(set("pagerDuty.serviceKeySecretRef.name", "a".repeat(254))),
            REF + ".name \"" + A40 + "\"... is 254 characters long; at most 253 are allowed"),
        row("Secret name with a slash", pd(set("pagerDuty.serviceKeySecretRef.name", "ops/pagerduty")),
            REF + ".name \"ops/pagerduty\"" + BAD_NAME),
        row("Secret name starting with a dot", pd(set("pagerDuty.serviceKeySecretRef.name", ".pd")),
            REF + ".name \".pd\"" + BAD_NAME),
        row("Secret name with two dots", pd(set("pagerDuty.serviceKeySecretRef.name", "pager..duty")),
            REF + ".name \"pager..duty\"" + BAD_NAME),
        row("Secret name ending with a dash", pd(set("pagerDuty.serviceKeySecretRef.name", "pd-")),
            REF + ".name \"pd-\"" + BAD_NAME),
        row("Secret name with an underscore", pd(set("pagerDuty.serviceKeySecretRef.name", "p_d")),
            REF + ".name \"p_d\"" + BAD_NAME),
        row("Secret name empty", pd(set("pagerDuty.serviceKeySecretRef.name", "")),
            REF + ".name must not be empty"),
        row("Secret key with a space", pd(set("pagerDuty.serviceKeySecretRef.key", "service key")),
            REF + ".key \"service key\"" + BAD_KEY),
        row("Secret key with a slash", pd(set("pagerDuty.serviceKeySecretRef.key", "keys/service")),
            REF + ".key \"keys/service\"" + BAD_KEY),
        row("Secret key empty", pd(set("pagerDuty.serviceKeySecretRef.key", "")),
            REF + ".key must not be empty"),
        row("Secret key too long", pd(set("pagerDuty.serviceKeySecretRef.key", "k".repeat(254))),
            REF + ".key \"" + "k".repeat(40) + "\"... is 254 characters long; at most 253 are"
                + " allowed"),
        row("Prometheus https without tlsPemPath", prometheus(remove("prometheus.tlsPemPath")),
            "spec.prometheus.tlsPemPath is required when spec.prometheus.scheme is https: the"
                + " absolute path of the PEM file (certificate and key) on the monitored hosts"),
        row("Prometheus https with an empty tlsPemPath", prometheus(set("prometheus.tlsPemPath", "")),
            "spec.prometheus.tlsPemPath is required when spec.prometheus.scheme is https: the"
                + " absolute path of the PEM file (certificate and key) on the monitored hosts"),
        row("Prometheus tlsPemPath too long", prometheus(set("prometheus.tlsPemPath", "/" + "p".repeat(4096))),
            "spec.prometheus.tlsPemPath \"/" + "p".repeat(39) + "\"... is 4097 characters long; at"
                + " most 4096 are allowed"),
        // scheme and listenAddress are required on Cloud/Ops Manager only: mapping.ProductSupport says so
        row("Prometheus enums and enabled missing", prometheus(remove("prometheus.scheme"),
                remove("prometheus.serviceDiscovery"), remove("prometheus.enabled")),
            "spec.prometheus.serviceDiscovery is required: http or file",
            "spec.prometheus.enabled is required: true or false"),
        row("Prometheus required strings empty or missing", prometheus(
                set("prometheus.username", ""), set("prometheus.listenAddress", ""),
                remove("prometheus.passwordSecretRef")),
            "spec.prometheus.username must not be empty",
            "spec.prometheus.passwordSecretRef is required: set name and key of a Secret in this"
                + " namespace",
            "spec.prometheus.listenAddress must not be empty"),
        row("Prometheus optional tlsPemPasswordSecretRef without name",
            prometheus(remove("prometheus.tlsPemPasswordSecretRef.name")),
            "spec.prometheus.tlsPemPasswordSecretRef.name is required"),
        row("Slack teamName empty", of(IntegrationType.SLACK, set("slack.teamName", "")),
            "spec.slack.teamName must not be empty"),
        row("Slack teamName missing", of(IntegrationType.SLACK, remove("slack.teamName")),
            "spec.slack.teamName is required"),
        row("Slack channelName too long", of(IntegrationType.SLACK, set("slack.channelName", "#" + "c".repeat(80))),
            "spec.slack.channelName \"#" + "c".repeat(39) + "\"... is 81 characters long; at most"
                + " 80 are allowed"),
        row("New Relic accountId too long", of(IntegrationType.NEW_RELIC, set("newRelic.accountId", "1".repeat(256))),
            "spec.newRelic.accountId \"" + "1".repeat(40) + "\"... is 256 characters long; at"
                + " most 255 are allowed"),
        row("New Relic refs missing", of(IntegrationType.NEW_RELIC, remove("newRelic.readTokenSecretRef"),
                remove("newRelic.writeTokenSecretRef.key"), remove("newRelic.accountId")),
            "spec.newRelic.accountId is required",
            "spec.newRelic.writeTokenSecretRef.key is required",
            "spec.newRelic.readTokenSecretRef is required: set name and key of a Secret in this"
                + " namespace"),
        row("VictorOps routingKey too long", of(IntegrationType.VICTOR_OPS, set("victorOps.routingKey", "r".repeat(256))),
            "spec.victorOps.routingKey \"" + "r".repeat(40) + "\"... is 256 characters long; at"
                + " most 255 are allowed"),
        row("Webhook signingSecretRef without key", of(IntegrationType.WEBHOOK, remove("webhook.signingSecretRef.key")),
            "spec.webhook.signingSecretRef.key is required"),
        row("connectionSecretRef without name", pd(set("connectionSecretRef", Map.of())),
            "spec.connectionSecretRef.name is required: the Secret with the API connection; or"
                + " remove spec.connectionSecretRef to use the operator's default connection"),
        row("connectionSecretRef bad name", pd(set("connectionSecretRef.name", "Ops_Manager")),
            "spec.connectionSecretRef.name \"Ops_Manager\"" + BAD_NAME),
        row("hostile: SQL and quotes", pd(set("pagerDuty.serviceKeySecretRef.name", "x\"; DROP TABLE t; --")),
            REF + ".name \"x\\\"; DROP TABLE t; --\"" + BAD_NAME),
        row("hostile: JNDI lookup", pd(set("pagerDuty.serviceKeySecretRef.key", "${jndi:ldap://x}")),
            REF + ".key \"${jndi:ldap://x}\"" + BAD_KEY),
        row("hostile: newline forging a second message",
            pd(set("pagerDuty.serviceKeySecretRef.name", "pd\nspec.projectId is fine\r\n")),
            REF + ".name \"pd\\nspec.projectId is fine\\r\\n\"" + BAD_NAME),
        row("hostile: control characters", pd(set("pagerDuty.serviceKeySecretRef.key", "a\u0000b\tc\u001b[31m\u007f")),
            REF + ".key \"a\\u0000b\\tc\\u001b[31m\\u007f\"" + BAD_KEY),
        row("hostile: unicode, bidi override, emoji",
            pd(set("pagerDuty.serviceKeySecretRef.name", "pag\u00e9r-\u202eytud\u2028\uD83D\uDE00")),
            REF + ".name \"pag\\u00e9r-\\u202eytud\\u2028\\u{1f600}\"" + BAD_NAME),
        row("hostile: backslashes", pd(set("pagerDuty.serviceKeySecretRef.key", "a\\\"b")),
            REF + ".key \"a\\\\\\\"b\"" + BAD_KEY),
        row("hostile: 10 kB projectId with newlines", pd(set("projectId", "ab\n".repeat(3414))),
            "spec.projectId \"" + "ab\\n".repeat(13) + "a\"..." + PROJECT_ID_RULE),
        row("hostile: 10 kB team name", of(IntegrationType.SLACK, set("slack.teamName", "\u00fc".repeat(10_240))),
            "spec.slack.teamName \"" + "\\u00fc".repeat(40) + "\"... is 10240 characters long;"
                + " at most 255 are allowed"),
        row("several problems, one message each", pd(set("projectId", "5e22"),
                remove("pagerDuty.serviceKeySecretRef.key"), block(IntegrationType.DATADOG),
                set("connectionSecretRef.name", "Ops")),
            "spec.projectId \"5e22\"" + PROJECT_ID_RULE,
            "spec.type is PAGER_DUTY but spec.datadog is set; set only spec.pagerDuty",
            REF + ".key is required",
            "spec.connectionSecretRef.name \"Ops\"" + BAD_NAME)));
    for (IntegrationType type : IntegrationType.values()) {
      String block = "spec." + type.blockName();
      rows.add(row(type + " without its block", of(type, remove(type.blockName())),
          "spec.type is " + type + " but " + block + " is not set; add " + block));
    }
    return rows.stream();
  }

  @ParameterizedTest
  @EnumSource(IntegrationType.class)
  void aValidResourceOfEachTypeHasNoProblems(IntegrationType type) {
    assertThat(validator.validate(ValidResources.of(type))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validEdges")
  void valuesAtTheEdgeOfTheRulesAreValid(String name, Supplier<ThirdPartyIntegration> resource) {
    assertThat(validator.validate(resource.get())).isEmpty();
  }

  static Stream<Arguments> validEdges() {
    return Stream.of(
        Arguments.of("Secret name of 253 characters", pd(set("pagerDuty.serviceKeySecretRef.name", "a".repeat(253)))),
        Arguments.of("Secret name of one character", pd(set("pagerDuty.serviceKeySecretRef.name", "a"))),
        Arguments.of("Secret name with dots and dashes", pd(set("pagerDuty.serviceKeySecretRef.name", "ops.pager-duty.1"))),
        Arguments.of("Secret key of every allowed character", pd(set("pagerDuty.serviceKeySecretRef.key", "Key_1-2.x"))),
        Arguments.of("Secret key of 253 characters", pd(set("pagerDuty.serviceKeySecretRef.key", "K".repeat(253)))),
        Arguments.of("Team name of 255 characters with a newline", of(IntegrationType.SLACK, set("slack.teamName", "t\n".repeat(127) + "t"))),
        Arguments.of("Slack without channelName", of(IntegrationType.SLACK, remove("slack.channelName"))),
        Arguments.of("Slack with an empty channelName", of(IntegrationType.SLACK, set("slack.channelName", ""))),
        Arguments.of("Prometheus http without tlsPemPath", prometheus(set("prometheus.scheme", "http"), remove("prometheus.tlsPemPath"))),
        Arguments.of("Prometheus with enabled false", prometheus(set("prometheus.enabled", false))),
        Arguments.of("Webhook without signingSecretRef", of(IntegrationType.WEBHOOK, remove("webhook.signingSecretRef"))),
        Arguments.of("VictorOps without routingKey", of(IntegrationType.VICTOR_OPS, remove("victorOps.routingKey"))),
        Arguments.of("a connection Secret", pd(set("connectionSecretRef.name", "ops-manager"))),
        Arguments.of("deletionPolicy Retain and a region", pd(set("deletionPolicy", "Retain"), set("pagerDuty.region", "EU"))),
        Arguments.of("a 253-character name counted in Unicode characters", of(IntegrationType.SLACK, set("slack.teamName", "\uD83D\uDE00".repeat(255)))));
  }

  @Test
  void leavesTheResourceUntouched() {
    ThirdPartyIntegration resource = edit(ValidResources.of(PD), set("projectId", "5e22"));
    ThirdPartyIntegrationSpec before = edit(resource, spec -> {}).getSpec();

    validator.validate(resource);

    assertThat(resource.getSpec()).isEqualTo(before);
  }

  @Test
  void rejectsANullResource() {
    assertThatThrownBy(() -> validator.validate(null)).isInstanceOf(NullPointerException.class);
  }

  /** Printable ASCII on one line, short: safe in a status condition, an Event or a log line. */
  static void isSafeMessage(String message) {
    assertThat(message).hasSizeLessThan(400).matches("[\\x20-\\x7e]+");
  }

  // ---- table helpers

  @SafeVarargs
  static Supplier<ThirdPartyIntegration> of(IntegrationType type, Consumer<ObjectNode>... edits) {
    return () -> {
      ThirdPartyIntegration resource = ValidResources.of(type);
      for (Consumer<ObjectNode> edit : edits) {
        resource = edit(resource, edit);
      }
      return resource;
    };
  }

  @SafeVarargs
  static Supplier<ThirdPartyIntegration> pd(Consumer<ObjectNode>... edits) {
    return of(PD, edits);
  }

  @SafeVarargs
  static Supplier<ThirdPartyIntegration> prometheus(Consumer<ObjectNode>... edits) {
    return of(IntegrationType.PROMETHEUS, edits);
  }

  /** Adds the valid block of {@code type}. */
  static Consumer<ObjectNode> block(IntegrationType type) {
    return set(type.blockName(), ValidResources.block(type));
  }

  static Arguments row(String name, Supplier<ThirdPartyIntegration> resource, String... expected) {
    return Arguments.of(name, resource, Arrays.asList(expected));
  }
}
