package io.mdbops.integrations;

import io.mdbops.integrations.cli.BenchCommand;
import io.mdbops.integrations.cli.CommandLines;
import io.mdbops.integrations.cli.DoctorCommand;
import io.mdbops.integrations.cli.ExportCommand;
import io.mdbops.integrations.cli.PlanCommand;
import io.mdbops.integrations.cli.ReleaseFinalizersCommand;
import io.mdbops.integrations.cli.RunCommand;
import io.mdbops.integrations.cli.SandboxCommand;
import io.mdbops.integrations.cli.SimulatorCommand;
import io.mdbops.integrations.config.LogSetup;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code integrations-operator [run|sandbox|simulator|bench|plan|export|doctor|release-finalizers]};
 * {@code run} is the default. The jar the README runs; the operator image uses {@link OperatorMain}'s
 * leaner jar.
 */
@Command(name = "integrations-operator", mixinStandardHelpOptions = true,
    versionProvider = CommandLines.Version.class,
    description = "Manages MongoDB Cloud Manager / Ops Manager third-party integrations from ThirdPartyIntegration resources.",
    subcommands = {RunCommand.class, SandboxCommand.class, SimulatorCommand.class, BenchCommand.class,
        PlanCommand.class, ExportCommand.class, DoctorCommand.class, ReleaseFinalizersCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    String[] command = args.length == 0 ? new String[] {"run"} : args;
    LogSetup.fromCommandLine(List.of(command), System::getenv);
    System.exit(commandLine().execute(command));
  }

  public static CommandLine commandLine() {
    return CommandLines.configured(new CommandLine(new Main()));
  }

  @Override
  public void run() {
    // bare options (--help/--version) are handled by picocli; a bare invocation runs `run`
    new CommandLine(new RunCommand()).execute();
  }
}
