package io.mdbops.integrations.cli;

import io.mdbops.integrations.bench.BenchResult;
import io.mdbops.integrations.bench.BenchSettings;
import io.mdbops.integrations.bench.Benchmark;
import io.mdbops.integrations.bench.KubeApi;
import io.mdbops.integrations.bench.ReportWriter;
import io.mdbops.integrations.config.LogSetup;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.controller.OperatorAssembly;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: the scale benchmark (embedded Kubernetes API + simulator + operator). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
        "Measure the operator at scale in this JVM: cold convergence, one steady-state drift interval,"
            + " a Secret rotation burst, a warm restart and its memory, against the embedded Kubernetes API and the"
            + " API simulator; and start-up as its own process.",
        "Prints a table and writes JSON with stable keys (--out). See docs/benchmarks.md."})
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--resources", paramLabel = "N", defaultValue = "1000",
      description = "ThirdPartyIntegration resources, each with its own Secret. Default: ${DEFAULT-VALUE}.")
  int resources;

  @Option(names = "--projects", paramLabel = "P",
      description = "Projects they spread over (a project holds at most one integration of each type)."
          + " Default: resources / 8.")
  Integer projects;

  @Option(names = "--namespaces", paramLabel = "NS", defaultValue = "10",
      description = "Namespaces, each with its own API key and connection Secret. Default: ${DEFAULT-VALUE}.")
  int namespaces;

  @Option(names = "--latency", paramLabel = "DURATION", converter = LatencyConverter.class, defaultValue = "20ms",
      description = "Latency the simulator adds to every request (0 for none). Default: ${DEFAULT-VALUE}.")
  Duration latency;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "20",
      description = "The operator's max concurrent reconciles (as --max-concurrent-reconciles of run)."
          + " Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--rotations", paramLabel = "N",
      description = "Credentials Secrets updated at once in the rotation scenario. Default: 100 (at most resources).")
  Integer rotations;

  @Option(names = "--scenario", paramLabel = "cold|steady|rotation|restart|memory|startup|all", defaultValue = "all",
      description = "What to measure, comma-separated; cold always runs first. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(names = "--out", paramLabel = "FILE",
      description = "JSON result file. Default: bench-results/<timestamp>.json.")
  Path out;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "15m",
      description = "Longest wait of one phase. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--quiet-period", paramLabel = "DURATION", converter = Durations.class, defaultValue = "2s",
      description = "A phase has settled when no request reached either server for this long. Default: ${DEFAULT-VALUE}.")
  Duration quietPeriod;

  @Option(names = "--max-idle-connections", paramLabel = "N",
      description = "Experiment: override the API client's idle connection pool size (run derives"
          + " max(5, max concurrent reconciles)).")
  Integer maxIdleConnections;

  @Option(names = "--kube-api", paramLabel = "mock|indexed", defaultValue = "mock",
      description = "The in-process Kubernetes API: mock (the sandbox's fabric8 mock server) or indexed"
          + " (the same with indexed name lookups; an experiment). Default: ${DEFAULT-VALUE}.")
  KubeApi.Kind kubeApi;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
      description = "First converge N resources with a throw-away operator and cluster, so the JIT is warm."
          + " Default: ${DEFAULT-VALUE} (a cold JVM, as after an operator restart).")
  int warmup;

  @Option(names = "--unrelated-secrets", paramLabel = "N", defaultValue = "0",
      description = "Also create N Secrets no resource references (like Helm releases), to see what the"
          + " operator's Secret cache costs. Default: ${DEFAULT-VALUE}.")
  int unrelatedSecrets;

  @Option(names = "--unrelated-secret-size", paramLabel = "BYTES", defaultValue = "8192",
      description = "Data size of each unrelated Secret. Default: ${DEFAULT-VALUE}.")
  int unrelatedSecretBytes;

  @Option(names = "--experiment-async-events",
      description = "Experiment: the operator's Event writes are handed to background threads instead of"
          + " holding up the reconcile (done by wrapping its Kubernetes client).")
  boolean asyncEvents;

  @Option(names = "--simulator-threads", paramLabel = "N", defaultValue = "128",
      description = "The simulator's request threads. Default: ${DEFAULT-VALUE}.")
  int simulatorThreads;

  @Option(names = "--watch-namespaces",
      description = "Configure the operator with the tenants' namespaces as watchNamespaces (one Secret informer per"
          + " namespace) instead of watching every namespace.")
  boolean watchNamespaces;

  @Option(names = "--operator-jar", paramLabel = "JAR",
      description = "The jar the startup scenario starts as `java -jar JAR run`. Default:"
          + " target/integrations-operator-runtime.jar when it exists, else this JVM's class path.")
  Path operatorJar;

  @Option(names = "--cds",
      description = "The startup scenario also makes an AppCDS archive in a training run and measures with it.")
  boolean cds;

  @Mixin
  SimulatorModeOptions modes = new SimulatorModeOptions();

  @Option(names = "--verbose", description = "Keep the operator's INFO log (one line per write).")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // one INFO line per write would drown the table
    LogSetup.apply(OperatorConfig.LogFormat.text, verbose ? OperatorConfig.LogLevel.info : OperatorConfig.LogLevel.warn);
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Level level = root.getLevel();
    if (!verbose) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    try {
      return bench();
    } finally {
      root.setLevel(level);
    }
  }

  private int bench() throws Exception {
    Path file = out != null ? out : Path.of("bench-results",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
    BenchSettings settings = BenchSettings.builder()
        .resources(resources)
        .projects(projects)
        .namespaces(namespaces)
        .latency(latency)
        .concurrency(concurrency)
        .rotations(rotations)
        .scenarios(BenchSettings.Scenario.parse(scenario))
        .phaseTimeout(timeout)
        .quietPeriod(quietPeriod)
        .simulatorThreads(simulatorThreads)
        .kubeApi(kubeApi)
        .warmup(warmup)
        .asyncEvents(asyncEvents)
        .unrelatedSecrets(unrelatedSecrets, unrelatedSecretBytes)
        .apiSettings(this::apiSettings)
        .out(file)
        .watchNamespaces(watchNamespaces)
        .operatorJar(operatorJar != null ? operatorJar : defaultOperatorJar())
        .cds(cds)
        .simulator(modes::applyTo)
        .build();
    BenchResult result = new Benchmark(settings, System.err).run();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(ReportWriter.table(result));
    ReportWriter.writeJson(result, file);
    stdout.println("JSON: " + file);
    stdout.flush();
    return 0;
  }

  /** What {@code run} gives the operator, with the experiment's override. */
  private ApiClientSettings apiSettings(OperatorConfig config) {
    ApiClientSettings s = OperatorAssembly.apiSettings(config);
    if (maxIdleConnections == null) {
      return s;
    }
    return s.withMaxIdleConnections(maxIdleConnections);
  }

  private static Path defaultOperatorJar() {
    Path runtime = Path.of("target", "integrations-operator-runtime.jar");
    return Files.isRegularFile(runtime) ? runtime : null;
  }

  /** Like {@link Durations}, but 0 is allowed. */
  static final class LatencyConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return value.trim().equals("0") ? Duration.ZERO : Durations.parse(value);
    }
  }
}
