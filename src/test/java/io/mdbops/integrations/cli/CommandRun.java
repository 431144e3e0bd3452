package io.mdbops.integrations.cli;

import io.mdbops.integrations.Main;
import io.mdbops.integrations.testing.LeakWitness;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the jar's command line in this JVM, as a user runs it: exit code, standard output and
 * standard error, which are handed to the leak test too.
 */
record CommandRun(int exit, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    LeakWitness.record(args[0] + "-output", out.toString());
    LeakWitness.record(args[0] + "-output", err.toString());
    return new CommandRun(exit, out.toString(), err.toString());
  }

  /** Everything the command printed. */
  String all() {
    return out + err;
  }
}
