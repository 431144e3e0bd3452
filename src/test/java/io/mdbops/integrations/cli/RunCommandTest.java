package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A usage error exits 2 with one line naming the bad value, before anything starts. */
class RunCommandTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--resync-interval=5 minutes | --resync-interval",
      "--watch-namespaces=Team_A   | --watch-namespaces: 'Team_A' is not a namespace name",
      "--log-level=loud            | --log-level",
      "--allowed-base-urls=ftp://x | --allowed-base-urls",
      "--lease-duration=1s         | lease timings"})
  void aBadSettingIsAUsageErrorExitingTwo(String flag, String named) {
    StringWriter err = new StringWriter();
    int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("run", flag);
    assertThat(exit).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains(named);
  }
}
