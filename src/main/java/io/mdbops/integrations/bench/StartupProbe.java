package io.mdbops.integrations.bench;

import io.mdbops.integrations.Main;
import io.mdbops.integrations.bench.BenchResult.Launch;
import io.mdbops.integrations.sandbox.Kubeconfig;
import io.mdbops.integrations.simulator.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the operator as its own process, as a pod starts it, against the benchmark's cluster and
 * simulator, and times process start to {@code /readyz} 200 and to the first request the simulator
 * received. The process is configured only through the environment variables the chart sets.
 */
final class StartupProbe implements AutoCloseable {

  private final BenchCluster cluster;
  private final BenchSettings settings;
  private final Path workDir;
  private final Path kubeconfig;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  StartupProbe(BenchCluster cluster, BenchSettings settings) {
    this.cluster = cluster;
    this.settings = settings;
    try {
      workDir = Files.createTempDirectory("bench-startup-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kubeconfig = Kubeconfig.write(workDir.resolve("kubeconfig"), cluster.kube.url(), Benchmark.OPERATOR_NAMESPACE);
  }

  /** How the operator is started: {@code java -jar JAR run}, or this JVM's class path without a jar. */
  String command() {
    return settings.operatorJar() != null ? "java -jar " + settings.operatorJar() + " run"
        : "java -cp <bench class path> " + Main.class.getName() + " run";
  }

  /** One start with the cluster as it is; the process is stopped once it is ready and quiet. */
  Launch launch(String clusterState, int resources, Optional<Path> cdsArchive) {
    return run(clusterState, resources, cdsArchive.map(a -> "-XX:SharedArchiveFile=" + a), false);
  }

  /**
   * A training run that leaves an AppCDS archive of the classes a start loads (written when the
   * JVM exits), or empty when the JVM made none.
   */
  Optional<Path> train() {
    Path archive = workDir.resolve("operator.jsa");
    run("training", 0, Optional.of("-XX:ArchiveClassesAtExit=" + archive), true);
    return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
  }

  private Launch run(String clusterState, int resources, Optional<String> jvmFlag, boolean training) {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
    jvmFlag.ifPresent(command::add);
    if (settings.operatorJar() != null) {
      command.addAll(List.of("-jar", settings.operatorJar().toAbsolutePath().toString(), "run"));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run"));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("operator-" + clusterState + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("KUBERNETES_") || k.equals("JAVA_TOOL_OPTIONS"));
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("INTEGRATIONS_OPERATOR_OPERATOR_NAMESPACE", Benchmark.OPERATOR_NAMESPACE);
    env.put("INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS", cluster.sim.baseUrl());
    env.put("INTEGRATIONS_OPERATOR_LEADER_ELECTION", "false");
    env.put("INTEGRATIONS_OPERATOR_HTTP_PORT", Integer.toString(port));
    env.put("INTEGRATIONS_OPERATOR_MAX_CONCURRENT_RECONCILES", Integer.toString(settings.concurrency()));
    env.put("INTEGRATIONS_OPERATOR_LOG_FORMAT", "text");
    if (settings.watchNamespaces()) {
      env.put("INTEGRATIONS_OPERATOR_WATCH_NAMESPACES", String.join(",", cluster.population.tenants().stream()
          .map(Population.Tenant::namespace).toList()));
    }
    cluster.clearJournals();
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    try {
      double ready = awaitReady(process, port, t0);
      long deadline = System.nanoTime() + settings.phaseTimeout().toNanos();
      while (resources > 0 && cluster.sim.journal().recorded() == 0 && System.nanoTime() < deadline) {
        BenchCluster.sleep(5); // with resources, a first call is certain; the quiet wait starts after it
      }
      cluster.awaitQuiet(settings.quietPeriod(), settings.phaseTimeout());
      List<JournalEntry> api = cluster.sim.journal().entries();
      double firstCall = api.stream().map(JournalEntry::time).min(Instant::compareTo)
          .map(t -> Tally.seconds(Duration.between(started, t))).orElse(Double.NaN);
      long puts = api.stream().filter(Tally::isPut).count();
      return new Launch(clusterState, resources, jvmFlag.filter(f -> f.contains("SharedArchiveFile")).isPresent(),
          ready, firstCall, puts, training ? "training run for the AppCDS archive" : null);
    } finally {
      stop(process);
    }
  }

  private double awaitReady(Process process, int port, long t0) {
    HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
        .timeout(Duration.ofSeconds(1)).build();
    long deadline = t0 + settings.phaseTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the operator process exited with " + process.exitValue() + "; see "
            + workDir);
      }
      try {
        if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Tally.seconds(Duration.ofNanos(System.nanoTime() - t0));
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
      BenchCluster.sleep(5);
    }
    throw new IllegalStateException("the operator process was not ready within " + settings.phaseTimeout());
  }

  /** SIGTERM, as the kubelet stops a pod: the JVM runs its shutdown hooks (and writes a CDS archive). */
  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Removes the kubeconfig, logs and archive of the launches. */
  @Override
  public void close() {
    try (var files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
