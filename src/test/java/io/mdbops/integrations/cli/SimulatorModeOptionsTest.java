package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.Main;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.EmptyString;
import io.mdbops.integrations.simulator.NonceReuse;
import io.mdbops.integrations.simulator.PutSemantics;
import io.mdbops.integrations.simulator.SecretMask;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.simulator.UrlMask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The simulator-mode flags of both commands: each reaches SimulatorOptions, and a bad value fails
 * in one line naming the allowed values.
 */
class SimulatorModeOptionsTest {

  static final String[] EVERY_FLAG = {"--put-semantics", "merge", "--empty-string", "ignored", "--url-mask", "stars",
      "--secret-mask", "fixed-prefix", "--nonce-reuse", "refused", "--product", "ops-manager",
      "--accepted-types", "pager_duty,WEBHOOK", "--revoke-key-after", "90s", "--datadog-region", "accepted"};

  /** The options a command would start its simulator with, from its command line. */
  static Stream<Arguments> commands() {
    Function<String[], SimulatorOptions> simulator = args -> {
      SimulatorCommand command = new SimulatorCommand();
      new CommandLine(command).parseArgs(args);
      return command.options();
    };
    Function<String[], SimulatorOptions> sandbox = args -> {
      SandboxCommand command = new SandboxCommand();
      new CommandLine(command).parseArgs(args);
      return command.settings().simulatorOptions().apply(SimulatorOptions.builder()).build();
    };
    return Stream.of(Arguments.of("simulator", simulator), Arguments.of("sandbox", sandbox));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("--put-semantics", "patch", "replace, merge"),
        Arguments.of("--empty-string", "nulls", "clears, ignored"),
        Arguments.of("--url-mask", "path", "host, stars, last-four"),
        Arguments.of("--secret-mask", "first-four", "last-four, fixed-prefix, full"),
        Arguments.of("--nonce-reuse", "sometimes", "accepted, refused"),
        Arguments.of("--product", "atlas", "CLOUD_MANAGER, OPS_MANAGER (or cloud-manager, ops-manager)"),
        Arguments.of("--accepted-types", "FLOWDOCK", "PAGER_DUTY, SLACK, DATADOG"),
        Arguments.of("--revoke-key-after", "soon", "30s, 5m"),
        Arguments.of("--datadog-region", "maybe", "refused, accepted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyFlagReachesTheSimulatorOptions(String name, Function<String[], SimulatorOptions> options) {
    SimulatorOptions o = options.apply(EVERY_FLAG);

    assertThat(o.putSemantics()).isEqualTo(PutSemantics.MERGE);
    assertThat(o.emptyString()).isEqualTo(EmptyString.IGNORED);
    assertThat(o.urlMask()).isEqualTo(UrlMask.STARS);
    assertThat(o.secretMask()).isEqualTo(SecretMask.FIXED_PREFIX);
    assertThat(o.nonceReuse()).isEqualTo(NonceReuse.REFUSED);
    assertThat(o.product()).isEqualTo(Product.OPS_MANAGER);
    assertThat(o.acceptedTypes()).containsExactlyInAnyOrder("PAGER_DUTY", "WEBHOOK");
    assertThat(o.revokeKeysAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(o.datadogRegion()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void withoutFlagsTheOptionsAreTheDefaults(String name, Function<String[], SimulatorOptions> options) {
    SimulatorOptions o = options.apply(new String[0]);

    assertThat(o.modes()).isEqualTo(SimulatorOptions.defaults().modes());
    assertThat(o.nonDefaultModes()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theProductIsTakenInEitherSpellingAndAnyCase(String name, Function<String[], SimulatorOptions> options) {
    for (String value : Set.of("OPS_MANAGER", "ops-manager", "Ops-Manager", "ops_manager")) {
      assertThat(options.apply(new String[] {"--product", value}).product()).as(value).isEqualTo(Product.OPS_MANAGER);
    }
    assertThat(options.apply(new String[] {"--flavour", "cloud-manager"}).product()).isEqualTo(Product.CLOUD_MANAGER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theFaultFlagsAndTheModeFlagsCompose(String name, Function<String[], SimulatorOptions> options) {
    SimulatorOptions o = options.apply(new String[] {"--latency", "5ms", "--nonce-ttl", "2s", "--url-mask", "last-four"});

    assertThat(o.minLatency()).isEqualTo(Duration.ofMillis(5));
    assertThat(o.nonceTtl()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.urlMask()).isEqualTo(UrlMask.LAST_FOUR);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badValues")
  void aBadValueFailsInOneLineNamingTheAllowedValues(String flag, String value, String allowed) {
    for (Object command : new Object[] {new SimulatorCommand(), new SandboxCommand()}) {
      assertThatThrownBy(() -> new CommandLine(command).parseArgs(flag, value))
          .isInstanceOf(CommandLine.ParameterException.class)
          .hasMessageContaining(flag).hasMessageContaining("'" + value + "'").hasMessageContaining(allowed)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theCommandExitsWithCode2AndTheMessageFirst(String name, Function<String[], SimulatorOptions> ignored) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute(name, "--accepted-types", "SLACK,FLOWDOCK");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines().findFirst().orElseThrow())
        .contains("--accepted-types").contains("'FLOWDOCK' is not one of PAGER_DUTY, SLACK");
  }
}
