package io.mdbops.integrations.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.controller.ManagedOperator;
import io.mdbops.integrations.controller.OperatorAssembly;
import io.mdbops.integrations.opsmanager.ApiClientSettings;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.validation.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
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
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** A real Cloud Manager / Ops Manager to use instead of the simulator. */
  public record RealApi(URI baseUrl, String publicKey, String privateKey, String projectId, String caPem) {
    public RealApi {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(projectId, "projectId");
    }

    @Override
    public String toString() {
      return "RealApi[" + baseUrl + ", publicKey=" + publicKey + ", project " + projectId + "]";
    }
  }

  /**
   * @param examples a directory or file of example manifests; null for deploy/examples or the jar's
   * @param workDir where the kubeconfig, kubectl's cache and re-targeted examples go; null for a
   *     new temporary directory, removed on close
   * @param kubeconfigOut where to write the kubeconfig; null for {@code workDir/kubeconfig}
   * @param kubePort port of the Kubernetes API; 0 for a free one
   * @param simulatorPort port of the API simulator; 0 for a free one
   * @param resyncInterval the operator's drift check interval
   * @param realApi a real API instead of the simulator, or null
   * @param simulatorOptions adjusts the simulator's options (latency, nonce lifetime)
   * @param faults faults the simulator injects, to rehearse outages
   */
  public record Settings(Path examples, Path workDir, Path kubeconfigOut, int kubePort, int simulatorPort,
      Duration resyncInterval, RealApi realApi, UnaryOperator<SimulatorOptions.Builder> simulatorOptions,
      List<FaultRule> faults) {

    public Settings {
      simulatorOptions = simulatorOptions == null ? b -> b : simulatorOptions;
      faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public Settings(Path examples, Path workDir, Path kubeconfigOut, int kubePort, int simulatorPort,
        Duration resyncInterval, RealApi realApi) {
      this(examples, workDir, kubeconfigOut, kubePort, simulatorPort, resyncInterval, realApi, null, null);
    }

    public static Settings defaults() {
      return new Settings(null, null, null, 0, 0, Duration.ofSeconds(30), null);
    }

    public Settings withRealApi(RealApi api) {
      return new Settings(examples, workDir, kubeconfigOut, kubePort, simulatorPort, resyncInterval, api,
          simulatorOptions, faults);
    }

    public Settings withSimulatorFaults(UnaryOperator<SimulatorOptions.Builder> options, List<FaultRule> rules) {
      return new Settings(examples, workDir, kubeconfigOut, kubePort, simulatorPort, resyncInterval, realApi,
          options, rules);
    }
  }

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Consumer<String> out;
  private final Path workDir;
  private final boolean ownWorkDir;
  private final List<ApiWriteLog.Write> writes = new CopyOnWriteArrayList<>();
  private final StatusTable table;
  private final Set<String> namespaces = new LinkedHashSet<>();
  private final Set<String> connectionSecrets = new LinkedHashSet<>();
  private EmbeddedKubernetes kube;
  private ApiSimulator simulator;
  private String apiBaseUrl;
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
  public static Sandbox start(Settings settings, Consumer<String> out) {
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

  private void startAll(Settings settings) {
    examples = loadExamples(settings);
    kube = EmbeddedKubernetes.startForKubectl(settings.kubePort());
    resources.add(kube);
    kubectlCache = workDir.resolve("kubectl-cache");
    kubeconfig = writeKubeconfig(settings.kubeconfigOut() != null ? settings.kubeconfigOut()
        : workDir.resolve("kubeconfig"), defaultNamespace());
    RealApi real = settings.realApi();
    String publicKey;
    String privateKey;
    String caPem = null;
    if (real == null) {
      simulator = ApiSimulator.start(
          settings.simulatorOptions().apply(SimulatorOptions.builder().port(settings.simulatorPort())).build());
      resources.add(simulator);
      settings.faults().forEach(simulator.faults()::add);
      publicKey = SIMULATOR_PUBLIC_KEY;
      privateKey = randomKey();
      simulator.addApiKey(publicKey, privateKey);
      examples.projectIds().stream().filter(id -> id.matches("[0-9a-fA-F]{24}")).forEach(simulator::addProject);
      apiBaseUrl = simulator.baseUrl();
    } else {
      publicKey = real.publicKey();
      privateKey = real.privateKey();
      caPem = real.caPem();
      apiBaseUrl = real.baseUrl().toString();
    }
    KubernetesClient client = kube.client();

    ApiWriteLog writeLog = new ApiWriteLog(w -> {
      writes.add(w);
      out.accept(String.format("%-8s  API %-6s %s %s -> %s%s", now(), w.method(), w.projectId(), w.type(),
          w.status() == 0 ? "no response" : w.status(), w.errorCode() == null ? "" : " " + w.errorCode()));
    });
    OperatorConfig config = OperatorConfig.builder()
        .operatorNamespace(OPERATOR_NAMESPACE)
        .allowedBaseUrls(List.of(URI.create(apiBaseUrl)))
        .resyncInterval(settings.resyncInterval())
        .maxConcurrentReconciles(4)
        .httpPort(0)
        .build();
    ManagedOperator operator = OperatorAssembly.build(client, config,
        OperatorAssembly.extras().identity("sandbox").apiListener(writeLog).apiDecorator(writeLog::wrap));
    resources.add(operator);

    SharedIndexInformer<ThirdPartyIntegration> informer =
        client.resources(ThirdPartyIntegration.class).inAnyNamespace().inform(table);
    resources.add(informer::close);
    operator.start();

    createConnectionSecrets(client, publicKey, privateKey, caPem);
    apply(client);
  }

  private Examples loadExamples(Settings settings) {
    Examples loaded = Examples.load(settings.examples());
    if (settings.realApi() != null) {
      return loaded.retargeted(settings.realApi().projectId()).writeTo(workDir.resolve("examples"));
    }
    return loaded.directory() == null ? loaded.writeTo(workDir.resolve("examples")) : loaded;
  }

  /** One connection Secret per (namespace, name) the examples reference and do not define themselves. */
  private void createConnectionSecrets(KubernetesClient client, String publicKey, String privateKey, String caPem) {
    Set<String> defined = new LinkedHashSet<>();
    examples.all().forEach(e -> e.secrets().forEach(s -> defined.add(
        s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())));
    Set<String> wanted = new LinkedHashSet<>();
    for (ThirdPartyIntegration r : examples.resources()) {
      if (r.getSpec() != null && r.getSpec().getConnectionSecretRef() != null
          && r.getSpec().getConnectionSecretRef().getName() != null) {
        wanted.add(r.getMetadata().getNamespace() + "/" + r.getSpec().getConnectionSecretRef().getName());
      }
    }
    wanted.removeAll(defined);
    connectionSecrets.addAll(wanted);
    for (String id : wanted) {
      String[] parts = id.split("/", 2);
      ensureNamespace(client, parts[0]);
      Map<String, String> data = new LinkedHashMap<>();
      data.put(ConnectionResolver.PUBLIC_KEY, base64(publicKey));
      data.put(ConnectionResolver.PRIVATE_KEY, base64(privateKey));
      data.put(ConnectionResolver.BASE_URL, base64(apiBaseUrl));
      if (caPem != null) {
        data.put(ConnectionResolver.CA_CERT, base64(caPem));
      }
      Secret secret = new SecretBuilder()
          .withNewMetadata().withNamespace(parts[0]).withName(parts[1])
          .addToLabels("app.kubernetes.io/part-of", "integrations-sandbox").endMetadata()
          .withType("Opaque").withData(data).build();
      client.secrets().resource(secret).create();
    }
  }

  private void apply(KubernetesClient client) {
    for (Examples.Example example : examples.all()) {
      for (HasMetadata object : example.objects()) {
        String ns = object.getMetadata().getNamespace();
        if (ns == null && !(object instanceof Namespace)) {
          ns = "default";
          object.getMetadata().setNamespace(ns);
        }
        if (ns != null) {
          ensureNamespace(client, ns);
        }
        client.resource(object).createOr(NonDeletingOperation::update);
      }
    }
    exampleKeys = new LinkedHashSet<>(examples.resources().stream().map(StatusTable::key).toList());
  }

  private void ensureNamespace(KubernetesClient client, String ns) {
    if (namespaces.add(ns) && client.namespaces().withName(ns).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  private String defaultNamespace() {
    return examples.resources().stream().map(r -> r.getMetadata().getNamespace()).findFirst().orElse("default");
  }

  private Path writeKubeconfig(Path file, String namespace) {
    String yaml = "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: integrations-sandbox\n"
        + "  cluster:\n"
        + "    server: " + kube.url() + "\n"
        + "contexts:\n"
        + "- name: integrations-sandbox\n"
        + "  context:\n"
        + "    cluster: integrations-sandbox\n"
        + "    user: integrations-sandbox\n"
        + "    namespace: " + namespace + "\n"
        + "current-context: integrations-sandbox\n"
        + "users:\n"
        + "- name: integrations-sandbox\n"
        + "  user:\n"
        + "    token: sandbox\n";
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig to " + file, e);
    }
    return file;
  }

  // ---- what the command and tests read

  public EmbeddedKubernetes kube() {
    return kube;
  }

  /** The simulator, or null when a real API is used. */
  public ApiSimulator simulator() {
    return simulator;
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

  /** {@code namespace/name} of the connection Secrets the sandbox created. */
  public Set<String> connectionSecrets() {
    return Collections.unmodifiableSet(connectionSecrets);
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

  private static String randomKey() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String now() {
    return LocalTime.now().format(TIME);
  }
}
