package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.DatadogRegion;
import io.mdbops.integrations.api.v1alpha1.DatadogSpec;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PagerDutyRegion;
import io.mdbops.integrations.api.v1alpha1.PrometheusSpec;
import io.mdbops.integrations.api.v1alpha1.SlackSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What each product's API documents, as far as it differs from the resource model: a type or field
 * a product's docs do not list is refused before any call; where the docs are only silent, the
 * operator tries, and explains a refusal with the reason the docs give. Two dimensions: the product
 * (Cloud Manager, Ops Manager, Atlas) and the API generation it is reached through (the public API
 * v1.0, or Atlas' Administration API v2, with its own fields: {@link Product#generation()}).
 */
public final class ProductSupport {

  /** Atlas v2's pattern for a New Relic account id (reference §2.4). */
  private static final Pattern FORTY_HEX = Pattern.compile("^([0-9a-f]){40}$");

  private ProductSupport() {}

  /** The integration types {@code product} offers, in declaration order. */
  public static List<IntegrationType> offeredTypes(Product product) {
    return Arrays.stream(IntegrationType.values())
        .filter(t -> t != IntegrationType.NEW_RELIC || product.generation() == ApiGeneration.ATLAS_V2)
        .toList();
  }

  /** The spec's problems on {@code product}, one message each naming the field and the product. */
  public static List<String> problems(ThirdPartyIntegrationSpec spec, Product product) {
    List<String> problems = new ArrayList<>();
    if (product.generation() == ApiGeneration.ATLAS_V2) {
      atlasV2(spec, product, problems);
    } else {
      publicV1(spec, product, problems);
    }
    return problems;
  }

  private static void publicV1(ThirdPartyIntegrationSpec spec, Product product, List<String> problems) {
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
    DatadogSpec datadog = type == IntegrationType.DATADOG ? spec.getDatadog() : null;
    if (datadog != null) {
      if (datadog.getRegion() != null && datadog.getRegion() != DatadogRegion.US) {
        problems.add("spec.datadog.region " + datadog.getRegion() + " is not available on " + product
            + ": its Datadog integration takes only an API key (only Atlas has Datadog regions); remove"
            + " spec.datadog.region");
      }
      atlasOnly(problems, product, "spec.datadog.sendCollectionLatencyMetrics", datadog.getSendCollectionLatencyMetrics());
      atlasOnly(problems, product, "spec.datadog.sendDatabaseMetrics", datadog.getSendDatabaseMetrics());
      atlasOnly(problems, product, "spec.datadog.sendQueryStatsMetrics", datadog.getSendQueryStatsMetrics());
      atlasOnly(problems, product, "spec.datadog.sendUserProvidedResourceTags", datadog.getSendUserProvidedResourceTags());
    }
    PrometheusSpec prometheus = type == IntegrationType.PROMETHEUS ? spec.getPrometheus() : null;
    if (prometheus != null) {
      if (prometheus.getListenAddress() == null) {
        problems.add("spec.prometheus.listenAddress is required on " + product + ": the address and port the"
            + " monitored hosts listen on for scrapes, e.g. 0.0.0.0:9216");
      }
      if (prometheus.getScheme() == null) {
        problems.add("spec.prometheus.scheme is required on " + product + ": http or https");
      }
      atlasOnly(problems, product, "spec.prometheus.sendUserProvidedResourceTagsEnabled",
          prometheus.getSendUserProvidedResourceTagsEnabled());
    }
  }

  private static void atlasV2(ThirdPartyIntegrationSpec spec, Product product, List<String> problems) {
    IntegrationType type = spec.getType();
    PrometheusSpec prometheus = type == IntegrationType.PROMETHEUS ? spec.getPrometheus() : null;
    if (prometheus != null) {
      publicV1Only(problems, product, "spec.prometheus.listenAddress", prometheus.getListenAddress());
      publicV1Only(problems, product, "spec.prometheus.scheme", prometheus.getScheme());
      publicV1Only(problems, product, "spec.prometheus.tlsPemPath", prometheus.getTlsPemPath());
      publicV1Only(problems, product, "spec.prometheus.tlsPemPasswordSecretRef", prometheus.getTlsPemPasswordSecretRef());
    }
    SlackSpec slack = type == IntegrationType.SLACK ? spec.getSlack() : null;
    if (slack != null && (slack.getChannelName() == null || slack.getChannelName().isEmpty())) {
      problems.add("spec.slack.channelName is required on " + product + ": the channel to post to, e.g. \"#alerts\"");
    }
    if (type == IntegrationType.NEW_RELIC && spec.getNewRelic() != null && spec.getNewRelic().getAccountId() != null
        && !FORTY_HEX.matcher(spec.getNewRelic().getAccountId()).matches()) {
      problems.add("spec.newRelic.accountId must be 40 lower-case hexadecimal characters on " + product
          + " (its API refuses anything else)");
    }
  }

  private static void atlasOnly(List<String> problems, Product product, String field, Object value) {
    if (value != null) {
      problems.add(field + " is not available on " + product + ": only the Atlas Administration API v2 has it;"
          + " remove " + field);
    }
  }

  private static void publicV1Only(List<String> problems, Product product, String field, Object value) {
    if (value != null) {
      problems.add(field + " is not available on " + product + ": the Atlas Administration API v2 has no such"
          + " field (only Cloud Manager and Ops Manager do); remove " + field);
    }
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
