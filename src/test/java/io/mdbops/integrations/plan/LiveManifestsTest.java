package io.mdbops.integrations.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.sync.LiveComparison;
import io.mdbops.integrations.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operator's mapping read backwards: for every type, the exported resource reads forwards again
 * to exactly what the project holds, is valid as it stands, and references one Secret key per secret field.
 */
class LiveManifestsTest {

  static ManifestAdmission admission;
  final String project = Fixtures.projectId();

  @BeforeAll
  static void crd() {
    admission = ManifestAdmission.ofBuiltCrd();
  }

  @ParameterizedTest
  @EnumSource(IntegrationType.class)
  void everyTypeReadsBackAsTheProjectHoldsIt(IntegrationType type) {
    ThirdPartyIntegrationSpec sample = PlanFixtures.spec(type, project);
    IntegrationView live = PlanFixtures.live(sample, Fixtures.credentials(type));

    ExportedIntegration exported = exporter(List.of(project)).export(project, type, live);

    assertThat(exported.problems()).isEmpty();
    assertThat(exported.leftOut()).isEmpty();
    Manifests read = new ManifestReader(admission, "x").read("e.yaml", new ExportWriter("https://h", "api")
        .documents(exported));
    assertThat(read.resources()).singleElement().satisfies(r -> assertThat(r.problems()).isEmpty());
    ThirdPartyIntegrationSpec spec = read.resources().get(0).resource().getSpec();
    Object block = spec.block(type);
    for (FieldMapping field : IntegrationFields.of(type)) {
      if (field.isSecret() && field.optional() && live.field(field.apiField()) == null) {
        assertThat(field.secretRef().apply(block)).as(field.apiField()).isNull();
      } else if (field.isSecret()) {
        assertThat(field.secretRef().apply(block)).as(field.apiField())
            .satisfies(ref -> assertThat(ref.getName()).isEqualTo(exported.secretName()))
            .satisfies(ref -> assertThat(ref.getKey()).isEqualTo(field.apiField()));
      } else {
        assertThat(LiveComparison.samePlain(field.plain().apply(block), live.field(field.apiField()),
            field.absentMeans())).as(field.apiField()).isTrue();
      }
    }
    assertThat(read.secrets()).singleElement().satisfies(s ->
        assertThat(s.secret().getStringData()).containsOnlyKeys(
            exported.secretKeys().stream().map(ExportedIntegration.SecretKey::key).toList()).containsValue(""));
  }

  @Test
  void anOptionalSecretIsReferencedOnlyWhenTheProjectHoldsIt() {
    ThirdPartyIntegrationSpec webhook = PlanFixtures.spec(IntegrationType.WEBHOOK, project);
    Map<String, Object> fields = new LinkedHashMap<>(
        PlanFixtures.live(webhook, Fixtures.credentials(IntegrationType.WEBHOOK)).fields());
    fields.remove("secret");
    ExportedIntegration exported = exporter(List.of(project))
        .export(project, IntegrationType.WEBHOOK, new IntegrationView("WEBHOOK", fields));
    assertThat(exported.secretKeys()).extracting(ExportedIntegration.SecretKey::key).containsExactly("url");
    assertThat(exported.resource().at("/spec/webhook").has("signingSecretRef")).isFalse();
  }

  @Test
  void whatTheModelCannotHoldIsSaidNotDropped() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("apiKey", "****1234");
    fields.put("region", "AP");
    fields.put("sendCollectionLatencyMetrics", true);
    ExportedIntegration exported = exporter(List.of(project))
        .export(project, IntegrationType.OPS_GENIE, new IntegrationView("OPS_GENIE", fields));
    assertThat(exported.leftOut()).containsExactly("sendCollectionLatencyMetrics");
    assertThat(exported.problems()).anyMatch(p -> p.contains("spec.opsGenie.region: Unsupported value: \"AP\""));
    String yaml = new ExportWriter("https://h", "api").documents(exported);
    assertThat(yaml).contains("# Not exported (the resource has no such field): sendCollectionLatencyMetrics")
        .contains("# WARNING: the API server would refuse it: spec.opsGenie.region");

    ExportedIntegration noTeam = exporter(List.of(project)).export(project, IntegrationType.SLACK,
        new IntegrationView("SLACK", Map.of("apiToken", "****1234")));
    assertThat(noTeam.problems()).anyMatch(p -> p.contains("spec.slack.teamName: Required value"));
  }

  @Test
  void namesAreTheTypeInKebabCaseWithAProjectSuffixWhenSeveral() {
    String a = "aaaaaaaaaaaaaaaaaa123456";
    String b = "bbbbbbbbbbbbbbbbbb123456";
    String c = "cccccccccccccccccc654321";
    assertThat(new ExportNames(List.of(a)).resource(IntegrationType.MICROSOFT_TEAMS, a)).isEqualTo("microsoft-teams");
    ExportNames three = new ExportNames(List.of(a, b, c));
    assertThat(three.resource(IntegrationType.PAGER_DUTY, c)).isEqualTo("pager-duty-654321");
    assertThat(three.resource(IntegrationType.PAGER_DUTY, a)).isEqualTo("pager-duty-" + a);
    assertThat(three.secret(IntegrationType.PAGER_DUTY, c)).isEqualTo("pager-duty-654321-credentials");
  }

  private LiveManifests exporter(List<String> projects) {
    return new LiveManifests(new ExportNames(projects), "demo", "api", admission);
  }
}
