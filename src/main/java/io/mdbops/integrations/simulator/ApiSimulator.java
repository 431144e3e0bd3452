package io.mdbops.integrations.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import io.mdbops.integrations.opsmanager.Product;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Cloud Manager / Ops Manager public API v1.0 — or, with {@link Product#ATLAS}, Atlas
 * Administration API v2 — for third-party integrations, served on 127.0.0.1 over HTTP or HTTPS with
 * HTTP Digest (API keys) and OAuth 2 Bearer tokens (service accounts, from {@code /api/oauth/token}).
 * The Java methods below are its admin surface: they create projects, keys and service accounts,
 * read and edit what is stored (unmasked, as a UI edit would), revoke tokens, and expose the request
 * journal and the fault injector.
 * Next to the API it serves each project's Prometheus HTTP service discovery ({@code
 * /prometheus/v1.0/groups/{id}/discovery}, basic auth as the project's PROMETHEUS integration),
 * which the journal does not record.
 *
 * <pre>{@code
 * try (ApiSimulator sim = ApiSimulator.start(SimulatorOptions.defaults())) {
 *   String project = sim.addProject();
 *   sim.addApiKey("pubkey", "private-key");
 *   // client → sim.baseUrl() + "/api/public/v1.0/groups/" + project + "/integrations"
 * }
 * }</pre>
 */
public final class ApiSimulator implements AutoCloseable {

  /** The path prefix of the API under {@link #baseUrl()}. */
  public static final String API_PREFIX = ApiPath.PREFIX;

  private static final String LOOPBACK = "127.0.0.1";

  static {
    // The JDK server writes headers and body separately; with Nagle on, each response then waits
    // for the client's delayed ACK (~40 ms). Read once, when the JDK's server first loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimulatorOptions options;
  private final IntegrationStore store = new IntegrationStore();
  private final ApiKeyRegistry keys;
  private final RequestJournal journal;
  private final FaultInjector faults;
  private final DigestVerifier digest;
  private final AccessTokens tokens;
  private final List<ExchangeObserver> observers = new CopyOnWriteArrayList<>();
  private final SecureRandom ids = new SecureRandom();
  private TlsMaterial tls;
  private HttpServer server;
  private ExecutorService executor;

  public ApiSimulator(SimulatorOptions options) {
    this.options = options;
    this.keys = new ApiKeyRegistry(options.clock());
    this.journal = new RequestJournal(options.journalCapacity());
    Random random = options.randomSeed() == null ? new Random() : new Random(options.randomSeed());
    this.faults = new FaultInjector(random, options.minLatency(), options.maxLatency());
    this.digest = new DigestVerifier(options.clock(), options.nonceTtl(), options.strictNonceCount(),
        options.nonceReuse(), keys::privateKey);
    this.tokens = new AccessTokens(options.clock(), options.tokenTtl());
  }

  /** Creates a simulator and starts it. */
  public static ApiSimulator start(SimulatorOptions options) {
    return new ApiSimulator(options).start();
  }

  /**
   * Binds 127.0.0.1 on the configured port and starts serving.
   *
   * @return this simulator
   * @throws UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized ApiSimulator start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      server = bind();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the API simulator on port " + options.port(), e);
    }
    if (options.revokeKeysAfter() != null) {
      keys.revokeAllAt(options.clock().instant().plus(options.revokeKeysAfter()));
    }
    return this;
  }

  private HttpServer bind() throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(LOOPBACK), options.port());
    HttpServer created;
    if (options.tls()) {
      tls = TlsMaterial.generate();
      HttpsServer https = HttpsServer.create(address, 128);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
      created = https;
    } else {
      created = HttpServer.create(address, 128);
    }
    String host = LOOPBACK + ":" + created.getAddress().getPort();
    created.createContext("/", new ApiHandler(options, digest, keys, tokens, store, faults, journal, observers,
        options.tls() ? "https" : "http", host));
    created.createContext(DiscoveryEndpoint.PREFIX, new DiscoveryEndpoint(store, options.clock()));
    executor = newExecutor(options.threads());
    created.setExecutor(executor);
    created.start();
    return created;
  }

  /** Stops serving promptly; requests in flight are cut off. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  public SimulatorOptions options() {
    return options;
  }

  /** {@code http://127.0.0.1:PORT} or {@code https://...}, without the {@code /api/...} prefix. */
  public String baseUrl() {
    return (options.tls() ? "https" : "http") + "://" + LOOPBACK + ":" + port();
  }

  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /** The PEM of the CA that signed the server certificate (TLS mode only). */
  public synchronized String caCertificatePem() {
    if (tls == null) {
      throw new IllegalStateException("TLS is not enabled or the simulator has not started");
    }
    return tls.caCertificatePem();
  }

  // ---- projects and keys

  /** Adds a project with a random 24-hex-digit id and returns the id. */
  public String addProject() {
    byte[] bytes = new byte[12];
    ids.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    addProject(id);
    return id;
  }

  /** Adds a project; the id must be 24 hex digits. Adding an existing project changes nothing. */
  public void addProject(String projectId) {
    if (!projectId.matches("[0-9a-fA-F]{24}")) {
      throw new IllegalArgumentException("a project id is 24 hex digits: " + projectId);
    }
    store.addProject(projectId);
  }

  /** Removes a project and its integrations; its id then answers GROUP_NOT_FOUND. */
  public boolean removeProject(String projectId) {
    return store.removeProject(projectId);
  }

  public Set<String> projects() {
    return store.projectIds();
  }

  /** Adds (or replaces) an API key with access to every project. */
  public void addApiKey(String publicKey, String privateKey) {
    keys.add(new ApiKey(publicKey, privateKey, true, Set.of(), Set.of()));
  }

  /** Adds (or replaces) an API key with access to these projects only. */
  public void addApiKey(String publicKey, String privateKey, Set<String> projectIds) {
    keys.add(new ApiKey(publicKey, privateKey, false, projectIds, Set.of()));
  }

  /** Gives a key limited to some projects access to one more. */
  public void grantProject(String publicKey, String projectId) {
    keys.grant(publicKey, projectId);
  }

  /**
   * Takes one project away from a key limited to some projects, as removing the key from the
   * project in the UI does: its requests for that project then answer 401 NOT_IN_GROUP.
   */
  public void revokeProject(String publicKey, String projectId) {
    keys.revoke(publicKey, projectId);
  }

  /**
   * Sets the key's API access list: only these source addresses may use it (the simulator's
   * clients come from 127.0.0.1). An empty set removes the list.
   */
  public void setAccessList(String publicKey, Set<String> addresses) {
    keys.setAccessList(publicKey, addresses);
  }

  /**
   * Revokes a key, as deleting it in the UI does: from now on every request signed with it gets
   * 401 USER_UNAUTHORIZED with a fresh challenge (and the client's retry gets the same). This is
   * the {@code revokeApiKey} of the admin surface; {@link SimulatorOptions#revokeKeysAfter()}
   * revokes every key at once.
   *
   * @return false when there was no such key
   */
  public boolean removeApiKey(String publicKey) {
    return keys.remove(publicKey);
  }

  public Optional<ApiKey> apiKey(String publicKey) {
    return keys.find(publicKey);
  }

  // ---- service accounts (OAuth 2)

  /** Adds (or replaces: a rotated secret) a service account with access to every project. */
  public void addServiceAccount(String clientId, String clientSecret) {
    tokens.add(new ServiceAccount(clientId, clientSecret, true, Set.of()));
  }

  /** Adds (or replaces) a service account with access to these projects only. */
  public void addServiceAccount(String clientId, String clientSecret, Set<String> projectIds) {
    tokens.add(new ServiceAccount(clientId, clientSecret, false, projectIds));
  }

  /** Deletes a service account, as in the UI: its tokens stop working at once. */
  public boolean removeServiceAccount(String clientId) {
    return tokens.remove(clientId);
  }

  /** Revokes every access token issued so far: each client's next request gets 401. */
  public void revokeAccessTokens() {
    tokens.revokeAll();
  }

  /** Makes every access token issued so far expired, as if its hour had passed. */
  public void expireAccessTokens() {
    tokens.expireAll();
  }

  /** Access tokens issued and neither expired nor revoked. */
  public int liveAccessTokens() {
    return tokens.live();
  }

  /** Every access token issued so far (for tests that check none leaks). */
  public List<String> issuedAccessTokens() {
    return tokens.everIssued();
  }

  /** The URL of the OAuth token endpoint. */
  public String tokenUrl() {
    return baseUrl() + OAuthEndpoint.TOKEN_PATH;
  }

  /** Where the integrations resource lives under {@link #baseUrl()}: {@code /api/public/v1.0} or {@code /api/atlas/v2}. */
  public String apiPrefix() {
    return options.apiPrefix();
  }

  /** Tells {@code observer} about every exchange from now on, bodies included. */
  public void observe(ExchangeObserver observer) {
    observers.add(observer);
  }

  // ---- stored integrations (unmasked; UI edits)

  /** The integration stored for the type, unmasked, with {@code type}; visible to reads or not yet. */
  public Optional<Map<String, Object>> stored(String projectId, String type) {
    return store.stored(requireProject(projectId), type);
  }

  /** Every integration stored in the project, by type, unmasked. */
  public Map<String, Map<String, Object>> storedAll(String projectId) {
    return store.storedAll(requireProject(projectId));
  }

  /**
   * Stores an integration as an out-of-band (UI) edit would: as given, without validation,
   * immediately visible. {@code type} is set from the argument.
   */
  public void putStored(String projectId, String type, Map<String, Object> fields) {
    Map<String, Object> integration = new LinkedHashMap<>(fields);
    integration.put("type", type);
    integration.values().removeIf(v -> v == null);
    store.write(requireProject(projectId), type, options.clock().instant(), current -> integration);
  }

  /** Removes an integration as a UI edit would; false when none was stored. */
  public boolean removeStored(String projectId, String type) {
    return store.remove(requireProject(projectId), type);
  }

  // ---- observation and faults

  public RequestJournal journal() {
    return journal;
  }

  public FaultInjector faults() {
    return faults;
  }

  /** Expires every Digest nonce issued so far: each client's next request gets {@code stale=true}. */
  public void expireNonces() {
    digest.expireAll();
  }

  private String requireProject(String projectId) {
    if (!store.hasProject(projectId)) {
      throw new IllegalArgumentException("no project " + projectId);
    }
    return projectId;
  }

  private static ExecutorService newExecutor(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "api-simulator-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
