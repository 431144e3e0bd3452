package io.mdbops.integrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One operator replica as its own JVM: {@code Main run} configured only through the environment
 * variables the Helm chart sets, like a pod. A separate process because a replica that loses or
 * gives up leadership ends its JVM (JOSDK's exit-on-stop-leading), exactly as it should in a pod.
 */
public final class OperatorProcess implements AutoCloseable {

  private static final Path LOGBACK = Path.of("src/main/resources/logback.xml").toAbsolutePath();

  public final String identity;
  public final Path log;
  private final Process process;

  private OperatorProcess(String identity, Path log, Process process) {
    this.identity = identity;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code java ... io.mdbops.integrations.Main run} with this environment on top of a clean one. */
  public static OperatorProcess start(String identity, Path logDir, Map<String, String> env) {
    return startMain(identity, logDir, env, List.of("run"));
  }

  /** Starts {@code java ... io.mdbops.integrations.Main ARGS}, e.g. another command of the jar, the same way. */
  public static OperatorProcess startMain(String identity, Path logDir, Map<String, String> env, List<String> args) {
    List<String> launch = new ArrayList<>(List.of(
        // the production logging configuration, not the test one (which keeps lines in memory)
        "-Dlogback.configurationFile=" + LOGBACK,
        "-cp", classpath(),
        "io.mdbops.integrations.Main"));
    launch.addAll(args);
    return start(identity, logDir, env, launch);
  }

  /** Starts {@code java -jar JAR run}, as the operator image does, with this environment on top of a clean one. */
  public static OperatorProcess startJar(String identity, Path logDir, Map<String, String> env, Path jar) {
    return start(identity, logDir, env, List.of("-jar", jar.toAbsolutePath().toString(), "run"));
  }

  private static OperatorProcess start(String identity, Path logDir, Map<String, String> env, List<String> launch) {
    Path log = logDir.resolve(identity + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(launch);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    // nothing from the surrounding shell may configure the replica: no in-cluster config, no JVM flags
    environment.keySet().removeIf(k -> k.startsWith("KUBERNETES_") || k.equals("JAVA_TOOL_OPTIONS")
        || k.equals("KUBECONFIG"));
    environment.putAll(env);
    environment.put("POD_NAME", identity);
    try {
      Files.createDirectories(logDir);
      return new OperatorProcess(identity, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test classpath: target/classes and every dependency, as surefire runs this test. */
  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code once it has exited. */
  public int exitCode() {
    return process.exitValue();
  }

  /** SIGKILL, as when a node dies: nothing is released, the Lease has to expire. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, as when Kubernetes stops a pod; returns how long the JVM took to exit, or null if it did not within the grace period. */
  public Duration terminate(Duration grace) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    boolean exited = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    return exited ? Duration.ofNanos(System.nanoTime() - start) : null;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
