package io.mdbops.integrations;

import io.mdbops.integrations.cli.CommandLines;
import io.mdbops.integrations.cli.ReleaseFinalizersCommand;
import io.mdbops.integrations.cli.RunCommand;
import io.mdbops.integrations.config.LogSetup;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator image's entry point: {@code run} (and {@code release-finalizers}, which the chart's
 * uninstall hook runs) and nothing that only a laptop needs (no sandbox,
 * simulator or benchmark, and none of their libraries in the jar: see the runtime jar in the pom).
 */
@Command(name = "integrations-operator", mixinStandardHelpOptions = true,
    versionProvider = CommandLines.Version.class,
    description = "Manages MongoDB Cloud Manager / Ops Manager third-party integrations from ThirdPartyIntegration resources.",
    subcommands = {RunCommand.class, ReleaseFinalizersCommand.class, CommandLine.HelpCommand.class})
public final class OperatorMain implements Runnable {

  public static void main(String[] args) {
    String[] command = args.length == 0 ? new String[] {"run"} : args;
    LogSetup.fromCommandLine(List.of(command), System::getenv);
    System.exit(CommandLines.configured(new CommandLine(new OperatorMain())).execute(command));
  }

  @Override
  public void run() {
    // bare options (--help/--version) are handled by picocli; a bare invocation runs `run`
    new CommandLine(new RunCommand()).execute();
  }
}
