package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.DatadogRegion;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PagerDutyRegion;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.opsmanager.Product;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What each product's API documents, as far as it differs from the resource model: a type or field
 * a product's docs do not list is refused before any call; where the docs are only silent, the
 * operator tries, and explains a refusal with the reason the docs give.
 */
public final class ProductSupport {

  private ProductSupport() {}

  /** The integration types {@code product} offers, in declaration order. */
  public static List<IntegrationType> offeredTypes(Product product) {
    return Arrays.stream(IntegrationType.values()).filter(t -> t != IntegrationType.NEW_RELIC).toList();
  }

  /** The spec's problems on {@code product}, one message each naming the field and the product. */
  public static List<String> problems(ThirdPartyIntegrationSpec spec, Product product) {
    List<String> problems = new ArrayList<>();
    IntegrationType type = spec.getType();
    if (type == IntegrationType.NEW_RELIC) {
      problems.add("spec.type NEW_RELIC is not available on " + product + ": its current API documentation lists"
          + " no New Relic integration (the New Relic plugin reached end of life on 16 June 2021); delete this"
          + " resource, or use another integration type");
    }
    if (type == IntegrationType.PAGER_DUTY && spec.getPagerDuty() != null
        && spec.getPagerDuty().getRegion() == PagerDutyRegion.EU) {
      problems.add("spec.pagerDuty.region EU is not available on " + product + ": its API has no PagerDuty region"
          + " (only Atlas has one); remove spec.pagerDuty.region");
    }
    if (type == IntegrationType.DATADOG && spec.getDatadog() != null && spec.getDatadog().getRegion() != null
        && spec.getDatadog().getRegion() != DatadogRegion.US) {
      problems.add("spec.datadog.region " + spec.getDatadog().getRegion() + " is not available on " + product
          + ": its Datadog integration takes only an API key (only Atlas has Datadog regions); remove"
          + " spec.datadog.region");
    }
    return problems;
  }

  /**
   * Why {@code product} may have refused a write of {@code type}, when its docs explain it: added to
   * the API's own words in the condition.
   *
   * @param creating whether the project had no integration of that type before the write
   */
  public static Optional<String> refusalAdvice(IntegrationType type, Product product, boolean creating) {
    if (type == IntegrationType.SLACK && creating) {
      return Optional.of("Slack must be connected once in the project's Integrations page in " + product
          + " (it is authorised there with OAuth); the API can only reconfigure an existing Slack"
          + " integration: connect it in the UI, then this resource takes it over");
    }
    if (type == IntegrationType.DATADOG && product == Product.CLOUD_MANAGER) {
      return Optional.of("the Cloud Manager API documentation does not list Datadog, and this Cloud Manager"
          + " refused it");
    }
    return Optional.empty();
  }
}
