package io.mdbops.integrations.cli;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.config.LogSetup;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.sandbox.Examples;
import io.mdbops.integrations.sandbox.QuietLogs;
import io.mdbops.integrations.sandbox.RealApi;
import io.mdbops.integrations.sandbox.Sandbox;
import io.mdbops.integrations.sandbox.SandboxSettings;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.sandbox.StatusTable;
import io.mdbops.integrations.opsmanager.ApiConnection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sandbox}: the operator, an embedded Kubernetes API and the API simulator, with the examples. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Try the operator on this machine, nothing to install: an embedded Kubernetes API, the API"
            + " simulator (or a real Cloud/Ops Manager with --api-url), the examples of deploy/examples"
            + " applied, and the operator reconciling them. Everything listens on 127.0.0.1 only.",
        "Prints a line whenever a resource's Ready condition changes and one per API write (method,"
            + " project, type, status), and the kubectl commands that work against it. Ctrl-C stops it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:Stopped by Ctrl-C, or (--exit-when-ready) every example became Ready.",
        "1:(--exit-when-ready) Some example was not Ready in time; each is listed with its reason.",
        "2:Invalid options or the sandbox could not start."})
public final class SandboxCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  FaultOptions faults = new FaultOptions();

  @Mixin
  SimulatorModeOptions modes = new SimulatorModeOptions();

  @Option(names = "--exit-when-ready", arity = "0..1", paramLabel = "TIMEOUT", fallbackValue = "60s",
      converter = Durations.class,
      description = "Exit once every example is Ready (exit code 0), or after TIMEOUT with the reason of each one"
          + " that is not (exit code 1). TIMEOUT defaults to 60s.")
  Duration exitWhenReady;

  @Option(names = "--examples", paramLabel = "PATH",
      description = "Directory of manifests (every *.yaml but connection-secret.yaml) or one file to apply."
          + " Default: deploy/examples of the checkout, else the copies packaged in the jar.")
  Path examples;

  @Option(names = "--kubeconfig-out", paramLabel = "FILE",
      description = "Write the kubeconfig for kubectl here. Default: a file in a temporary directory,"
          + " removed on exit.")
  Path kubeconfigOut;

  @Option(names = "--kube-port", paramLabel = "PORT", defaultValue = "0",
      description = "Port of the embedded Kubernetes API on 127.0.0.1. Default: a free port.")
  int kubePort;

  @Option(names = "--simulator-port", paramLabel = "PORT", defaultValue = "0",
      description = "Port of the API simulator on 127.0.0.1. Default: a free port.")
  int simulatorPort;

  @Option(names = "--resync-interval", paramLabel = "DURATION", defaultValue = "30s", converter = Durations.class,
      description = "How often the operator re-reads the project to undo drift. Default: ${DEFAULT-VALUE}.")
  Duration resyncInterval;

  @Mixin
  ApiConnectionOptions api = new ApiConnectionOptions();

  @Option(names = "--no-operator",
      description = "Start everything but the operator, and print how to run your own (`run`, say from an IDE)"
          + " against this sandbox. Two operators on one sandbox would race each other.")
  boolean noOperator;

  @Option(names = "--service-account",
      description = "With the simulator: put a service account (clientId, clientSecret; OAuth 2) into the"
          + " connection Secret instead of an API key (Digest). With --api-url, give --client-id and"
          + " --client-secret-file instead.")
  boolean serviceAccount;

  @Option(names = "--verbose", description = "Also show the operator's own log (INFO).")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    SandboxSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    if (verbose) {
      LogSetup.apply(OperatorConfig.LogFormat.text);
      return run(settings, out);
    }
    try (QuietLogs quiet = QuietLogs.apply()) {
      return run(settings, out);
    }
  }

  private int run(SandboxSettings settings, PrintWriter out) throws InterruptedException {
    Console console = new Console(out);
    console.line("Starting the sandbox: embedded Kubernetes API, "
        + (settings.realApi() == null ? "API simulator" : "API at " + settings.realApi().connection().baseUrl())
        + (settings.operator() ? ", operator (resync every " + format(settings.resyncInterval()) + ")..." : ", no operator..."));
    Sandbox sandbox = Sandbox.start(settings, console::line);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      console.line("Stopping the sandbox...");
      sandbox.close();
      console.line("Stopped.");
      stopped.countDown();
    }, "sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      banner(console, sandbox);
      console.line("");
      console.line(StatusTable.header());
      if (exitWhenReady == null) {
        // the table and the API lines keep coming from other threads until Ctrl-C
        waitForAllReady(console, sandbox);
        stopped.await();
        return 0;
      }
      Map<String, StatusTable.Row> rows = sandbox.awaitExamplesReady(exitWhenReady);
      if (!sandbox.refusals().isEmpty()) {
        console.line("Some examples were refused by the API (kubectl apply would refuse them the same way):");
        sandbox.refusals().forEach(r -> console.line("  " + r));
        return 1;
      }
      if (sandbox.table().allReady(sandbox.exampleKeys())) {
        console.line("All " + rows.size() + " examples are Ready.");
        return 0;
      }
      console.line("Not every example became Ready within " + format(exitWhenReady) + ":");
      rows.values().stream().filter(r -> !r.isReady()).forEach(r -> console.line(
          "  " + r.resource() + " (" + r.type() + "): Ready=" + r.ready() + ", reason " + r.reason()
              + (r.message() == null ? "" : ": " + r.message())));
      return 1;
    } finally {
      if (stopped.getCount() > 0) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running
        }
        sandbox.close();
      }
    }
  }

  /** In interactive mode, says once when everything is Ready, without blocking the caller. */
  private static void waitForAllReady(Console console, Sandbox sandbox) {
    Thread t = new Thread(() -> {
      try {
        sandbox.awaitExamplesReady(Duration.ofDays(365));
        console.line("All " + sandbox.exampleKeys().size() + " examples are Ready. Edit one and re-apply it"
            + " with kubectl to watch the operator write it; Ctrl-C stops the sandbox.");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sandbox-ready");
    t.setDaemon(true);
    t.start();
  }

  static void banner(Console console, Sandbox sandbox) {
    Path dir = sandbox.examples().directory();
    console.line("Kubernetes API  " + sandbox.kube().url());
    if (sandbox.simulator() != null) {
      console.line("API simulator   " + sandbox.apiBaseUrl() + ", project " + String.join(", ",
          sandbox.simulator().projects()) + "; key pair in Secret " + String.join(", ", sandbox.connectionSecrets()));
      String modes = SimulatorModeOptions.describe(sandbox.simulator().options());
      if (!modes.isEmpty()) {
        console.line("                playing " + modes);
      }
    } else {
      console.line("API             " + sandbox.apiBaseUrl() + "; examples re-targeted to project(s) "
          + String.join(", ", sandbox.examples().projectIds()) + " and written to " + display(dir));
      console.line("                What the operator writes there stays after the sandbox exits; kubectl delete"
          + " the resources while it runs to remove it.");
    }
    console.line("Examples        " + sandbox.exampleKeys().size() + " resources, copies in " + display(dir)
        + " (edit these; the checkout stays as it is)");
    if (sandbox.metricsUrl() != null) {
      console.line("Metrics         " + sandbox.metricsUrl() + "/metrics (health: /healthz, /readyz)");
    } else {
      console.line("Operator        not started (--no-operator); run yours against this sandbox, e.g. from the checkout:");
      console.line("  KUBECONFIG=" + sandbox.kubeconfig().toAbsolutePath() + " java -jar target/integrations-operator.jar run"
          + " --allowed-base-urls " + sandbox.apiBaseUrl() + " --leader-election false --http-port 8081");
    }
    sandbox.examples().all().forEach(e -> e.problems().forEach(p -> console.line("  warning: " + p)));
    sandbox.refusals().forEach(r -> console.line("  refused by the API: " + r));
    sandbox.unknownReferences().forEach(r -> console.line("  note: " + r));
    console.line("");
    console.line("Try it with kubectl, from another terminal (the README's walkthrough starts with these lines):");
    walkthroughSetup(sandbox).forEach(line -> console.line("  " + line));
    String slack = Examples.FILES.get(IntegrationType.SLACK);
    Examples.Example shown = sandbox.examples().all().stream().filter(e -> e.fileName().equals(slack))
        .findFirst().orElse(sandbox.examples().all().get(0));
    String file = "$SANDBOX/" + sandbox.workDir().toAbsolutePath().relativize(dir.resolve(shown.fileName()).toAbsolutePath());
    String name = shown.resources().isEmpty() ? "NAME" : shown.resources().get(0).getMetadata().getName();
    console.line("  k get tpi");
    console.line("  k get tpi " + name + " -o yaml");
    console.line("  # edit " + file + (shown.fileName().equals(slack) ? " (say, channelName)" : "") + ", then:");
    console.line("  k apply -f " + file);
    console.line("  k delete --wait=false -f " + file);
    console.line("(This embedded API validates like a real one, but cannot stream: get --watch and kubectl wait"
        + " fail at once; run the command again instead.)");
  }

  /**
   * The shell lines that point kubectl (and curl, at the simulator) at this sandbox; kubectl's
   * cache goes into the sandbox's directory, so nothing is written under {@code ~/.kube}.
   */
  static List<String> walkthroughSetup(Sandbox sandbox) {
    Path work = sandbox.workDir().toAbsolutePath();
    Path kubeconfig = sandbox.kubeconfig().toAbsolutePath();
    List<String> lines = new ArrayList<>();
    lines.add("export SANDBOX=" + work);
    lines.add("export KUBECONFIG=" + (kubeconfig.startsWith(work) ? "$SANDBOX/" + work.relativize(kubeconfig) : kubeconfig));
    lines.add("alias k=\"kubectl --cache-dir=$SANDBOX/" + work.relativize(sandbox.kubectlCache().toAbsolutePath()) + "\"");
    if (sandbox.simulator() != null) {
      lines.add("export API=" + sandbox.apiBaseUrl());
    }
    return lines;
  }

  /** 90s as 1m30s, 60s as 1m. */
  static String format(Duration d) {
    long s = d.toSeconds();
    if (s < 60 || d.toMillis() % 1000 != 0) {
      return d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }
    String text = (s / 3600 > 0 ? s / 3600 + "h" : "") + (s % 3600 / 60 > 0 ? s % 3600 / 60 + "m" : "");
    return text + (s % 60 > 0 ? s % 60 + "s" : "");
  }

  private static String display(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  SandboxSettings settings() {
    SandboxSettings.Builder s;
    try {
      faults.applyTo(SimulatorOptions.builder()).build(); // a bad flag is a usage error, told before start
      s = SandboxSettings.builder().examples(examples).kubeconfigOut(kubeconfigOut).kubePort(kubePort)
          .simulatorPort(simulatorPort).resyncInterval(resyncInterval)
          .simulator(b -> {
            SimulatorOptions.Builder chosen = modes.applyTo(faults.applyTo(b));
            api.api().ifPresent(chosen::api); // --api atlas-v2 without --api-url: the simulator plays Atlas
            return chosen;
          }, faults.rules())
          .serviceAccount(serviceAccount);
      if (noOperator) {
        s.withoutOperator();
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Optional<ApiConnection> connection = api.connection(spec);
    Optional<String> project = api.projectId(spec);
    if (connection.isEmpty()) {
      return s.build();
    }
    if (serviceAccount) {
      throw new ParameterException(spec.commandLine(),
          "--service-account is for the simulator; with --api-url give --client-id and --client-secret-file");
    }
    if (project.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "--api-url needs --project-id: the examples are re-targeted to that project");
    }
    return s.realApi(new RealApi(connection.get(), project.get())).build();
  }

  /** Lines to the command's output, whole and flushed, from any thread. */
  static final class Console {
    private final PrintWriter out;

    Console(PrintWriter out) {
      this.out = out;
    }

    synchronized void line(String text) {
      out.println(text);
      out.flush();
    }
  }
}
