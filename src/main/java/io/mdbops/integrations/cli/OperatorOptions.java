package io.mdbops.integrations.cli;

import io.mdbops.integrations.config.OperatorConfig;
import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.tenancy.LabelSelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The operator's settings as command-line flags, each with a matching environment variable (the
 * Helm chart sets those) and its default from {@link OperatorConfig}, both supplied by {@link
 * OperatorDefaults}. Turned into one validated {@link OperatorConfig}.
 */
public final class OperatorOptions {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Option(names = "--watch-namespaces", paramLabel = "NS[,NS...]",
      description = "Namespaces whose resources are managed, comma-separated; empty means all (env INTEGRATIONS_OPERATOR_WATCH_NAMESPACES). Default: all.")
  String watchNamespaces;

  @Option(names = "--operator-namespace", paramLabel = "NS",
      description = "Namespace the operator runs in: default connection Secret and Lease (env INTEGRATIONS_OPERATOR_OPERATOR_NAMESPACE). Default: the pod's namespace, else integrations-operator.")
  String operatorNamespace;

  @Option(names = "--label-selector", paramLabel = "SELECTOR",
      description = "Only resources with these labels are managed, e.g. shard=a; for sharding across releases (env INTEGRATIONS_OPERATOR_LABEL_SELECTOR). Default: none.")
  String labelSelector;

  @Option(names = "--resync-interval", paramLabel = "DURATION", converter = Durations.class,
      description = "How often each project is re-read to find and undo drift, jittered ±10%% (env INTEGRATIONS_OPERATOR_RESYNC_INTERVAL). Default: ${DEFAULT-VALUE}.")
  Duration resyncInterval;

  @Option(names = "--terminating-namespace-grace-period", paramLabel = "DURATION", converter = Durations.class,
      description = "How long a resource in a namespace being deleted waits for its integration's removal when that keeps failing (the connection Secret gone, credentials revoked) before the operator lets it go and leaves the integration in place, with a Warning Event and a metric (env INTEGRATIONS_OPERATOR_TERMINATING_NAMESPACE_GRACE_PERIOD). Default: ${DEFAULT-VALUE}.")
  Duration terminatingNamespaceGracePeriod;

  @Option(names = "--max-concurrent-reconciles", paramLabel = "N",
      description = "Resources reconciled at the same time (env INTEGRATIONS_OPERATOR_MAX_CONCURRENT_RECONCILES). Default: ${DEFAULT-VALUE}.")
  int maxConcurrentReconciles;

  @Option(names = "--leader-election", paramLabel = "BOOL", arity = "1",
      description = "Elect a leader on a Lease so only one replica writes (env INTEGRATIONS_OPERATOR_LEADER_ELECTION). Default: ${DEFAULT-VALUE} (the Helm chart turns it on).")
  boolean leaderElection;

  @Option(names = "--lease-name", paramLabel = "NAME",
      description = "Name of the Lease in the operator namespace (env INTEGRATIONS_OPERATOR_LEASE_NAME). Default: ${DEFAULT-VALUE}.")
  String leaseName;

  @Option(names = "--lease-duration", paramLabel = "DURATION", converter = Durations.class,
      description = "How long the Lease holds without renewal; a failover takes about this long (env INTEGRATIONS_OPERATOR_LEASE_DURATION). Default: ${DEFAULT-VALUE}.")
  Duration leaseDuration;

  @Option(names = "--lease-renew-deadline", paramLabel = "DURATION", converter = Durations.class,
      description = "How long the leader tries to renew before it stops leading; below --lease-duration (env INTEGRATIONS_OPERATOR_LEASE_RENEW_DEADLINE). Default: ${DEFAULT-VALUE}.")
  Duration leaseRenewDeadline;

  @Option(names = "--lease-retry-period", paramLabel = "DURATION", converter = Durations.class,
      description = "How often candidates try to acquire and the leader renews; below --lease-renew-deadline (env INTEGRATIONS_OPERATOR_LEASE_RETRY_PERIOD). Default: ${DEFAULT-VALUE}.")
  Duration leaseRetryPeriod;

  @Option(names = "--default-connection-secret", paramLabel = "NAME",
      description = "Secret in the operator namespace used by resources without connectionSecretRef (env INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET). Default: none.")
  String defaultConnectionSecret;

  @Option(names = "--default-connection-namespaces", paramLabel = "NS[,NS...]",
      description = "Namespaces allowed to use the default connection; * for all (env INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACES). Default: none.")
  String defaultConnectionNamespaces;

  @Option(names = "--default-connection-namespace-selector", paramLabel = "SELECTOR",
      description = "Namespaces whose labels match may use the default connection too, e.g. integrations.mdbops.io/default-connection=allowed; needs list/watch on Namespaces (env INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACE_SELECTOR). Default: none.")
  String defaultConnectionNamespaceSelector;

  @Option(names = "--namespace-projects", paramLabel = "NS=ID[|ID...][,...]",
      description = "Restrict namespaces to project ids, e.g. payments=5e2211c17a3e5a48f5497de3|6f33...,search=7a44...; unlisted namespaces are not restricted by this (env INTEGRATIONS_OPERATOR_NAMESPACE_PROJECTS). Default: none.")
  String namespaceProjects;

  @Option(names = "--projects-from-namespace-annotation", paramLabel = "BOOL", arity = "1",
      description = "Also restrict a namespace to the project ids in its integrations.mdbops.io/allowed-projects annotation; needs list/watch on Namespaces (env INTEGRATIONS_OPERATOR_PROJECTS_FROM_NAMESPACE_ANNOTATION). Default: ${DEFAULT-VALUE}.")
  boolean projectsFromNamespaceAnnotation;

  @Option(names = "--allowed-base-urls", paramLabel = "URL[,URL...]",
      description = "API endpoints connections may target; add your Ops Manager URL (env INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS). Default: ${DEFAULT-VALUE}.")
  String allowedBaseUrls;

  @Option(names = "--api-timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "Timeout of one API call (env INTEGRATIONS_OPERATOR_API_TIMEOUT). Default: ${DEFAULT-VALUE}.")
  Duration apiTimeout;

  @Option(names = "--api-requests-per-minute", paramLabel = "N",
      description = "Client-side limit of API requests per project and connection (env INTEGRATIONS_OPERATOR_API_REQUESTS_PER_MINUTE). Default: ${DEFAULT-VALUE}.")
  int apiRequestsPerMinute;

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Port of /metrics, /healthz and /readyz; 0 turns it off (env INTEGRATIONS_OPERATOR_HTTP_PORT). Default: ${DEFAULT-VALUE}.")
  int httpPort;

  @Option(names = "--per-resource-metrics", paramLabel = "BOOL", arity = "1",
      description = "Add resource name/namespace labels to the reconcile metrics; unbounded, for small installations (env INTEGRATIONS_OPERATOR_PER_RESOURCE_METRICS). Default: ${DEFAULT-VALUE}.")
  boolean perResourceMetrics;

  @Option(names = "--log-format", paramLabel = "json|text",
      description = "Log line format (env INTEGRATIONS_OPERATOR_LOG_FORMAT). Default: ${DEFAULT-VALUE}; the container image uses json.")
  OperatorConfig.LogFormat logFormat;

  @Option(names = "--log-level", paramLabel = "error|warn|info|debug|trace",
      description = "How much the operator logs (env INTEGRATIONS_OPERATOR_LOG_LEVEL). Default: ${DEFAULT-VALUE}.")
  OperatorConfig.LogLevel logLevel;

  /** The validated configuration; a {@link ParameterException}-style message names the bad value. */
  public OperatorConfig toConfig() {
    try {
      return OperatorConfig.builder()
          .watchNamespaces(namespaces("--watch-namespaces", watchNamespaces, false))
          .operatorNamespace(operatorNamespace())
          .labelSelector(labelSelector)
          .resyncInterval(resyncInterval)
          .terminatingNamespaceGracePeriod(terminatingNamespaceGracePeriod)
          .maxConcurrentReconciles(maxConcurrentReconciles)
          .leaderElection(leaderElection)
          .leaseName(leaseName)
          .leaseTimings(leaseDuration, leaseRenewDeadline, leaseRetryPeriod)
          .defaultConnectionSecret(defaultConnectionSecret == null || defaultConnectionSecret.isBlank()
              ? null : defaultConnectionSecret.trim())
          .defaultConnectionNamespaces(namespaces("--default-connection-namespaces", defaultConnectionNamespaces, true))
          .defaultConnectionNamespaceSelector(selector(defaultConnectionNamespaceSelector))
          .namespaceProjects(namespaceProjects(namespaceProjects))
          .projectsFromNamespaceAnnotation(projectsFromNamespaceAnnotation)
          .allowedBaseUrls(baseUrls(allowedBaseUrls))
          .apiTimeout(apiTimeout)
          .apiRequestsPerMinute(apiRequestsPerMinute)
          .httpPort(httpPort)
          .perResourceMetrics(perResourceMetrics)
          .logFormat(logFormat)
          .logLevel(logLevel)
          .build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid setting: " + e.getMessage(), e);
    }
  }

  private String operatorNamespace() {
    if (operatorNamespace != null && !operatorNamespace.isBlank()) {
      return checkLabel("--operator-namespace", operatorNamespace.trim());
    }
    try {
      if (Files.isReadable(SERVICE_ACCOUNT_NAMESPACE)) {
        return Files.readString(SERVICE_ACCOUNT_NAMESPACE, StandardCharsets.UTF_8).trim();
      }
    } catch (java.io.IOException e) {
      // fall through to the default
    }
    return "integrations-operator";
  }

  static Set<String> namespaces(String flag, String value, boolean allowStar) {
    Set<String> result = new LinkedHashSet<>();
    if (value == null || value.isBlank()) {
      return result;
    }
    for (String part : value.split(",", -1)) {
      String ns = part.trim();
      if (allowStar && ns.equals("*")) {
        result.add(ns);
        continue;
      }
      result.add(checkLabel(flag, ns));
    }
    return result;
  }

  private static String checkLabel(String flag, String ns) {
    if (!DNS_LABEL.matcher(ns).matches()) {
      throw new IllegalArgumentException(flag + ": '" + ns + "' is not a namespace name (lower-case letters,"
          + " digits and '-', at most 63); separate several with commas, e.g. team-a,team-b");
    }
    return ns;
  }

  static String selector(String value) {
    String v = value == null ? "" : value.trim();
    try {
      LabelSelector.parse(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--default-connection-namespace-selector: " + e.getMessage());
    }
    return v;
  }

  static Map<String, Set<String>> namespaceProjects(String value) {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return result;
    }
    for (String entry : value.split(",")) {
      String[] parts = entry.trim().split("=", -1);
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException("--namespace-projects: '" + entry.trim() + "' must look like"
            + " namespace=projectId or namespace=projectId|projectId");
      }
      String ns = checkLabel("--namespace-projects", parts[0].trim());
      Set<String> ids = new LinkedHashSet<>();
      for (String id : parts[1].split("\\|")) {
        if (!id.trim().matches("[0-9a-f]{24}")) {
          throw new IllegalArgumentException("--namespace-projects: '" + id.trim() + "' for namespace " + ns
              + " is not a project id (24 lower-case hexadecimal characters)");
        }
        ids.add(id.trim());
      }
      result.put(ns, ids);
    }
    return result;
  }

  static List<URI> baseUrls(String value) {
    List<URI> urls = new ArrayList<>();
    for (String part : value.split(",")) {
      String url = part.trim();
      if (url.isEmpty()) {
        continue;
      }
      try {
        urls.add(EndpointPolicy.parse(url));
      } catch (ConnectionUnavailableException e) {
        throw new IllegalArgumentException("--allowed-base-urls: '" + url + "': " + e.getMessage());
      }
    }
    return urls;
  }
}
