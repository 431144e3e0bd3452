package io.mdbops.integrations.cli;

import io.mdbops.integrations.BuildInfo;
import picocli.CommandLine;

/** What every command line of this jar shares: exit codes and the version text. */
public final class CommandLines {

  private CommandLines() {}

  /**
   * Exit codes: 0 done, 1 a failure while running, 2 a usage error (a bad flag or setting, told
   * before anything starts), as picocli reports those.
   */
  public static CommandLine configured(CommandLine cli) {
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + e.getMessage());
      return 1;
    });
    return cli;
  }

  /** {@code integrations-operator 0.1.0 (commit 1a2b3c4)}. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"integrations-operator " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")"};
    }
  }
}
