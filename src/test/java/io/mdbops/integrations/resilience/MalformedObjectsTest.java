package io.mdbops.integrations.resilience;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Objects a real API server would refuse through the CRD schema (an unknown enum value, a wrong
 * JSON type), stored anyway — as a stale CRD or the schema-less test server allows: the operator
 * keeps serving every other resource.
 */
class MalformedObjectsTest {

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static final ResourceDefinitionContext TPI = new ResourceDefinitionContext.Builder()
      .withGroup(ThirdPartyIntegration.GROUP).withVersion(ThirdPartyIntegration.VERSION)
      .withKind("ThirdPartyIntegration").withPlural("thirdpartyintegrations").withNamespaced(true).build();

  static void createRaw(String ns, String json) {
    GenericKubernetesResource raw = Serialization.unmarshal(json, GenericKubernetesResource.class);
    raw.getMetadata().setNamespace(ns);
    h.client.genericKubernetesResources(TPI).inNamespace(ns).resource(raw).create();
  }

  @Test
  void objectsTheOperatorCannotReadDoNotStopItFromServingTheOthers() {
    String ns = h.namespace("malformed");
    String project = h.project();
    createRaw(ns, """
        {"apiVersion":"integrations.mdbops.io/v1alpha1","kind":"ThirdPartyIntegration",
         "metadata":{"name":"unknown-type"},
         "spec":{"projectId":"%s","type":"HIP_CHAT","connectionSecretRef":{"name":"api"},
                 "hipChat":{"roomName":"ops"}}}""".formatted(project));
    createRaw(ns, """
        {"apiVersion":"integrations.mdbops.io/v1alpha1","kind":"ThirdPartyIntegration",
         "metadata":{"name":"wrong-json-type"},
         "spec":{"projectId":"%s","type":"PROMETHEUS","connectionSecretRef":{"name":"api"},
                 "prometheus":{"username":"u","listenAddress":"0.0.0.0:9216","serviceDiscovery":"http",
                 "scheme":"http","enabled":{"yes":1},"passwordSecretRef":{"name":"p","key":"k"}}}}""".formatted(project));
    createRaw(ns, """
        {"apiVersion":"integrations.mdbops.io/v1alpha1","kind":"ThirdPartyIntegration",
         "metadata":{"name":"spec-is-a-string"},"spec":"surprise"}""");

    h.createWithCredentials(Fixtures.resource(ns, "after", IntegrationType.SLACK, project, CONNECTION));
    h.awaitReason(ns, "after", ConditionReason.Synced);
    assertThat(h.sim.storedAll(project)).containsOnlyKeys("SLACK");
    assertThat(h.operator().healthy()).isTrue();

    // and each unreadable object is told why, with the field path and never the value
    assertThat(message(ns, "unknown-type")).contains("spec.type \"HIP_CHAT\" is not one of")
        .contains("not offered");
    assertThat(message(ns, "wrong-json-type")).contains("spec.prometheus.enabled must be").contains("not an object");
    assertThat(message(ns, "spec-is-a-string")).startsWith("spec must be").doesNotContain("surprise");
  }

  static String message(String ns, String name) {
    return OperatorHarness.ready(h.awaitReason(ns, name, ConditionReason.InvalidSpec)).getMessage();
  }
}
