package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.config.OperatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command line's defaults are {@link OperatorConfig}'s; the README's table says the same. */
class OperatorDefaultsTest {

  static RunCommand parse(Map<String, String> env, String... args) {
    RunCommand command = new RunCommand();
    CommandLine cli = new CommandLine(command);
    cli.setDefaultValueProvider(new OperatorDefaults(env::get));
    cli.parseArgs(args);
    return command;
  }

  @Test
  void noFlagsAndNoEnvironmentGiveTheConfigurationDefaults() {
    assertThat(parse(Map.of()).options.toConfig()).isEqualTo(OperatorConfig.builder().build());
  }

  @Test
  void everyFlagOfRunHasAnEnvironmentVariableAndADefault() {
    List<OptionSpec> options = new CommandLine(new RunCommand()).getCommandSpec().options().stream()
        .filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
    assertThat(options).isNotEmpty().allSatisfy(o ->
        assertThat(OperatorDefaults.environmentVariables()).containsKey(o.longestName()));
    assertThat(OperatorDefaults.environmentVariables()).hasSameSizeAs(options);
  }

  @Test
  void thePrefixedVariableWinsAndTheUnprefixedOneOfEarlierReleasesIsStillRead() {
    Map<String, String> env = new HashMap<>();
    env.put("RESYNC_INTERVAL", "7m");
    env.put("MAX_CONCURRENT_RECONCILES", "3");
    env.put("INTEGRATIONS_OPERATOR_MAX_CONCURRENT_RECONCILES", "9");
    OperatorConfig config = parse(env).options.toConfig();
    assertThat(config.resyncInterval()).isEqualTo(Duration.ofMinutes(7));
    assertThat(config.maxConcurrentReconciles()).isEqualTo(9);
  }

  @Test
  void aFlagWinsOverTheEnvironment() {
    OperatorConfig config = parse(Map.of("INTEGRATIONS_OPERATOR_RESYNC_INTERVAL", "7m"), "--resync-interval=1m")
        .options.toConfig();
    assertThat(config.resyncInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theReadmeTableListsEachFlagWithItsVariableAndDefault() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher row = Pattern.compile("(?m)^\\| `(--[a-z-]+)` \\| `(INTEGRATIONS_OPERATOR_[A-Z_]+)` \\| ([^|]+) \\|").matcher(readme);
    Map<String, String[]> rows = new HashMap<>();
    while (row.find()) {
      rows.put(row.group(1), new String[] {row.group(2), row.group(3).trim()});
    }
    OperatorDefaults.environmentVariables().forEach((flag, env) -> {
      if (flag.startsWith("--lease-") && !flag.equals("--lease-name")) {
        return; // the three timings share one row
      }
      assertThat(rows).as("README row for %s", flag).containsKey(flag);
      assertThat(rows.get(flag)[0]).isEqualTo(env);
      String shown = OperatorDefaults.defaultOf(flag);
      if (shown != null && !shown.isEmpty()) {
        assertThat(rows.get(flag)[1]).as("README default of %s", flag).isEqualTo("`" + shown + "`");
      }
    });
  }
}
