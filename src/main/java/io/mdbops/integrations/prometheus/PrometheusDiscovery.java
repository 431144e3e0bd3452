package io.mdbops.integrations.prometheus;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PrometheusScrapeConfigSpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusSpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusStatus;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.connection.SecretData;
import io.mdbops.integrations.connection.SecretSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus discovery in the cluster, for PROMETHEUS resources: the status says where the project's
 * HTTP service discovery answers and as which user, and, when the spec asks for it, a
 * prometheus-operator ScrapeConfig owned by the resource is created, kept as the spec says, or
 * removed. A ScrapeConfig that cannot be written (its CRD is not installed, the operator may not
 * write it, the user name is not in the Secret) is reported in the status; the integration itself
 * is never failed for it. Writes only when the ScrapeConfig differs from what the spec asks for.
 */
public final class PrometheusDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(PrometheusDiscovery.class);
  /** How soon a ScrapeConfig write that failed for a passing reason (5xx, a conflict) is tried again. */
  static final Duration RETRY = Duration.ofSeconds(30);

  /** What a pass did to the ScrapeConfig. */
  public enum Action {
    Created,
    Updated,
    Deleted
  }

  /**
   * @param status the next {@code status.prometheus}
   * @param action what was written, if anything
   * @param retryAfter when to look again after a failure that passes by itself
   */
  public record Result(PrometheusStatus status, Optional<Action> action, Optional<Duration> retryAfter) {}

  private final ConnectionResolver connections;
  private final SecretSource secrets;
  private final ScrapeConfigStore store;

  public PrometheusDiscovery(ConnectionResolver connections, SecretSource secrets, ScrapeConfigStore store) {
    this.connections = connections;
    this.secrets = secrets;
    this.store = store;
  }

  /** Empty for other types, and while the connection cannot be resolved (Ready says why). */
  public Optional<Result> apply(ThirdPartyIntegration resource) {
    if (!isPrometheus(resource)) {
      return Optional.empty();
    }
    ResolvedConnection connection;
    try {
      connection = connections.resolve(resource);
    } catch (ConnectionUnavailableException e) {
      return Optional.empty();
    }
    String url = DiscoveryEndpoint.url(connection.baseUrl(), resource.getSpec().getProjectId());
    Outcome outcome = scrapeConfig(resource, url, connection);
    PrometheusSpec prometheus = resource.getSpec().getPrometheus();
    return Optional.of(new Result(new PrometheusStatus(url, prometheus.getUsername(), outcome.held(), outcome.problem()),
        outcome.action(), outcome.retryAfter()));
  }

  /**
   * The resource is going: removes the ScrapeConfig it holds. The garbage collector would too, through
   * the owner reference; this does not wait for it (and not every API server runs one). Best effort.
   */
  public void release(ThirdPartyIntegration resource) {
    String held = held(resource);
    if (held == null) {
      return;
    }
    String namespace = resource.getMetadata().getNamespace();
    try {
      Optional<GenericKubernetesResource> existing = store.get(namespace, held);
      if (existing.isPresent() && ScrapeConfigManifest.ownedBy(existing.get(), resource.getMetadata().getUid())) {
        store.delete(namespace, held);
      }
    } catch (KubernetesClientException e) {
      LOG.info("ScrapeConfig {}/{} left to the garbage collector (HTTP {})", namespace, held, e.getCode());
    }
  }

  private record Outcome(String held, String problem, Optional<Action> action, Optional<Duration> retryAfter) {
    static Outcome ok(String held, Optional<Action> action) {
      return new Outcome(held, null, action, Optional.empty());
    }

    static Outcome problem(String held, String problem) {
      return new Outcome(held, problem, Optional.empty(), Optional.empty());
    }
  }

  private Outcome scrapeConfig(ThirdPartyIntegration resource, String url, ResolvedConnection connection) {
    String namespace = resource.getMetadata().getNamespace();
    String uid = resource.getMetadata().getUid();
    String held = held(resource);
    PrometheusScrapeConfigSpec wanted = resource.getSpec().getPrometheus().getScrapeConfig();
    try {
      if (wanted == null || !wanted.wanted()) {
        if (held == null) {
          return Outcome.ok(null, Optional.empty());
        }
        Optional<GenericKubernetesResource> existing = store.get(namespace, held);
        if (existing.isPresent() && ScrapeConfigManifest.ownedBy(existing.get(), uid)) {
          store.delete(namespace, held);
          return Outcome.ok(null, Optional.of(Action.Deleted));
        }
        return Outcome.ok(null, Optional.empty());
      }
      Optional<String> userProblem = usernameProblem(resource, wanted);
      if (userProblem.isPresent()) {
        return Outcome.problem(held, userProblem.get());
      }
      GenericKubernetesResource desired = ScrapeConfigManifest.of(resource, url, caSecret(connection, namespace));
      String name = desired.getMetadata().getName();
      Optional<GenericKubernetesResource> existing = store.get(namespace, name);
      if (existing.isEmpty()) {
        store.create(desired);
        return Outcome.ok(name, Optional.of(Action.Created));
      }
      if (!ScrapeConfigManifest.ownedBy(existing.get(), uid)) {
        return Outcome.problem(null, "a ScrapeConfig named " + name + " already exists in namespace " + namespace
            + " and is not owned by this resource; the operator leaves it alone (delete or rename it)");
      }
      if (ScrapeConfigManifest.satisfies(existing.get(), desired)) {
        return Outcome.ok(name, Optional.empty());
      }
      store.update(updated(existing.get(), desired));
      return Outcome.ok(name, Optional.of(Action.Updated));
    } catch (KubernetesClientException e) {
      return failed(held, namespace, resource.getMetadata().getName(), e);
    }
  }

  private static Outcome failed(String held, String namespace, String name, KubernetesClientException e) {
    int code = e.getCode();
    String problem = switch (code) {
      case 404 -> "the ScrapeConfig kind (monitoring.coreos.com/v1alpha1) is not installed in this cluster: install"
          + " prometheus-operator's CRDs, or set spec.prometheus.scrapeConfig.create to false";
      case 403 -> "the operator may not manage ScrapeConfigs in namespace " + namespace + ": install the chart with"
          + " rbac.scrapeConfigs=true (or grant get, create, update and delete on scrapeconfigs.monitoring.coreos.com)";
      case 400, 422 -> "the API server refused ScrapeConfig " + namespace + "/" + name + " (HTTP " + code
          + "): check spec.prometheus.scrapeConfig (labels, scrapeInterval)";
      default -> "writing ScrapeConfig " + namespace + "/" + name + " failed (HTTP " + code + "); trying again shortly";
    };
    boolean passing = code == 0 || code == 409 || code == 429 || code >= 500;
    LOG.info("ScrapeConfig {}/{}: HTTP {}", namespace, name, code);
    return new Outcome(held, problem, Optional.empty(), passing ? Optional.of(RETRY) : Optional.empty());
  }

  /**
   * prometheus-operator reads a basic-auth user name from a Secret only: it must be in the password's
   * Secret, and be the integration's user name, or every scrape would be refused. Never quotes the
   * Secret's value.
   */
  private Optional<String> usernameProblem(ThirdPartyIntegration resource, PrometheusScrapeConfigSpec wanted) {
    PrometheusSpec prometheus = resource.getSpec().getPrometheus();
    String namespace = resource.getMetadata().getNamespace();
    String secretName = prometheus.getPasswordSecretRef().getName();
    String key = wanted.effectiveUsernameKey();
    String where = "Secret " + namespace + "/" + secretName;
    var secret = secrets.get(namespace, secretName);
    if (secret.isEmpty()) {
      return Optional.of(where + " does not exist; the ScrapeConfig reads the user name (key " + key
          + ") and the password from it");
    }
    SecretData.Read read = SecretData.read(secret.get(), key);
    if (!(read instanceof SecretData.Value value)) {
      return Optional.of(where + " " + SecretData.problem(read, key) + ": prometheus-operator reads basic-auth user"
          + " names from Secrets only; put spec.prometheus.username there (or name another key in"
          + " spec.prometheus.scrapeConfig.usernameKey)");
    }
    if (!value.value().equals(prometheus.getUsername())) {
      return Optional.of("the user name at key " + key + " of " + where + " is not spec.prometheus.username;"
          + " Prometheus would be refused with it");
    }
    return Optional.empty();
  }

  /** The connection's own CA, when Prometheus can read it: its Secret is in the resource's namespace. */
  private static Optional<Map<String, String>> caSecret(ResolvedConnection connection, String namespace) {
    if (connection.api().caPem() == null || connection.isDefault() || !namespace.equals(connection.secretNamespace())) {
      return Optional.empty();
    }
    Map<String, String> ref = new LinkedHashMap<>();
    ref.put("name", connection.secretName());
    ref.put("key", ConnectionResolver.CA_CERT);
    return Optional.of(ref);
  }

  /** {@code existing} with the managed spec keys, labels and owner of {@code desired}; the rest kept. */
  @SuppressWarnings("unchecked")
  private static GenericKubernetesResource updated(GenericKubernetesResource existing, GenericKubernetesResource desired) {
    Map<String, Object> spec = existing.getAdditionalProperties().get("spec") instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    Map<String, Object> want = (Map<String, Object>) desired.getAdditionalProperties().get("spec");
    for (String key : ScrapeConfigManifest.MANAGED_KEYS) {
      if (want.containsKey(key)) {
        spec.put(key, want.get(key));
      } else {
        spec.remove(key);
      }
    }
    existing.setAdditionalProperty("spec", spec);
    existing.getMetadata().setLabels(desired.getMetadata().getLabels());
    existing.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
    return existing;
  }

  private static boolean isPrometheus(ThirdPartyIntegration resource) {
    return resource.getSpec() != null && resource.getSpec().getType() == IntegrationType.PROMETHEUS
        && resource.getSpec().getPrometheus() != null && resource.getSpec().getPrometheus().getPasswordSecretRef() != null;
  }

  private static String held(ThirdPartyIntegration resource) {
    return resource.getStatus() == null || resource.getStatus().getPrometheus() == null ? null
        : resource.getStatus().getPrometheus().getScrapeConfig();
  }
}
