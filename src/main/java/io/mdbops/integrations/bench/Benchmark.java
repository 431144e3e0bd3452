package io.mdbops.integrations.bench;

import io.mdbops.integrations.BuildInfo;
import io.mdbops.integrations.bench.BenchResult.Cold;
import io.mdbops.integrations.bench.BenchResult.MemoryUse;
import io.mdbops.integrations.bench.BenchResult.Restart;
import io.mdbops.integrations.bench.BenchResult.Rotation;
import io.mdbops.integrations.bench.BenchResult.Steady;
import io.mdbops.integrations.bench.BenchSettings.Scenario;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.simulator.JournalEntry;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the scenarios against the real operator ({@link OperatorUnderTest}) in this JVM: cold
 * convergence, one steady-state drift interval, a Secret rotation burst, a warm restart and the
 * memory it takes; and, as its own process ({@link StartupProbe}), start-up. Every count comes from the journals of the servers (the simulator's for API requests, the
 * embedded Kubernetes API's for writes), not from the operator's own account.
 */
public final class Benchmark {

  /** The operator namespace of the configuration the benchmark runs. */
  static final String OPERATOR_NAMESPACE = "integrations-operator";

  private final BenchSettings settings;
  private final PrintStream progress;

  public Benchmark(BenchSettings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = progress;
  }

  public BenchResult run() {
    Instant startedAt = Instant.now();
    long runStart = System.nanoTime();
    Machine machine = Machine.describe();
    if (settings.warmup() > 0) {
      warmUp();
    }
    boolean measureMemory = settings.runs(Scenario.memory);
    List<Memory.Point> points = new ArrayList<>();
    try (BenchCluster cluster = BenchCluster.start(settings)) {
      OperatorConfig config = operatorConfig(cluster.sim.baseUrl());
      ApiClientSettings api = settings.apiSettings().apply(config);
      Map<String, Long> before = Map.of();
      StartupProbe startupProbe = settings.runs(Scenario.startup) ? new StartupProbe(cluster, settings) : null;
      List<BenchResult.Launch> launches = new ArrayList<>();
      if (startupProbe != null) {
        say("startup: the operator as its own process (%s), empty cluster", startupProbe.command());
        launches.add(startupProbe.launch("empty", 0, Optional.empty()));
      }
      if (measureMemory) {
        points.add(Memory.measure("embedded Kubernetes API + simulator, no objects, no operator"));
        // what exists before this run's operator (another run's, in a test JVM) is not its own
        before = Memory.instances(Memory.histogram(), Memory.WITNESSES);
      }
      say("creating %d resources, %d credentials Secrets and %d namespaces with a connection Secret each",
          settings.resources(), settings.resources(), settings.namespaces());
      Duration creation = cluster.populate(settings.phaseTimeout());
      say("created in %.1f s", Tally.seconds(creation));
      int objects = settings.resources() * 2 + settings.namespaces() * 2 + settings.unrelatedSecrets();
      BenchResult.Creation created = new BenchResult.Creation(Tally.seconds(creation), objects,
          settings.creatorThreads(), Tally.round(creation.toNanos() / 1e6 * settings.creatorThreads() / objects));
      if (measureMemory) {
        points.add(Memory.measure("objects created, no operator"));
      }
      OperatorUnderTest operator = new OperatorUnderTest(cluster.kube.url(), config, api, settings.asyncEvents());
      Cold cold;
      Steady steady = null;
      Rotation rotation = null;
      Restart restart = null;
      MemoryUse memory = null;
      try {
        cold = cold(cluster, operator, created);
        if (settings.runs(Scenario.steady)) {
          steady = steady(cluster, operator);
        }
        if (settings.runs(Scenario.rotation) && settings.rotations() > 0) {
          rotation = rotation(cluster, operator);
        }
        if (settings.runs(Scenario.restart)) {
          operator.close();
          operator = new OperatorUnderTest(cluster.kube.url(), config, api, settings.asyncEvents());
          restart = restart(cluster, operator);
        }
        if (measureMemory) {
          points.add(Memory.measure("operator running, converged"));
          List<Memory.ClassBytes> running = Memory.histogram();
          operator.close();
          operator = null; // nothing may keep the closed operator reachable
          long limit = Math.min(Duration.ofSeconds(70).toNanos(), settings.phaseTimeout().toNanos() / 2);
          List<Memory.ClassBytes> closed = Memory.awaitReleased(before, Duration.ofNanos(limit), m -> say("%s", m));
          points.add(Memory.measure("operator closed (same objects in the servers)"));
          memory = Memory.use(points, before, running, closed);
        }
      } finally {
        if (operator != null) {
          operator.close();
        }
      }
      BenchResult.Startup startup = null;
      if (startupProbe != null) {
        say("startup: the operator as its own process over the %d converged resources", settings.resources());
        launches.add(startupProbe.launch("converged", settings.resources(), Optional.empty()));
        if (settings.cds()) {
          Optional<java.nio.file.Path> archive = startupProbe.train();
          say("startup: AppCDS archive %s", archive.map(Object::toString).orElse("was not written"));
          archive.ifPresent(a -> launches.add(startupProbe.launch("converged", settings.resources(), Optional.of(a))));
        }
        startup = new BenchResult.Startup(startupProbe.command(), launches);
        startupProbe.close();
      }
      BenchResult.Setup setup = new BenchResult.Setup(settings.resources(), settings.projects(),
          settings.namespaces(), settings.resources(), settings.namespaces(), settings.latency().toNanos() / 1e6,
          settings.concurrency(), settings.rotations(), config.apiRequestsPerMinute(), api.maxIdleConnections(),
          settings.simulatorThreads(), settings.kubeApi().name(), settings.warmup(), settings.unrelatedSecrets(),
          settings.unrelatedSecretBytes(), settings.asyncEvents(),
          config.resyncInterval().toString(),
          settings.scenarios().stream().map(Enum::name).collect(Collectors.joining(",")),
          settings.watchNamespaces(), cluster.sim.options().nonDefaultModes());
      return new BenchResult(startedAt.toString(), BuildInfo.version(), BuildInfo.commit(),
          Tally.seconds(Duration.ofNanos(System.nanoTime() - runStart)), machine, setup, created, cold, steady,
          rotation, restart, memory, startup,
          Targets.of(settings, cold, steady, rotation, restart, memory, startup));
    }
  }

  /**
   * Converges {@code warmup} resources with a throw-away operator against a throw-away cluster and
   * simulator, so the JIT has compiled the operator's, fabric8's and the servers' hot paths.
   */
  private void warmUp() {
    BenchSettings w = BenchSettings.builder()
        .resources(settings.warmup())
        .namespaces(Math.min(settings.namespaces(), BenchSettings.defaultProjects(settings.warmup())))
        .latency(settings.latency())
        .concurrency(settings.concurrency())
        .kubeApi(settings.kubeApi())
        .build();
    long t = System.nanoTime();
    try (BenchCluster cluster = BenchCluster.start(w)) {
      cluster.populate(settings.phaseTimeout());
      OperatorConfig config = operatorConfig(cluster.sim.baseUrl());
      try (OperatorUnderTest operator = new OperatorUnderTest(
          cluster.kube.url(), config, settings.apiSettings().apply(config), settings.asyncEvents())) {
        operator.start();
        if (!cluster.ready.await(w.resources(), settings.phaseTimeout())) {
          throw new IllegalStateException("the warm-up did not converge: " + cluster.ready.notReadySample());
        }
      }
    }
    say("warm-up: %d resources converged and thrown away in %.1f s", w.resources(),
        Tally.seconds(Duration.ofNanos(System.nanoTime() - t)));
  }

  OperatorConfig operatorConfig(String simulatorUrl) {
    return OperatorConfig.builder()
        .operatorNamespace(OPERATOR_NAMESPACE)
        .allowedBaseUrls(List.of(URI.create(simulatorUrl)))
        // drift checks are forced by the steady-state scenario (pollNow), never by the timer
        .resyncInterval(Duration.ofHours(1))
        .maxConcurrentReconciles(settings.concurrency())
        .httpPort(0)
        .watchNamespaces(settings.watchNamespaces()
            ? Population.of(settings.resources(), settings.projects(), settings.namespaces()).tenants().stream()
                .map(Population.Tenant::namespace).collect(Collectors.toSet())
            : Set.of())
        .build();
  }

  // ---- cold convergence

  Cold cold(BenchCluster cluster, OperatorUnderTest operator, BenchResult.Creation created) {
    int n = settings.resources();
    cluster.clearJournals();
    operator.calls.reset();
    say("cold: starting the operator with %d resources to converge", n);
    CpuAccount cpu = CpuAccount.start();
    ThreadSampler sampler = ThreadSampler.start(settings.concurrency(), 20);
    Population.Tenant probed = cluster.population.tenants().get(0);
    KubeProbe probe = KubeProbe.start(cluster.client, probed.namespace(), Population.CONNECTION_SECRET, 50);
    Instant start = Instant.now();
    Duration startup = operator.start();
    boolean allReady = cluster.ready.await(n, settings.phaseTimeout());
    probe.close();
    sampler.close();
    CpuAccount.Result cpuResult = cpu.stop(sampler.reconcilerThreadIds());
    List<Instant> ready = cluster.ready.times();
    say("cold: %d/%d Ready after %.2f s; settling", ready.size(), n,
        ready.isEmpty() ? 0 : Tally.seconds(Duration.between(start, ready.get(ready.size() - 1))));
    cluster.awaitQuiet(settings.quietPeriod(), settings.phaseTimeout());

    List<JournalEntry> api = cluster.sim.journal().entries();
    long puts = api.stream().filter(Tally::isPut).count();
    List<Instant> putTimes = api.stream().filter(Tally::isPut).map(JournalEntry::time).sorted().toList();
    int maxPerProject = api.stream().filter(e -> e.projectId() != null)
        .collect(Collectors.groupingBy(JournalEntry::projectId, Collectors.counting()))
        .values().stream().mapToInt(Long::intValue).max().orElse(0);
    double latency = settings.latency().toNanos() / 1e9;
    double floor = BenchSettings.ceilDiv(puts, settings.concurrency()) * latency;
    double requestFloor = BenchSettings.ceilDiv(api.size(), settings.concurrency()) * latency;
    double rateBound = rateLimitBound(maxPerProject, operator.config.apiRequestsPerMinute());
    double wall = ready.isEmpty() ? Double.NaN : Tally.seconds(Duration.between(start, ready.get(ready.size() - 1)));
    List<EmbeddedKubernetes.Request> kube = cluster.kube.requests();
    // a finalizer and a status per new resource: writes no operator can avoid, at what a write cost here
    double kubeFloor = BenchSettings.ceilDiv(2L * n, settings.concurrency()) * created.writeCostMs() / 1000;
    double floorWithKube = Math.max(floor, rateBound) + kubeFloor;
    long passes = operator.passes();
    return new Cold(n, allReady, allReady ? List.of() : cluster.ready.notReadySample(), Tally.seconds(startup), wall,
        at(start, ready, 0.5), at(start, ready, 0.9),
        putTimes.isEmpty() ? Double.NaN : Tally.seconds(Duration.between(start, putTimes.get(0))),
        putTimes.isEmpty() ? Double.NaN : Tally.seconds(Duration.between(start, putTimes.get(putTimes.size() - 1))),
        puts, Tally.byMethod(api), api.stream().filter(JournalEntry::challenged).count(), operator.calls.byMethod(),
        operator.calls.challenges(), maxPerProject, Tally.kubeWrites(kube), kube.size(), Tally.round(floor), Tally.round(rateBound),
        Tally.round(requestFloor), Tally.ratio(wall, Math.max(floor, rateBound)), Tally.round(floorWithKube),
        Tally.ratio(wall, floorWithKube), passes, sampler.result(), probe.result(), cpuResult);
  }

  /**
   * A limit of {@code perMinute} requests per project and minute, with a burst of one minute's worth,
   * delays a project's k-th request by floor((k - 1) / perMinute) minutes.
   */
  static double rateLimitBound(int maxRequestsPerProject, int perMinute) {
    return maxRequestsPerProject <= 0 ? 0 : ((maxRequestsPerProject - 1) / perMinute) * 60.0;
  }

  // ---- steady state

  Steady steady(BenchCluster cluster, OperatorUnderTest operator) {
    cluster.clearJournals();
    operator.calls.reset();
    say("steady: one drift check of %d projects, nothing changed", operator.watchedProjects());
    long t = System.nanoTime();
    int woken = operator.pollDrift();
    double poll = Tally.seconds(Duration.ofNanos(System.nanoTime() - t));
    cluster.awaitQuiet(settings.quietPeriod(), settings.phaseTimeout());
    List<JournalEntry> api = cluster.sim.journal().entries();
    List<EmbeddedKubernetes.Request> kube = cluster.kube.requests();
    long puts = api.stream().filter(Tally::isPut).count();
    return new Steady(settings.projects(), operator.watchedProjects(), woken, Tally.round(poll), Tally.byMethod(api), api.size(),
        api.stream().filter(JournalEntry::challenged).count(), Tally.round(api.size() / (double) settings.projects()),
        puts, operator.calls.byMethod(), Tally.kubeWrites(kube), kube.size(), operator.apiClients());
  }

  // ---- warm restart

  /** A new operator over the converged fleet, as after an upgrade, a drain or a leader change. */
  Restart restart(BenchCluster cluster, OperatorUnderTest operator) {
    say("restart: a new operator over %d converged resources", settings.resources());
    Restart r = WarmRestart.measure(cluster, operator, settings);
    say("restart: %s verified after %.2f s", r.allVerified() ? "all" : "NOT all", r.verifiedSeconds());
    return r;
  }

  // ---- rotation

  Rotation rotation(BenchCluster cluster, OperatorUnderTest operator) {
    say("rotation: updating %d credentials Secrets at once", settings.rotations());
    return RotationBurst.measure(cluster, operator, settings);
  }

  // ---- helpers

  private static double at(Instant start, List<Instant> times, double q) {
    if (times.isEmpty()) {
      return Double.NaN;
    }
    int i = Math.max(0, (int) Math.ceil(q * times.size()) - 1);
    return Tally.seconds(Duration.between(start, times.get(i)));
  }

  private void say(String format, Object... args) {
    if (progress != null) {
      progress.printf("[bench] " + format + "%n", args);
      progress.flush();
    }
  }

}
