package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint --strict passes, every value is documented, and the schema turns bad values away. */
class ChartValuesTest {

  static final String SCHEMA_ERROR = "values don't meet the specifications of the schema";

  @Test
  void lintStrictPasses() {
    LintResult lint = new Helm(Chart.DIR).lint().strict().call();
    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    // helm lint's [INFO] lines are its recommendations (icon, maintainers, ...): chart repositories
    // and artifact hubs show their absence to everyone browsing the chart
    assertThat(lint.getMessages()).as("helm lint recommendations").noneMatch(m -> m.contains("[INFO]"));
  }

  /** A key needs a comment unless it only groups keys, or sits inside a documented default. */
  @Test
  void everyValueHasACommentAbove() throws IOException {
    List<String> lines = Files.readAllLines(Chart.DIR.resolve("values.yaml"));
    Pattern key = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):.*$");
    Deque<int[]> ancestors = new ArrayDeque<>();   // {indent, documented ? 1 : 0}
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = key.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int indent = m.group(1).length();
      while (!ancestors.isEmpty() && ancestors.peek()[0] >= indent) {
        ancestors.pop();
      }
      boolean insideDocumented = ancestors.stream().anyMatch(a -> a[1] == 1);
      boolean commented = i > 0 && lines.get(i - 1).trim().startsWith("#");
      String next = nextContentLine(lines, i);
      boolean groupsKeys = key.matcher(next).matches() && key.matcher(next).replaceAll("$1").length() > indent;
      if (!insideDocumented && !groupsKeys) {
        assertThat(commented).as("values.yaml line %d (%s) has a comment above it", i + 1, m.group(2)).isTrue();
      }
      ancestors.push(new int[] {indent, commented ? 1 : 0});
    }
  }

  /** The chart README's values table is generated from these descriptions; a missing one is a blank cell. */
  @Test
  void everyPropertyOfTheSchemaHasADescription() throws IOException {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(new ObjectMapper().readTree(Chart.DIR.resolve("values.schema.json").toFile()), "", undescribed);
    assertThat(undescribed).as("values.schema.json properties without a description").isEmpty();
  }

  private static void collectUndescribed(JsonNode schema, String path, List<String> undescribed) {
    if (schema.isMissingNode()) {
      return;
    }
    schema.path("properties").properties().forEach(property -> {
      String key = path + property.getKey();
      if (property.getValue().path("description").asText().isBlank()) {
        undescribed.add(key);
      }
      collectUndescribed(property.getValue(), key + ".", undescribed);
    });
    collectUndescribed(schema.path("items"), path + "[].", undescribed);
  }

  private static String nextContentLine(List<String> lines, int i) {
    for (int j = i + 1; j < lines.size(); j++) {
      String t = lines.get(j).trim();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return lines.get(j);
      }
    }
    return "";
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("replicas: two", "/replicas"),
        Arguments.of("logFormat: xml", "/logFormat"),
        Arguments.of("bogus: 1", "'bogus' not allowed"),
        Arguments.of("image: {pullPolicy: Sometimes}", "/image/pullPolicy"),
        Arguments.of("image: {digest: latest}", "/image/digest"),
        Arguments.of("watchNamespaces: [Team_A]", "/watchNamespaces/0"),
        Arguments.of("watchNamespaces: team-a", "/watchNamespaces"),
        Arguments.of("resyncInterval: 5 minutes", "/resyncInterval"),
        Arguments.of("terminatingNamespaceGracePeriod: 5", "/terminatingNamespaceGracePeriod"),
        Arguments.of("releaseFinalizersOnUninstall: 'yes'", "/releaseFinalizersOnUninstall"),
        Arguments.of("apiTimeout: 0.5", "/apiTimeout"),
        Arguments.of("maxConcurrentReconciles: 0", "/maxConcurrentReconciles"),
        Arguments.of("allowedBaseUrls: []", "/allowedBaseUrls"),
        Arguments.of("allowedBaseUrls: [cloud.mongodb.com]", "/allowedBaseUrls/0"),
        Arguments.of("defaultConnectionNamespaces: ['**']", "/defaultConnectionNamespaces/0"),
        Arguments.of("defaultConnection: {create: true}", "/defaultConnection"),
        Arguments.of("defaultConnection: {create: true, clientId: i}", "/defaultConnection"),
        Arguments.of("defaultConnection: {create: true, publicKey: p, privateKey: k, clientId: i, clientSecret: s}",
            "/defaultConnection"),
        Arguments.of("defaultConnection: {api: atlas-v3}", "/defaultConnection/api"),
        Arguments.of("defaultConnection: {existingSecrets: x}", "'existingSecrets' not allowed"),
        Arguments.of("httpPort: 70000", "/httpPort"),
        Arguments.of("metrics: {serviceMonitor: {enable: true}}", "'enable' not allowed"),
        Arguments.of("leaderElection: {enabled: 'yes'}", "/leaderElection/enabled"),
        Arguments.of("prometheusRule: {seriesSelector: '{job=\"ops\"}'}", "/prometheusRule/seriesSelector"),
        Arguments.of("topologySpreadConstraints: [{maxSkew: 1}]", "/topologySpreadConstraints/0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void schemaRejects(String values, String where) {
    assertThatThrownBy(() -> Chart.template(values, Map.of()))
        .hasMessageContaining(SCHEMA_ERROR)
        .hasMessageContaining(where);
  }

  @Test
  void schemaRejectsAStringForANumberGivenWithSet() {
    assertThatThrownBy(() -> Chart.template("", Map.of("replicas", "two")))
        .hasMessageContaining(SCHEMA_ERROR).hasMessageContaining("/replicas");
  }

  @Test
  void schemaAcceptsTheStarForTheDefaultConnectionNamespaces() {
    assertThat(Chart.render("defaultConnectionNamespaces: ['*']").env())
        .containsEntry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACES", "*");
  }
}
