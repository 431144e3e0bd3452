package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.opsmanager.Product;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which types and fields each product takes (reference §2.1, §2.3), over real HTTP with Digest. */
class ProductFieldsTest {

  static final Map<String, Object> DATADOG_KEY_ONLY = Map.of("type", "DATADOG", "apiKey", "0123456789abcdef0123456789abcdef");

  @ParameterizedTest
  @EnumSource(value = Product.class, names = {"CLOUD_MANAGER", "OPS_MANAGER"})
  void withTheCurrentTablesDatadogTakesTheApiKeyOnly(Product product) {
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().product(product).datadogRegion(false).build())) {
      Reply withRegion = f.api.put(f.path("DATADOG"), TypeCase.of("DATADOG").with("region", "US"));
      Reply keyOnly = f.api.put(f.path("DATADOG"), DATADOG_KEY_ONLY);

      assertError(withRegion, 400, "INTEGRATION_FIELDS_INVALID");
      assertThat(keyOnly.code()).as(keyOnly.toString()).isEqualTo(200);
      assertThat(f.api.get(f.path("DATADOG")).map())
          .isEqualTo(Map.of("type", "DATADOG", "apiKey", "*".repeat(28) + "cdef"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Product.class, names = {"CLOUD_MANAGER", "OPS_MANAGER"})
  void playingTheOlderTablesDatadogAlsoTakesARegion(Product product) {
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().product(product).datadogRegion(true).build())) {
      assertThat(f.api.put(f.path("DATADOG"), TypeCase.of("DATADOG").with("region", "US")).code()).isEqualTo(200);
      assertThat(f.api.get(f.path("DATADOG")).map()).containsEntry("region", "US");
      assertError(f.api.put(f.path("DATADOG"), TypeCase.of("DATADOG").with("region", "US3")), 400,
          "INVALID_ENUM_VALUE");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Product.class, names = {"CLOUD_MANAGER", "OPS_MANAGER"})
  void pagerDutyTakesTheServiceKeyOnly(Product product) {
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().product(product).build())) {
      assertError(f.api.put(f.path("PAGER_DUTY"), TypeCase.of("PAGER_DUTY").with("region", "US")), 400,
          "INTEGRATION_FIELDS_INVALID");
      assertThat(f.api.put(f.path("PAGER_DUTY"), TypeCase.of("PAGER_DUTY").body()).code()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Product.class, names = {"CLOUD_MANAGER", "OPS_MANAGER"})
  void acceptedTypesPlayAProductWithoutDatadog(Product product) {
    Set<String> withoutDatadog = new HashSet<>(ProductTypes.accepted(product));
    withoutDatadog.remove("DATADOG");
    try (SimFixture f = SimFixture.start(SimulatorOptions.builder().product(product).acceptedTypes(withoutDatadog)
        .build())) {
      Reply reply = f.api.put(f.path("DATADOG"), DATADOG_KEY_ONLY);

      assertError(reply, 400, "INVALID_ENUM_VALUE");
      assertThat(reply.json().get("parameters")).hasToString("[\"DATADOG\"]");
      assertThat(f.api.put(f.path("PAGER_DUTY"), TypeCase.of("PAGER_DUTY").body()).code()).isEqualTo(200);
      assertThat(f.api.put(f.path("HIP_CHAT"), TypeCase.hipChat().body()).code())
          .isEqualTo(product == Product.OPS_MANAGER ? 200 : 400);
    }
  }
}
