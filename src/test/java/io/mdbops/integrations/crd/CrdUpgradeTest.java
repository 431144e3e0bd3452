package io.mdbops.integrations.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.controller.StatusBuilder;
import io.mdbops.integrations.sandbox.admission.SchemaValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The CRD upgrade path: a status written by a newer operator version (a reason this one does not
 * know) is valid under this CRD and readable by this operator, and the CRD chart upgrades the CRD
 * with Helm, which the operator chart's crds/ folder never does.
 */
class CrdUpgradeTest {

  static final Path CRD = Path.of("crds", CommittedCrdTest.FILE);
  static final Path CRD_CHART = Path.of("helm", "integrations-operator-crds");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonNode statusSchema() throws IOException {
    return YAML.readTree(CRD.toFile()).at("/spec/versions/0/schema/openAPIV3Schema/properties/status");
  }

  static JsonNode statusWithReason(String reason) throws IOException {
    return YAML.readTree("""
        observedGeneration: 3
        conditions:
        - {type: Ready, status: "False", reason: %s, message: "m", observedGeneration: 3,
           lastTransitionTime: "2026-11-30T10:00:00Z"}
        """.formatted(reason));
  }

  @Test
  void aReasonANewerVersionAddsIsValidUnderThisCrdWhileAMalformedOneIsNot() throws IOException {
    SchemaValidation status = new SchemaValidation(statusSchema());
    assertThat(status.validate(statusWithReason("SomethingNewer"))).isEmpty();
    assertThat(status.validate(statusWithReason("\"not a reason\""))).isNotEmpty();
    assertThat(status.validate(YAML.readTree("""
        conditions: [{type: Ready, status: "Maybe", reason: Synced, message: "", lastTransitionTime: "2026-11-30T10:00:00Z"}]
        """))).as("status is True, False or Unknown").isNotEmpty();
  }

  @Test
  void thisVersionReadsAStatusWithAReasonItDoesNotKnowAndWritesItsOwnOverIt() throws IOException {
    String resource = """
        {"apiVersion":"integrations.mdbops.io/v1alpha1","kind":"ThirdPartyIntegration",
         "metadata":{"name":"x","namespace":"n","generation":3},
         "spec":{"projectId":"5e2211c17a3e5a48f5497de3","type":"PAGER_DUTY",
                 "pagerDuty":{"serviceKeySecretRef":{"name":"s","key":"k"}}},
         "status":%s}""".formatted(new ObjectMapper().writeValueAsString(statusWithReason("SomethingNewer")));
    ThirdPartyIntegration read = Serialization.unmarshal(resource, ThirdPartyIntegration.class);
    assertThat(read.getStatus().ready().orElseThrow().getReason()).isNull();
    var next = new StatusBuilder(Clock.systemUTC()).failed(read, ConditionReason.ApiUnavailable, "HTTP 503");
    assertThat(next.getConditions()).extracting(Condition::getType)
        .containsExactlyInAnyOrder(Condition.READY, Condition.RECONCILING);
  }

  @Test
  void theCrdChartUpgradesTheGeneratedCrdAndHelmNeverDeletesIt() throws IOException {
    LintResult lint = new Helm(CRD_CHART).lint().strict().call();
    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[INFO]") || m.contains("[WARNING]"));
    String rendered = new Helm(CRD_CHART).template().withName("crds").withKubeVersion("v1.30.0").call();
    assertThat(YAML.readTree(rendered.substring(rendered.indexOf("apiVersion"))))
        .isEqualTo(YAML.readTree(Files.readString(CRD)));
    assertThat(YAML.readTree(CRD.toFile()).at("/metadata/annotations/helm.sh~1resource-policy").asText())
        .isEqualTo("keep");
  }
}
