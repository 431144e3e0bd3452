package io.mdbops.integrations.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Build step run right after fabric8's CRD generator: it adds what the generator cannot derive from
 * the model. The generator sorts printer columns by JSON path and has no place for the descriptions
 * of the root, spec and status objects, which {@code kubectl explain} shows first.
 */
public final class CrdFinisher {

  static final List<String> COLUMN_ORDER = List.of("Type", "Project", "Ready", "Reason", "Age");

  static final String ROOT_DESCRIPTION =
      "ThirdPartyIntegration manages one third-party alert integration (PagerDuty, Slack, Datadog,"
          + " Opsgenie, VictorOps, Webhook, Microsoft Teams, Prometheus or New Relic) of one MongoDB"
          + " Cloud Manager or Ops Manager project. The operator reads the referenced Secrets, writes"
          + " the integration when the project's configuration differs, corrects changes made"
          + " outside Kubernetes and removes the integration when the resource is deleted (unless"
          + " spec.deletionPolicy is Retain).";
  static final String SPEC_DESCRIPTION =
      "Desired integration: projectId, type, the connection to use, and exactly one block named"
          + " after the type. Secret values are never inline: every secret field is a reference to"
          + " a key of a Secret in the same namespace.";
  static final String STATUS_DESCRIPTION =
      "Observed state, written by the operator only when something in it changes.";

  private CrdFinisher() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CrdFinisher <generated CRD yaml>");
    }
    Path file = Path.of(args[0]);
    CustomResourceDefinition crd;
    try (var in = Files.newInputStream(file)) {
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    finish(crd);
    Files.writeString(file, Serialization.asYaml(crd), StandardCharsets.UTF_8);
  }

  static void finish(CustomResourceDefinition crd) {
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
      columns.sort(Comparator.comparingInt(c -> rank(c.getName())));
      JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
      root.setDescription(ROOT_DESCRIPTION);
      // a resource without a spec means nothing; the generator cannot mark the root's spec required
      root.setRequired(List.of("spec"));
      root.getProperties().get("spec").setDescription(SPEC_DESCRIPTION);
      root.getProperties().get("status").setDescription(STATUS_DESCRIPTION);
      finishConditions(root.getProperties().get("status").getProperties().get("conditions").getItems().getSchema());
      // a map's values have no field of their own to describe them
      root.getProperties().get("spec").getProperties().get("prometheus").getProperties().get("scrapeConfig")
          .getProperties().get("labels").getAdditionalProperties().getSchema()
          .setDescription("A label value; its key is the label name.");
    }
    // Helm (the CRD chart) must never delete the CRD: that would delete every resource with it
    crd.getMetadata().setAnnotations(new java.util.TreeMap<>(java.util.Map.of("helm.sh/resource-policy", "keep")));
  }

  /** What metav1.Condition's schema says that the model's annotations cannot. */
  private static void finishConditions(JSONSchemaProps condition) {
    condition.getProperties().get("status").setEnum(List.of(
        new TextNode("True"), new TextNode("False"), new TextNode("Unknown")));
    condition.getProperties().get("lastTransitionTime").setFormat("date-time");
  }

  private static int rank(String column) {
    int rank = COLUMN_ORDER.indexOf(column);
    if (rank < 0) {
      throw new IllegalStateException("printer column " + column + " has no place in " + COLUMN_ORDER);
    }
    return rank;
  }
}
