package io.mdbops.integrations;

import io.mdbops.integrations.cli.BenchCommand;
import io.mdbops.integrations.cli.RunCommand;
import io.mdbops.integrations.cli.SandboxCommand;
import io.mdbops.integrations.cli.SimulatorCommand;
import io.mdbops.integrations.config.LogSetup;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code integrations-operator [run|sandbox|simulator]}; {@code run} is the default. */
@Command(name = "integrations-operator", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Manages MongoDB Cloud Manager / Ops Manager third-party integrations from ThirdPartyIntegration resources.",
    subcommands = {RunCommand.class, SandboxCommand.class, SimulatorCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    String[] command = args.length == 0 ? new String[] {"run"} : args;
    LogSetup.fromCommandLine(List.of(command), System::getenv);
    System.exit(commandLine().execute(command));
  }

  /**
   * Exit codes: 0 done, 1 a failure while running, 2 a usage error (a bad flag or setting, told
   * before anything starts), as picocli reports those.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + e.getMessage());
      return 1;
    });
    return cli;
  }

  @Override
  public void run() {
    // bare options (--help/--version) are handled by picocli; a bare invocation runs `run`
    new CommandLine(new RunCommand()).execute();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"integrations-operator " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")"};
    }
  }
}
