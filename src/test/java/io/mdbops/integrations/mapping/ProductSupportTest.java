package io.mdbops.integrations.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.DatadogRegion;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PagerDutyRegion;
import io.mdbops.integrations.api.v1alpha1.PrometheusScheme;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.opsmanager.Product;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The api dimension of what each product offers: Atlas-only fields off v1.0, v1.0-only fields off Atlas. */
class ProductSupportTest {

  private static ThirdPartyIntegrationSpec spec(IntegrationType type, Product product) {
    return SampleIntegrations.spec(type, "5e2211c17a3e5a48f5497de3", "c", "s", product);
  }

  @Test
  void atlasOffersEveryTypeTheOthersAllButNewRelic() {
    assertThat(ProductSupport.offeredTypes(Product.ATLAS)).hasSize(IntegrationType.values().length);
    assertThat(ProductSupport.offeredTypes(Product.CLOUD_MANAGER)).doesNotContain(IntegrationType.NEW_RELIC);
    assertThat(ProductSupport.problems(spec(IntegrationType.NEW_RELIC, Product.ATLAS), Product.ATLAS)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Product.class, names = {"CLOUD_MANAGER", "OPS_MANAGER"})
  void atlasOnlyFieldsAreRefusedOnThePublicApi(Product product) {
    ThirdPartyIntegrationSpec datadog = spec(IntegrationType.DATADOG, product);
    datadog.getDatadog().withRegion(DatadogRegion.US3).withSendDatabaseMetrics(true);
    ThirdPartyIntegrationSpec prometheus = spec(IntegrationType.PROMETHEUS, product);
    prometheus.getPrometheus().setSendUserProvidedResourceTagsEnabled(false);
    ThirdPartyIntegrationSpec pagerDuty = spec(IntegrationType.PAGER_DUTY, product);
    pagerDuty.getPagerDuty().setRegion(PagerDutyRegion.EU);

    assertThat(ProductSupport.problems(datadog, product)).containsExactly(
        "spec.datadog.region US3 is not available on " + product + ": its Datadog integration takes only an API key"
            + " (only Atlas has Datadog regions); remove spec.datadog.region",
        "spec.datadog.sendDatabaseMetrics is not available on " + product + ": only the Atlas Administration API v2"
            + " has it; remove spec.datadog.sendDatabaseMetrics");
    assertThat(ProductSupport.problems(prometheus, product)).singleElement().asString()
        .startsWith("spec.prometheus.sendUserProvidedResourceTagsEnabled is not available on " + product);
    assertThat(ProductSupport.problems(pagerDuty, product)).singleElement().asString().contains("region EU");
  }

  @ParameterizedTest
  @EnumSource(value = Product.class, names = {"CLOUD_MANAGER", "OPS_MANAGER"})
  void thePublicApiNeedsPrometheusHostSettings(Product product) {
    ThirdPartyIntegrationSpec prometheus = spec(IntegrationType.PROMETHEUS, Product.ATLAS);
    assertThat(ProductSupport.problems(prometheus, product)).containsExactly(
        "spec.prometheus.listenAddress is required on " + product + ": the address and port the monitored hosts"
            + " listen on for scrapes, e.g. 0.0.0.0:9216",
        "spec.prometheus.scheme is required on " + product + ": http or https");
  }

  @Test
  void publicApiOnlyFieldsAreRefusedOnAtlasWhereSlackNeedsAChannel() {
    ThirdPartyIntegrationSpec prometheus = spec(IntegrationType.PROMETHEUS, Product.ATLAS);
    prometheus.getPrometheus().withScheme(PrometheusScheme.HTTPS).withTlsPemPath("/etc/pem");
    ThirdPartyIntegrationSpec slack = spec(IntegrationType.SLACK, Product.ATLAS);
    slack.getSlack().setChannelName(null);
    ThirdPartyIntegrationSpec newRelic = spec(IntegrationType.NEW_RELIC, Product.ATLAS);
    newRelic.getNewRelic().setAccountId("1234567");

    assertThat(ProductSupport.problems(prometheus, Product.ATLAS)).containsExactly(
        "spec.prometheus.scheme is not available on Atlas: the Atlas Administration API v2 has no such field (only"
            + " Cloud Manager and Ops Manager do); remove spec.prometheus.scheme",
        "spec.prometheus.tlsPemPath is not available on Atlas: the Atlas Administration API v2 has no such field"
            + " (only Cloud Manager and Ops Manager do); remove spec.prometheus.tlsPemPath");
    assertThat(ProductSupport.problems(slack, Product.ATLAS))
        .containsExactly("spec.slack.channelName is required on Atlas: the channel to post to, e.g. \"#alerts\"");
    assertThat(ProductSupport.problems(newRelic, Product.ATLAS)).singleElement().asString()
        .contains("accountId must be 40 lower-case hexadecimal characters on Atlas");
    ThirdPartyIntegrationSpec datadog = spec(IntegrationType.DATADOG, Product.ATLAS);
    datadog.getDatadog().withRegion(DatadogRegion.US1_FED).withSendQueryStatsMetrics(true);
    assertThat(ProductSupport.problems(datadog, Product.ATLAS)).isEmpty();
  }
}
