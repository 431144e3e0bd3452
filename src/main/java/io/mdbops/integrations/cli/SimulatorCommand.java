package io.mdbops.integrations.cli;

import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulator}: the Cloud Manager / Ops Manager / Atlas integrations API simulator alone, for your own tests. */
@Command(name = "simulator", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Serve the API simulator on 127.0.0.1: the Cloud Manager / Ops Manager public API v1.0"
            + " third-party integrations resource (/api/public/v1.0/groups/{id}/integrations), or with --api"
            + " atlas-v2 the Atlas Administration API v2 one (/api/atlas/v2/...), with HTTP Digest, OAuth 2"
            + " service accounts (/api/oauth/token), masking and the documented errors, in memory, and each"
            + " project's Prometheus HTTP service discovery (/prometheus/v1.0/groups/{id}/discovery, basic auth"
            + " as its PROMETHEUS integration). It is a local fake: the credentials it prints are made up for"
            + " this run.",
        "Seeds one project, one API key pair and one service account, prints them with a connection Secret"
            + " manifest and curl examples, and runs until Ctrl-C."})
public final class SimulatorCommand implements Callable<Integer> {

  /** The project the examples in deploy/examples target. */
  static final String DEMO_PROJECT = "5e2211c17a3e5a48f5497de3";

  @Spec
  CommandSpec spec;

  @Mixin
  FaultOptions faults = new FaultOptions();

  @Mixin
  SimulatorModeOptions modes = new SimulatorModeOptions();

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090",
      description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--tls", description = "Serve HTTPS with a certificate made at start; its CA is written to a"
      + " file and put into the Secret as ca.crt.")
  boolean tls;

  @Option(names = "--project-id", paramLabel = "ID", defaultValue = DEMO_PROJECT,
      description = "Id of the seeded project: 24 hex digits. Default: ${DEFAULT-VALUE}, the examples' project.")
  String projectId;

  @Option(names = "--public-key", paramLabel = "KEY", defaultValue = "simulator",
      description = "Public key of the seeded API key pair. Default: ${DEFAULT-VALUE}.")
  String publicKey;

  @Option(names = "--private-key", paramLabel = "KEY",
      description = "Private key of the seeded API key pair (a local fake). Default: random, printed at start.")
  String privateKey;

  @Option(names = "--api", paramLabel = "public-v1|atlas-v2", converter = ApiConnectionOptions.ApiValue.class,
      description = "The API to play: public-v1, the Cloud/Ops Manager public API v1.0 (default), or atlas-v2, the"
          + " Atlas Administration API v2 (/api/atlas/v2: versioned media type, POST creates, PUT updates).")
  ApiGeneration api;

  @Option(names = "--client-id", paramLabel = "ID", defaultValue = "mdb_sa_id_simulator",
      description = "Client id of the seeded service account (OAuth 2: /api/oauth/token). Default: ${DEFAULT-VALUE}.")
  String clientId;

  @Option(names = "--client-secret", paramLabel = "SECRET",
      description = "Client secret of the seeded service account (a local fake). Default: random, printed at start.")
  String clientSecret;

  @Option(names = "--token-ttl", paramLabel = "DURATION", converter = Durations.class,
      description = "How long an access token is valid (expires_in). Default: 1h, as documented.")
  java.time.Duration tokenTtl;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ApiSimulator simulator = start(out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      out.println("Stopped.");
      out.flush();
      stopped.countDown();
    }, "simulator-shutdown"));
    stopped.await();
    return 0;
  }

  /** Starts and seeds the simulator and prints how to reach it; the caller closes it. */
  ApiSimulator start(PrintWriter out) throws IOException {
    SimulatorOptions options = options();
    List<FaultRule> faults = faultRules();
    String key = privateKey != null ? privateKey : randomKey();
    String secret = clientSecret != null ? clientSecret : "mdb_sa_sk_" + randomKey();
    ApiSimulator simulator = ApiSimulator.start(options);
    try {
      simulator.addProject(projectId);
      simulator.addApiKey(publicKey, key);
      simulator.addServiceAccount(clientId, secret);
      faults.forEach(simulator.faults()::add);
      describe(out, simulator, key, secret);
      return simulator;
    } catch (IOException | RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  SimulatorOptions options() {
    if (!projectId.matches("[0-9a-f]{24}")) {
      throw new ParameterException(spec.commandLine(), "--project-id: '" + projectId
          + "' is not a project id (24 lower-case hex digits)");
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port: " + port + " is not a port number");
    }
    try {
      SimulatorOptions.Builder b = modes.applyTo(faults.applyTo(SimulatorOptions.builder().port(port).tls(tls)));
      if (api != null) {
        b.api(api);
      }
      if (tokenTtl != null) {
        b.tokenTtl(tokenTtl);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  List<FaultRule> faultRules() {
    try {
      return faults.rules();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void describe(PrintWriter out, ApiSimulator simulator, String key, String secret) throws IOException {
    String caFile = null;
    if (tls) {
      Path ca = Files.createTempFile("simulator-ca-", ".pem");
      ca.toFile().deleteOnExit();
      Files.writeString(ca, simulator.caCertificatePem(), StandardCharsets.UTF_8);
      caFile = ca.toString();
    }
    String url = simulator.baseUrl() + simulator.apiPrefix() + "/groups/" + projectId + "/integrations";
    boolean atlas = simulator.options().api() == ApiGeneration.ATLAS_V2;
    String accept = atlas ? " -H 'Accept: application/vnd.atlas.2023-01-01+json'" : "";
    String modeLine = SimulatorModeOptions.describe(simulator.options());
    out.println("API simulator (" + simulator.options().product() + ") on " + simulator.baseUrl()
        + (faults.describe().isEmpty() ? "" : ", " + faults.describe()));
    if (!modeLine.isEmpty()) {
      out.println("  modes        " + modeLine);
    }
    out.println("  base URL     " + simulator.baseUrl());
    out.println("  project id   " + projectId);
    out.println("  public key   " + publicKey);
    out.println("  private key  " + key + (privateKey == null ? "   (a local fake, made up for this run)" : ""));
    out.println("  client id    " + clientId + "   (service account, OAuth 2: " + simulator.tokenUrl() + ")");
    out.println("  client secret " + secret + (clientSecret == null ? "   (a local fake, made up for this run)" : ""));
    if (caFile != null) {
      out.println("  CA (PEM)     " + caFile);
    }
    out.println();
    out.println("Try it:");
    String cacert = caFile == null ? "" : " --cacert " + caFile;
    out.println("  curl --digest -u " + publicKey + ":" + key + cacert + accept + " " + url);
    out.println("  curl --digest -u " + publicKey + ":" + key + cacert + accept
        + " -X " + (atlas ? "POST" : "PUT") + " -H 'Content-Type: application/json' \\");
    out.println("       -d '{\"type\":\"SLACK\",\"apiToken\":\"xoxb-1234567890\",\"teamName\":\"Payments\","
        + "\"channelName\":\"#alerts\"}' " + url + "/SLACK");
    out.println("  # with the service account: a token, then Bearer");
    out.println("  TOKEN=$(curl -s -u " + clientId + ":" + secret + cacert + " -d grant_type=client_credentials "
        + simulator.tokenUrl() + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
    out.println("  curl -H \"Authorization: Bearer $TOKEN\"" + cacert + accept + " " + url);
    out.println();
    out.println("A connection Secret for the operator (the allow-list, --allowed-base-urls, must hold "
        + simulator.baseUrl() + "):");
    out.println("---");
    out.println("apiVersion: v1");
    out.println("kind: Secret");
    out.println("metadata:");
    out.println("  name: mdb-api");
    out.println("  namespace: demo");
    out.println("type: Opaque");
    out.println("stringData:");
    out.println("  publicKey: " + publicKey);
    out.println("  privateKey: " + key);
    out.println("  # or, for the service account instead of the key pair:");
    out.println("  # clientId: " + clientId);
    out.println("  # clientSecret: " + secret);
    out.println("  baseUrl: " + simulator.baseUrl());
    if (atlas) {
      out.println("  api: atlas-v2");
    }
    if (tls) {
      out.println("  ca.crt: |");
      simulator.caCertificatePem().lines().forEach(l -> out.println("    " + l));
    }
    out.println("---");
    out.println("Serving until Ctrl-C.");
    out.flush();
  }

  private static String randomKey() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
