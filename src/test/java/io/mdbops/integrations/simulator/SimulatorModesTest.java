package io.mdbops.integrations.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.opsmanager.Product;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SimulatorOptions.modes(): the one place a report reads which readings a simulator plays. */
class SimulatorModesTest {

  static final List<String> COMMON_SORTED = List.of("DATADOG", "MICROSOFT_TEAMS", "NEW_RELIC", "OPS_GENIE",
      "PAGER_DUTY", "PROMETHEUS", "SLACK", "VICTOR_OPS", "WEBHOOK");

  @Test
  void theDefaultsReadAsTheFlagsWouldWriteThem() {
    Map<String, Object> modes = SimulatorOptions.defaults().modes().asMap();

    assertThat(modes.keySet()).containsExactly("putSemantics", "emptyStringClears", "nonceReuse", "urlMask",
        "secretMask", "product", "acceptedTypes", "datadogRegion", "revokeKeysAfter");
    assertThat(modes).containsEntry("putSemantics", "replace").containsEntry("emptyStringClears", true)
        .containsEntry("nonceReuse", true).containsEntry("urlMask", "host").containsEntry("secretMask", "last-four")
        .containsEntry("product", "cloud-manager").containsEntry("acceptedTypes", COMMON_SORTED)
        .containsEntry("datadogRegion", false).containsEntry("revokeKeysAfter", "never");
    assertThat(SimulatorOptions.defaults().nonDefaultModes()).isEmpty();
  }

  @Test
  void everySwitchShowsAndOnlyChangedOnesAreNonDefault() {
    SimulatorOptions options = SimulatorOptions.builder().product(Product.OPS_MANAGER)
        .putSemantics(PutSemantics.MERGE).emptyString(EmptyString.IGNORED).nonceReuse(NonceReuse.REFUSED)
        .urlMask(UrlMask.LAST_FOUR).secretMask(SecretMask.FIXED_PREFIX).acceptedTypes(Set.of("WEBHOOK", "SLACK"))
        .datadogRegion(true).revokeKeysAfter(Duration.ofSeconds(90)).build();

    assertThat(options.modes()).isEqualTo(new SimulatorModes("merge", false, false, "last-four", "fixed-prefix",
        "ops-manager", List.of("SLACK", "WEBHOOK"), true, "PT1M30S"));
    assertThat(options.nonDefaultModes()).isEqualTo(options.modes().asMap());
  }

  @Test
  void aProductsOwnTypesAreNotAChange() {
    SimulatorOptions opsManager = SimulatorOptions.builder().product(Product.OPS_MANAGER).build();
    SimulatorOptions merge = SimulatorOptions.builder().putSemantics(PutSemantics.MERGE).urlMask(UrlMask.STARS).build();

    assertThat(opsManager.nonDefaultModes()).isEqualTo(Map.of("product", "ops-manager"));
    assertThat(merge.nonDefaultModes()).containsExactly(Map.entry("putSemantics", "merge"), Map.entry("urlMask", "stars"));
  }

  @Test
  void aRunningSimulatorReportsWhatItPlays() {
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().secretMask(SecretMask.FULL).build())) {
      f.api.put(f.path("PAGER_DUTY"), TypeCase.of("PAGER_DUTY").body());

      assertThat(f.sim.options().modes().secretMask()).isEqualTo("full");
      assertThat(f.api.get(f.path("PAGER_DUTY")).map()).containsEntry("serviceKey", "******");
    }
  }
}
