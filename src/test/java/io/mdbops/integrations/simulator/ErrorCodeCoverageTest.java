package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;

import io.mdbops.integrations.opsmanager.ApiGeneration;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@link ErrorCode} is produced over HTTP by at least one request. The switch is exhaustive,
 * so a new code does not compile without a scenario here.
 */
class ErrorCodeCoverageTest {

  @TestFactory
  Stream<DynamicTest> everyErrorCodeIsProduced() {
    return Arrays.stream(ErrorCode.values()).map(code -> DynamicTest.dynamicTest(code.name(), () -> {
      try (SimFixture f = SimFixture.start(optionsFor(code))) {
        assertError(scenario(code).apply(f), code.status(), code.name());
      }
    }));
  }

  private static SimulatorOptions optionsFor(ErrorCode code) {
    return switch (code) {
      case RATE_LIMITED -> SimulatorOptions.builder().rateLimit(1, Duration.ofMinutes(1)).build();
      case INVALID_VERSION_DATE, UNSUPPORTED_MEDIA_TYPE -> SimulatorOptions.builder().api(ApiGeneration.ATLAS_V2).build();
      default -> SimulatorOptions.defaults();
    };
  }

  private static Function<SimFixture, Reply> scenario(ErrorCode code) {
    return switch (code) {
      case INTEGRATION_NOT_CONFIGURED -> f -> f.api.get(f.path("SLACK"));
      case INTEGRATION_ALREADY_CONFIGURED -> f -> {
        f.api.post(f.path("SLACK"), TypeCase.of("SLACK").body());
        return f.api.post(f.path("SLACK"), TypeCase.of("SLACK").body());
      };
      case INTEGRATION_FIELDS_INVALID -> f -> f.api.put(f.path("PAGER_DUTY"),
          TypeCase.of("PAGER_DUTY").with("region", "EU"));
      case INVALID_INTEGRATION_SETTINGS -> f -> f.api.put(f.path("DATADOG"),
          TypeCase.of("DATADOG").with("apiKey", "zz-not-hex"));
      case MISSING_ATTRIBUTE -> f -> f.api.put(f.path("SLACK"), TypeCase.of("SLACK").with("apiToken", null));
      case INVALID_ENUM_VALUE -> f -> f.api.put(f.path("OPS_GENIE"), TypeCase.of("OPS_GENIE").with("region", "APAC"));
      case INVALID_JSON -> f -> f.api.put(f.path("SLACK"), "{not json");
      case INVALID_ATTRIBUTE -> f -> f.api.put(f.path("SLACK"), TypeCase.of("WEBHOOK").body());
      case GROUP_NOT_FOUND -> f -> f.api.get(SimFixture.path(AccessTest.UNKNOWN_PROJECT, null));
      case INVALID_GROUP_ID -> f -> f.api.get(SimFixture.path("123", null));
      case NOT_IN_GROUP -> f -> {
        f.sim.addApiKey("other", "other-private", Set.of());
        try (SimulatorClient other = SimulatorClient.digest(f.sim.baseUrl(), "other", "other-private")) {
          return other.get(f.list());
        }
      };
      case USER_UNAUTHORIZED -> f -> {
        try (SimulatorClient anonymous = SimulatorClient.anonymous(f.sim.baseUrl())) {
          return anonymous.get(f.list());
        }
      };
      case IP_ADDRESS_NOT_ON_ACCESS_LIST -> f -> {
        f.sim.setAccessList(SimFixture.PUBLIC_KEY, Set.of("192.0.2.1"));
        return f.api.get(f.list());
      };
      case RATE_LIMITED -> f -> {
        f.api.get(f.list());
        return f.api.get(f.list());
      };
      case RESOURCE_NOT_FOUND -> f -> f.api.get("/groups/" + f.project + "/integrations/SLACK/extra");
      case INVALID_VERSION_DATE -> f -> f.api.atlas().raw("GET", f.list(), null, null, "application/json");
      case UNSUPPORTED_MEDIA_TYPE -> f -> f.api.atlas().raw("PUT", f.path("SLACK"), "channel=x", "text/plain",
          SimulatorClient.ATLAS_MEDIA_TYPE);
      case UNEXPECTED_ERROR -> f -> {
        f.sim.faults().add(FaultRule.respond(500).build());
        return f.api.put(f.path("SLACK"), Map.of());
      };
    };
  }
}
