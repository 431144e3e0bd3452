package io.mdbops.integrations.bench;

import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import io.mdbops.integrations.simulator.SimulatorOptions;

/**
 * What one benchmark run does. Immutable; the {@code bench} command fills it from its flags.
 *
 * @param resources ThirdPartyIntegration resources (each with its own credentials Secret)
 * @param projects projects they spread over; a project holds at most one integration per type, so
 *     {@code resources <= 9 * projects}
 * @param namespaces namespaces (tenants); each has one connection Secret with its own API key and
 *     owns every {@code namespaces}-th project
 * @param latency added by the simulator to every request, Digest challenges included
 * @param concurrency the operator's max concurrent reconciles
 * @param rotations credentials Secrets updated in the rotation scenario
 * @param scenarios what to measure; cold convergence always runs (the others need its result)
 * @param phaseTimeout longest wait for one phase (convergence, rotation PUTs, settling)
 * @param quietPeriod no API request and no Kubernetes request for this long = settled
 * @param creatorThreads threads creating and updating objects for the benchmark
 * @param simulatorThreads the simulator's request threads (must exceed the operator's parallelism,
 *     or the simulator queues requests and the latency grows)
 * @param kubeApi the in-process Kubernetes API: the sandbox's mock server or its indexed variant
 * @param warmup resources converged by a throw-away operator on a throw-away cluster first, so the
 *     JIT has compiled the hot paths before anything is measured (0 = measure a cold JVM)
 * @param unrelatedSecrets Secrets no resource references (as Helm releases and service accounts
 *     leave in real clusters), spread over the tenants' namespaces
 * @param unrelatedSecretBytes the size of each one's data
 * @param asyncEvents experiment: the operator's Event writes leave the reconcile threads
 * @param apiSettings the operator's API client settings for a configuration; the command passes
 *     what {@code run} derives, optionally with overrides for experiments
 * @param out where the JSON result goes; null for nowhere
 * @param watchNamespaces the operator watches the tenants' namespaces only (one Secret informer per
 *     namespace) instead of every namespace
 * @param operatorJar the jar the startup scenario starts ({@code java -jar JAR run}); null for this
 *     JVM's class path
 * @param cds the startup scenario also measures with an AppCDS archive made by a training run
 * @param simulator adjusts the simulator's options: which reading of the documented ambiguities it plays
 */
public record BenchSettings(
    int resources,
    int projects,
    int namespaces,
    Duration latency,
    int concurrency,
    int rotations,
    Set<Scenario> scenarios,
    Duration phaseTimeout,
    Duration quietPeriod,
    int creatorThreads,
    int simulatorThreads,
    KubeApi.Kind kubeApi,
    int warmup,
    int unrelatedSecrets,
    int unrelatedSecretBytes,
    boolean asyncEvents,
    Function<OperatorConfig, ApiClientSettings> apiSettings,
    Path out,
    boolean watchNamespaces,
    Path operatorJar,
    boolean cds,
    UnaryOperator<SimulatorOptions.Builder> simulator) {

  /** Integrations one project can hold: one per type. */
  public static final int TYPES_PER_PROJECT = ProductSupport.offeredTypes(Product.OPS_MANAGER).size();

  /** What a run can measure. */
  public enum Scenario {
    cold,
    steady,
    rotation,
    /** A new operator over the converged fleet: what every upgrade, drain and leader change costs. */
    restart,
    memory,
    /** The operator as its own process: process start to /readyz and to the first API call. */
    startup;

    public static Set<Scenario> parse(String value) {
      if (value.equals("all")) {
        return EnumSet.allOf(Scenario.class);
      }
      EnumSet<Scenario> set = EnumSet.noneOf(Scenario.class);
      for (String part : value.split(",")) {
        try {
          set.add(Scenario.valueOf(part.trim()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--scenario: '" + part.trim()
              + "' is not one of cold, steady, rotation, memory, all");
        }
      }
      return set;
    }
  }

  public BenchSettings {
    scenarios = scenarios.isEmpty() ? EnumSet.of(Scenario.cold) : EnumSet.copyOf(scenarios);
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(phaseTimeout, "phaseTimeout");
    Objects.requireNonNull(quietPeriod, "quietPeriod");
    Objects.requireNonNull(apiSettings, "apiSettings");
    Objects.requireNonNull(kubeApi, "kubeApi");
    require(resources >= 1, "--resources must be at least 1");
    require(projects >= 1 && projects <= resources, "--projects must be within 1..resources");
    require(resources <= (long) TYPES_PER_PROJECT * projects, "--resources " + resources + " over --projects "
        + projects + " needs more than " + TYPES_PER_PROJECT + " integrations in a project, but a project holds"
        + " one integration per type; use at least " + ceilDiv(resources, TYPES_PER_PROJECT) + " projects");
    require(namespaces >= 1 && namespaces <= projects, "--namespaces must be within 1..projects");
    require(!latency.isNegative(), "--latency must not be negative");
    require(concurrency >= 1, "--concurrency must be at least 1");
    require(rotations >= 0 && rotations <= resources, "--rotations must be within 0..resources");
    require(warmup >= 0, "--warmup must not be negative");
    require(unrelatedSecrets >= 0 && unrelatedSecretBytes >= 0, "unrelated Secrets: counts must not be negative");
    require(creatorThreads >= 1 && simulatorThreads >= 1, "thread counts must be at least 1");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Eight integrations per project (of the nine types), so every project is a realistic mix. */
  public static int defaultProjects(int resources) {
    return Math.max(1, ceilDiv(resources, 8));
  }

  public boolean runs(Scenario s) {
    return scenarios.contains(s);
  }

  /** Builds {@link BenchSettings}; the defaults are the {@code bench} command's. */
  public static final class Builder {
    private int resources = 1000;
    private Integer projects;
    private int namespaces = 10;
    private Duration latency = Duration.ofMillis(20);
    private int concurrency = 20;
    private Integer rotations;
    private Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
    private Duration phaseTimeout = Duration.ofMinutes(15);
    private Duration quietPeriod = Duration.ofSeconds(2);
    private int creatorThreads = 8;
    private int simulatorThreads = 128;
    private KubeApi.Kind kubeApi = KubeApi.Kind.mock;
    private int warmup;
    private int unrelatedSecrets;
    private int unrelatedSecretBytes = 8192;
    private boolean asyncEvents;
    private Function<OperatorConfig, ApiClientSettings> apiSettings = config -> ApiClientSettings.defaults();
    private Path out;
    private boolean watchNamespaces;
    private Path operatorJar;
    private boolean cds;
    private UnaryOperator<SimulatorOptions.Builder> simulator = UnaryOperator.identity();

    private Builder() {}

    public Builder simulator(UnaryOperator<SimulatorOptions.Builder> v) {
      simulator = v;
      return this;
    }

    public Builder watchNamespaces(boolean v) {
      watchNamespaces = v;
      return this;
    }

    public Builder operatorJar(Path v) {
      operatorJar = v;
      return this;
    }

    public Builder cds(boolean v) {
      cds = v;
      return this;
    }

    public Builder resources(int v) {
      resources = v;
      return this;
    }

    /** Default: {@link #defaultProjects}. */
    public Builder projects(Integer v) {
      projects = v;
      return this;
    }

    public Builder namespaces(int v) {
      namespaces = v;
      return this;
    }

    public Builder latency(Duration v) {
      latency = v;
      return this;
    }

    public Builder concurrency(int v) {
      concurrency = v;
      return this;
    }

    /** Default: 100, or every resource when there are fewer. */
    public Builder rotations(Integer v) {
      rotations = v;
      return this;
    }

    public Builder scenarios(Set<Scenario> v) {
      scenarios = v;
      return this;
    }

    public Builder phaseTimeout(Duration v) {
      phaseTimeout = v;
      return this;
    }

    public Builder quietPeriod(Duration v) {
      quietPeriod = v;
      return this;
    }

    public Builder creatorThreads(int v) {
      creatorThreads = v;
      return this;
    }

    public Builder simulatorThreads(int v) {
      simulatorThreads = v;
      return this;
    }

    public Builder kubeApi(KubeApi.Kind v) {
      kubeApi = v;
      return this;
    }

    public Builder warmup(int v) {
      warmup = v;
      return this;
    }

    public Builder unrelatedSecrets(int count, int bytes) {
      unrelatedSecrets = count;
      unrelatedSecretBytes = bytes;
      return this;
    }

    public Builder asyncEvents(boolean v) {
      asyncEvents = v;
      return this;
    }

    public Builder apiSettings(Function<OperatorConfig, ApiClientSettings> v) {
      apiSettings = v;
      return this;
    }

    public Builder out(Path v) {
      out = v;
      return this;
    }

    public BenchSettings build() {
      return new BenchSettings(resources, projects != null ? projects : defaultProjects(resources), namespaces,
          latency, concurrency, rotations != null ? rotations : Math.min(100, resources), scenarios, phaseTimeout,
          quietPeriod, creatorThreads, simulatorThreads, kubeApi, warmup, unrelatedSecrets,
          unrelatedSecretBytes, asyncEvents, apiSettings,
          out, watchNamespaces, operatorJar, cds, simulator);
    }
  }

  static int ceilDiv(long a, long b) {
    return (int) ((a + b - 1) / b);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
