package io.mdbops.integrations;

import io.mdbops.integrations.cli.BenchCommand;
import io.mdbops.integrations.cli.RunCommand;
import io.mdbops.integrations.cli.SandboxCommand;
import io.mdbops.integrations.cli.SimulatorCommand;
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
    System.exit(commandLine().execute(args.length == 0 ? new String[] {"run"} : args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + e.getMessage());
      return 2;
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
      return new String[] {"integrations-operator " + BuildInfo.version()};
    }
  }
}
