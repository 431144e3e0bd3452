package io.mdbops.integrations.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own rule checker, run as a process. Missing promtool is a failure, not a skip: a
 * green build must mean the alerts were tested.
 */
final class Promtool {

  static final String INSTALL = "promtool is needed to test the chart's alert rules and was not found on PATH"
      + " (nor at $PROMTOOL); on Debian/Ubuntu: apt-get install prometheus";

  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Path binary() {
    String configured = System.getenv("PROMTOOL");
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) {
        throw new AssertionError(INSTALL + "; PROMTOOL=" + configured + " is not an executable file");
      }
      return Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(INSTALL);
  }

  /** promtool with these arguments, run in {@code dir} (test files name their rule files relative to it). */
  static Result run(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile(dir, "promtool-", ".out");
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("promtool did not finish within 60 s: " + command);
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
