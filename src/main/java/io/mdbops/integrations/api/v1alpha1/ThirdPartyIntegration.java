package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One third-party alert integration (PagerDuty, Slack, ...) of one MongoDB Cloud Manager / Ops
 * Manager project, managed declaratively.
 */
@Group(ThirdPartyIntegration.GROUP)
@Version(ThirdPartyIntegration.VERSION)
@Kind("ThirdPartyIntegration")
@Plural("thirdpartyintegrations")
@Singular("thirdpartyintegration")
@ShortNames("tpi")
@Categories("mdbops")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = Type.STRING)
@AdditionalPrinterColumn(name = "Project", jsonPath = ".spec.projectId", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class ThirdPartyIntegration
    extends CustomResource<ThirdPartyIntegrationSpec, ThirdPartyIntegrationStatus>
    implements Namespaced {

  public static final String GROUP = "integrations.mdbops.io";
  public static final String VERSION = "v1alpha1";
  public static final String CRD_NAME = "thirdpartyintegrations." + GROUP;

  /**
   * Reads the spec tolerantly: one object that does not match the model (a value a newer CRD
   * allows, or a wrong JSON type on a server that does not validate) must not break the operator's
   * cache for every other resource.
   */
  @Override
  @JsonDeserialize(using = TolerantSpecDeserializer.class)
  public void setSpec(ThirdPartyIntegrationSpec spec) {
    super.setSpec(spec);
  }
}
