package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped alerts fire when they should and stay silent when they should not, judged by
 * Prometheus's own rule engine: the chart's PrometheusRule is rendered, its groups written out as a
 * plain rules file, and the unit tests in src/test/resources/alerts run against it with
 * `promtool test rules`.
 */
class ChartAlertsTest {

  static final Path TESTS = Path.of("src", "test", "resources", "alerts");
  /** The name the test files give in rule_files. */
  static final String RULES_FILE = "integrations-operator.rules.yaml";

  @TempDir
  static Path work;
  static List<Map<String, Object>> groups;

  @BeforeAll
  static void writeTheRenderedRules() throws IOException {
    GenericKubernetesResource rule = Chart.render("prometheusRule: {enabled: true}").kind("PrometheusRule").get(0);
    groups = rule.get("spec", "groups");
    Files.writeString(work.resolve(RULES_FILE), Serialization.asYaml(Map.of("groups", groups)));
  }

  @Test
  void promtoolAcceptsTheRenderedRules() {
    Promtool.Result check = Promtool.run(work, "check", "rules", RULES_FILE);
    assertThat(check.exitCode()).as("promtool check rules:%n%s", check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + alertNames().size() + " rules found");
  }

  static Stream<Path> testFiles() throws IOException {
    try (Stream<Path> files = Files.list(TESTS)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("testFiles")
  void promtoolUnitTestsPass(Path testFile) throws IOException {
    Files.copy(testFile, work.resolve(testFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Promtool.Result test = Promtool.run(work, "test", "rules", testFile.getFileName().toString());
    assertThat(test.exitCode()).as("promtool test rules %s:%n%s", testFile, test.output()).isZero();
  }

  @Test
  void aSeriesSelectorReplacesTheReleaseScopeOfTheNoLeaderAlert() {
    GenericKubernetesResource rule = Chart.render("prometheusRule: {enabled: true, seriesSelector: 'job=\"ops\"'}")
        .kind("PrometheusRule").get(0);
    List<Map<String, Object>> rendered = rule.get("spec", "groups");
    List<Map<String, Object>> rules = list(rendered.get(0).get("rules"));
    assertThat(rules).filteredOn(r -> "ThirdPartyIntegrationNoLeader".equals(r.get("alert"))).singleElement()
        .satisfies(r -> assertThat((String) r.get("expr"))
            .isEqualTo("max by (namespace, job) (integrations_operator_leader{job=\"ops\"}) < 1"
                + " or absent(integrations_operator_leader{job=\"ops\"})"));
  }

  /** A test that only ever expects silence would pass for a rule that can never fire, and the reverse. */
  @Test
  void everyAlertIsTestedFiringAndSilent() throws IOException {
    Set<String> fires = new TreeSet<>();
    Set<String> silent = new TreeSet<>();
    for (Path file : testFiles().toList()) {
      Map<String, Object> suite = Manifests.yaml(Files.readString(file));
      for (Map<String, Object> test : list(suite.get("tests"))) {
        for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
          String alert = (String) check.get("alertname");
          (list(check.get("exp_alerts")).isEmpty() ? silent : fires).add(alert);
        }
      }
    }
    assertThat(fires).as("alerts with a test where they fire").containsAll(alertNames());
    assertThat(silent).as("alerts with a test where they stay silent").containsAll(alertNames());
  }

  private static Set<String> alertNames() {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> group : groups) {
      list(group.get("rules")).forEach(r -> names.add((String) r.get("alert")));
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
