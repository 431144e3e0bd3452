package io.mdbops.integrations.sandbox;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.controller.ManagedOperator;
import io.mdbops.integrations.controller.OperatorAssembly;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.AuthOutcome;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything the {@code sandbox} command runs, in one process and on 127.0.0.1 only: the embedded
 * Kubernetes API (with what kubectl needs), the API simulator (or a real Cloud Manager / Ops
 * Manager), the connection Secret, the examples, and the operator wired by {@link OperatorAssembly}
 * exactly as {@code run} wires it. Reports each change of a resource's Ready condition and each API
 * write through the line consumer it is given.
 */
public final class Sandbox implements AutoCloseable {

  /** The operator's own namespace in the sandbox (nothing lives there: there is no default connection). */
  public static final String OPERATOR_NAMESPACE = "integrations-operator";
  /** The public key of the simulator's demo API key. */
  public static final String SIMULATOR_PUBLIC_KEY = "sandbox";
  /** The client id of the simulator's demo service account. */
  public static final String SIMULATOR_CLIENT_ID = "mdb_sa_id_sandbox";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Consumer<String> out;
  private final Path workDir;
  private final boolean ownWorkDir;
  private final List<ApiWriteLog.Write> writes = new CopyOnWriteArrayList<>();
  private final StatusTable table;
  private Set<String> connectionSecrets = Set.of();
  private List<String> refusals = List.of();
  private EmbeddedKubernetes kube;
  private ApiSimulator simulator;
  private String apiBaseUrl;
  private String metricsUrl;
  private Examples examples;
  private Path kubeconfig;
  private Path kubectlCache;
  private Set<String> exampleKeys;

  private Sandbox(Path workDir, boolean ownWorkDir, Consumer<String> out) {
    this.workDir = workDir;
    this.ownWorkDir = ownWorkDir;
    this.out = out;
    this.table = new StatusTable(out);
  }

  /**
   * Starts everything and applies the examples; returns without waiting for them to be Ready.
   *
   * @param out receives the live table's lines and the API write lines, one line per call
   */
  public static Sandbox start(SandboxSettings settings, Consumer<String> out) {
    Path dir = settings.workDir();
    boolean own = dir == null;
    try {
      dir = own ? Files.createTempDirectory("integrations-sandbox-") : Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sandbox's working directory", e);
    }
    Sandbox sandbox = new Sandbox(dir, own, out);
    try {
      sandbox.startAll(settings);
      return sandbox;
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  private void startAll(SandboxSettings settings) {
    SimulatorOptions simulatorOptions = settings.realApi() != null ? null
        : settings.simulatorOptions().apply(SimulatorOptions.builder().port(settings.simulatorPort())).build();
    ApiGeneration generation = settings.realApi() != null ? settings.realApi().connection().generation()
        : simulatorOptions.api();
    examples = loadExamples(settings, generation);
    kube = EmbeddedKubernetes.startForKubectl(settings.kubePort());
    resources.add(kube);
    kubectlCache = workDir.resolve("kubectl-cache");
    kubeconfig = Kubeconfig.write(settings.kubeconfigOut() != null ? settings.kubeconfigOut()
        : workDir.resolve("kubeconfig"), kube.url(), defaultNamespace());
    RealApi real = settings.realApi();
    SandboxSeeder.Credentials credentials;
    if (real == null) {
      simulator = ApiSimulator.start(simulatorOptions);
      resources.add(simulator);
      settings.faults().forEach(simulator.faults()::add);
      String secret = randomKey();
      if (settings.serviceAccount()) {
        simulator.addServiceAccount(SIMULATOR_CLIENT_ID, "mdb_sa_sk_" + secret);
        credentials = new SandboxSeeder.Credentials(simulator.baseUrl(), null, null, SIMULATOR_CLIENT_ID,
            "mdb_sa_sk_" + secret, null, simulatorOptions.product(), generation);
      } else {
        simulator.addApiKey(SIMULATOR_PUBLIC_KEY, secret);
        credentials = new SandboxSeeder.Credentials(simulator.baseUrl(), SIMULATOR_PUBLIC_KEY, secret, null, null,
            null, simulatorOptions.product(), generation);
      }
      // only the project the sandbox's own examples use: a mistyped id in your own examples then
      // says ProjectNotFound, as a real server would, instead of being quietly made to exist
      simulator.addProject(Examples.DEMO_PROJECT);
      apiBaseUrl = simulator.baseUrl();
    } else {
      ApiConnection c = real.connection();
      apiBaseUrl = c.baseUrl().toString();
      credentials = new SandboxSeeder.Credentials(apiBaseUrl, c.publicKey(), c.privateKey(), c.clientId(),
          c.clientSecret(), c.caPem(), null, c.generation());
    }
    KubernetesClient client = kube.client();

    SharedIndexInformer<ThirdPartyIntegration> informer =
        client.resources(ThirdPartyIntegration.class).inAnyNamespace().inform(table);
    resources.add(informer::close);
    if (settings.operator()) {
      startOperator(settings, client);
    } else if (simulator != null) {
      // someone else's operator: the simulator's journal is the only place its writes show
      simulator.journal().onRecord(e -> {
        if (e.auth() == AuthOutcome.VALID && !e.method().equals("GET")) {
          tell(new ApiWriteLog.Write(e.method(), e.projectId(), e.type(), e.status(), e.errorCode()));
        }
      });
    }

    SandboxSeeder seeder = new SandboxSeeder(client);
    connectionSecrets = seeder.createConnectionSecrets(examples, credentials);
    refusals = seeder.apply(examples);
    exampleKeys = new LinkedHashSet<>(examples.resources().stream().map(StatusTable::key)
        .filter(key -> client.resources(ThirdPartyIntegration.class).inNamespace(key.substring(0, key.indexOf('/')))
            .withName(key.substring(key.indexOf('/') + 1)).get() != null)
        .toList());
  }

  private void startOperator(SandboxSettings settings, KubernetesClient client) {
    ApiWriteLog writeLog = new ApiWriteLog(this::tell);
    OperatorConfig config = OperatorConfig.builder()
        .operatorNamespace(OPERATOR_NAMESPACE)
        .allowedBaseUrls(List.of(URI.create(apiBaseUrl)))
        .resyncInterval(settings.resyncInterval())
        .maxConcurrentReconciles(4)
        .httpPort(freeLoopbackPort())
        .build();
    ManagedOperator operator = OperatorAssembly.build(client, config, OperatorAssembly.extras().identity("sandbox")
        .apiListener(writeLog).apiDecorator(writeLog::wrap).httpAddress(InetAddress.getLoopbackAddress()));
    metricsUrl = "http://127.0.0.1:" + config.httpPort();
    resources.add(operator);
    operator.start();
  }

  private void tell(ApiWriteLog.Write w) {
    writes.add(w);
    out.accept(String.format("%-8s  API %-6s %s %s -> %s%s", now(), w.method(), w.projectId(), w.type(),
        w.status() == 0 ? "no response" : w.status(), w.errorCode() == null ? "" : " " + w.errorCode()));
  }

  /**
   * Copies of the examples in the sandbox's own directory: the walkthrough edits and applies these,
   * so following it never changes the checkout (re-targeted to the real project with --api-url).
   */
  private Examples loadExamples(SandboxSettings settings, ApiGeneration generation) {
    Examples loaded = Examples.load(settings.examples(), generation == ApiGeneration.ATLAS_V2);
    Examples shown = settings.realApi() != null ? loaded.retargeted(settings.realApi().projectId()) : loaded;
    return shown.writeTo(workDir.resolve("examples"));
  }


  private String defaultNamespace() {
    return examples.resources().stream().map(r -> r.getMetadata().getNamespace()).findFirst().orElse("default");
  }

  // ---- what the command and tests read

  public EmbeddedKubernetes kube() {
    return kube;
  }

  /** The simulator, or null when a real API is used. */
  public ApiSimulator simulator() {
    return simulator;
  }

  /** Where the operator serves /metrics, /healthz and /readyz; null without the sandbox's operator. */
  public String metricsUrl() {
    return metricsUrl;
  }

  public String apiBaseUrl() {
    return apiBaseUrl;
  }

  public Examples examples() {
    return examples;
  }

  /** {@code namespace/name} of every example resource. */
  public Set<String> exampleKeys() {
    return exampleKeys;
  }

  /** What the API refused of the examples, per file, in the API server's words (as kubectl would show). */
  public List<String> refusals() {
    return refusals;
  }

  /**
   * Resources of the examples that target a project or a connection Secret the sandbox did not
   * make; said at start, so nothing looks invented.
   */
  public List<String> unknownReferences() {
    List<String> notes = new java.util.ArrayList<>();
    Set<String> secrets = new LinkedHashSet<>(connectionSecrets);
    examples.all().forEach(e -> e.secrets().forEach(s -> secrets.add(
        s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())));
    for (ThirdPartyIntegration r : examples.resources()) {
      if (r.getSpec() == null) {
        continue;
      }
      String key = StatusTable.key(r);
      if (simulator != null && r.getSpec().getProjectId() != null
          && !simulator.projects().contains(r.getSpec().getProjectId())) {
        notes.add(key + " targets project " + r.getSpec().getProjectId() + ", which the simulator does not have"
            + " (it has " + String.join(", ", simulator.projects()) + "): expect ProjectNotFound");
      }
      if (r.getSpec().getConnectionSecretRef() != null && r.getSpec().getConnectionSecretRef().getName() != null
          && !secrets.contains(r.getMetadata().getNamespace() + "/" + r.getSpec().getConnectionSecretRef().getName())) {
        notes.add(key + " uses connection Secret " + r.getSpec().getConnectionSecretRef().getName()
            + ", which neither the examples nor the sandbox create (it makes " + Examples.DEMO_CONNECTION
            + "): expect SecretNotFound");
      }
    }
    return notes;
  }

  /** {@code namespace/name} of the connection Secrets the sandbox created. */
  public Set<String> connectionSecrets() {
    return Collections.unmodifiableSet(connectionSecrets);
  }

  /** The sandbox's own directory: kubeconfig, kubectl's cache, the copies of the examples. */
  public Path workDir() {
    return workDir;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  /** A kubectl discovery cache directory of its own, so kubectl writes nothing under ~/.kube. */
  public Path kubectlCache() {
    return kubectlCache;
  }

  public StatusTable table() {
    return table;
  }

  /** Every API write the operator made so far. */
  public List<ApiWriteLog.Write> writes() {
    return List.copyOf(writes);
  }

  /** Waits until every example resource is Ready for its current generation. */
  public Map<String, StatusTable.Row> awaitExamplesReady(Duration timeout) throws InterruptedException {
    return table.awaitReady(exampleKeys, timeout);
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    resources.clear();
    if (ownWorkDir) {
      deleteTree(workDir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the operator's metrics", e);
    }
  }

  private static String randomKey() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String now() {
    return LocalTime.now().format(TIME);
  }
}
