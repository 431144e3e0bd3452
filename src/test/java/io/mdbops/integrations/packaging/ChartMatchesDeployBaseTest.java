package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * deploy/base is the chart with its default values (release and namespace integrations-operator),
 * without Helm's own labels. Compared object by object and whole (RBAC rules, env, security
 * context, probes, ports, resources, scheduling): a change made to one and not the other fails here.
 */
class ChartMatchesDeployBaseTest {

  static final String FIX = "deploy/base no longer matches the chart's defaults; render the chart"
      + " (helm template integrations-operator helm/integrations-operator -n integrations-operator)"
      + " and carry the change over, without the helm.sh/chart and app.kubernetes.io/managed-by labels";

  /** Kinds only the plain manifests carry: with Helm, `--create-namespace` and the chart's crds/ do it. */
  static final List<String> ONLY_IN_BASE = List.of("Namespace", "CustomResourceDefinition");
  static final List<String> HELM_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/managed-by");

  @Test
  void theBaseIsTheChartWithDefaultValues() {
    Map<String, String> chart = byKey(Chart.render().objects().stream()
        .filter(o -> !ONLY_IN_BASE.contains(o.getKind()))
        .peek(ChartMatchesDeployBaseTest::withoutHelmLabels)
        .toList());
    Map<String, String> base = byKey(DeployManifestsTest.kustomizationResources().stream()
        .flatMap(f -> Manifests.parse(DeployManifestsTest.BASE.resolve(f)).stream())
        .filter(o -> !ONLY_IN_BASE.contains(o.getKind()))
        .toList());
    assertThat(base.keySet()).as(FIX).containsExactlyElementsOf(chart.keySet());
    chart.forEach((key, yaml) -> assertThat(base.get(key)).as(key + ": " + FIX).isEqualTo(yaml));
  }

  private static Map<String, String> byKey(List<HasMetadata> objects) {
    Map<String, String> map = new TreeMap<>();
    for (HasMetadata o : objects) {
      String key = o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
      assertThat(map.put(key, Serialization.asYaml(o))).as("duplicate " + key).isNull();
    }
    return map;
  }

  private static void withoutHelmLabels(HasMetadata o) {
    strip(o.getMetadata());
    if (o instanceof Deployment d) {
      strip(d.getSpec().getTemplate().getMetadata());
    }
  }

  private static void strip(ObjectMeta meta) {
    if (meta.getLabels() != null) {
      HELM_LABELS.forEach(meta.getLabels()::remove);
    }
  }
}
