package io.mdbops.integrations.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the operator can be told, with defaults, in one immutable object. The command line
 * (flags and matching environment variables) and the Helm chart fill it; code only reads it.
 *
 * @param watchNamespaces namespaces whose resources are managed; empty means all namespaces
 * @param operatorNamespace the namespace the operator runs in (default connection, Lease)
 * @param labelSelector only resources with these labels are managed (sharding); empty = all
 * @param resyncInterval how often each project's live configuration is re-read to find drift
 * @param terminatingNamespaceGracePeriod how long the deletion of a resource in a namespace being
 *     deleted waits for a removal that keeps failing before it lets the resource go and leaves the
 *     integration in place
 * @param maxConcurrentReconciles how many resources are reconciled at the same time
 * @param leaderElection whether replicas elect a leader on a Lease (standbys never write)
 * @param leaseName name of that Lease, in the operator namespace
 * @param leaseDuration how long a Lease holds without renewal; a failover takes about this long
 * @param leaseRenewDeadline how long the leader keeps trying to renew before it gives up leading
 * @param leaseRetryPeriod how often candidates try to acquire, and the leader to renew
 * @param exitOnLostLeadership whether a replica that loses its Lease without being stopped exits
 *     (the production behaviour: it must not write beside the new leader); else it only stops
 * @param defaultConnectionSecret name of the default connection Secret in the operator namespace,
 *     or null for none
 * @param defaultConnectionNamespaces namespaces allowed to use the default connection ("*" = all)
 * @param defaultConnectionNamespaceSelector labels of Namespaces also allowed to use it; "" = none
 * @param namespaceProjects per namespace, the only project ids its resources may target
 * @param projectsFromNamespaceAnnotation whether a Namespace's allowed-projects annotation restricts
 *     its resources too
 * @param allowedBaseUrls API endpoints resources may target (scheme, host, port and path prefix)
 * @param apiTimeout overall timeout of one API call
 * @param apiRequestsPerMinute client-side limit of API requests per project and connection
 * @param httpPort port of the metrics and health endpoint (0 = disabled)
 * @param perResourceMetrics whether JOSDK's reconcile metrics carry resource name/namespace labels
 * @param logFormat json or text
 * @param logLevel the operator's log level
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    String operatorNamespace,
    String labelSelector,
    Duration resyncInterval,
    Duration terminatingNamespaceGracePeriod,
    int maxConcurrentReconciles,
    boolean leaderElection,
    String leaseName,
    Duration leaseDuration,
    Duration leaseRenewDeadline,
    Duration leaseRetryPeriod,
    boolean exitOnLostLeadership,
    String defaultConnectionSecret,
    Set<String> defaultConnectionNamespaces,
    String defaultConnectionNamespaceSelector,
    Map<String, Set<String>> namespaceProjects,
    boolean projectsFromNamespaceAnnotation,
    List<URI> allowedBaseUrls,
    Duration apiTimeout,
    int apiRequestsPerMinute,
    int httpPort,
    boolean perResourceMetrics,
    LogFormat logFormat,
    LogLevel logLevel) {

  public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(5);
  public static final Duration DEFAULT_TERMINATING_NAMESPACE_GRACE_PERIOD = Duration.ofMinutes(5);

  /** Log line format. */
  public enum LogFormat {
    json,
    text
  }

  /** How much the operator logs; each level includes the ones above it. */
  public enum LogLevel {
    error,
    warn,
    info,
    debug,
    trace
  }

  public OperatorConfig {
    watchNamespaces = Set.copyOf(watchNamespaces);
    Objects.requireNonNull(operatorNamespace, "operatorNamespace");
    labelSelector = labelSelector == null ? "" : labelSelector;
    Objects.requireNonNull(resyncInterval, "resyncInterval");
    defaultConnectionNamespaces = Set.copyOf(defaultConnectionNamespaces);
    defaultConnectionNamespaceSelector = defaultConnectionNamespaceSelector == null ? "" : defaultConnectionNamespaceSelector;
    namespaceProjects = Map.copyOf(namespaceProjects);
    allowedBaseUrls = List.copyOf(allowedBaseUrls);
    Objects.requireNonNull(apiTimeout, "apiTimeout");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(logLevel, "logLevel");
    if (resyncInterval.isNegative() || resyncInterval.isZero()) {
      throw new IllegalArgumentException("resyncInterval must be positive");
    }
    Objects.requireNonNull(terminatingNamespaceGracePeriod, "terminatingNamespaceGracePeriod");
    if (terminatingNamespaceGracePeriod.isNegative() || terminatingNamespaceGracePeriod.isZero()) {
      throw new IllegalArgumentException("terminatingNamespaceGracePeriod must be positive");
    }
    if (maxConcurrentReconciles < 1) {
      throw new IllegalArgumentException("maxConcurrentReconciles must be at least 1");
    }
    if (leaseRenewDeadline.compareTo(leaseDuration) >= 0 || leaseRetryPeriod.compareTo(leaseRenewDeadline) >= 0) {
      throw new IllegalArgumentException(
          "lease timings must satisfy retryPeriod < renewDeadline < leaseDuration");
    }
    if (apiRequestsPerMinute < 0) {
      throw new IllegalArgumentException("apiRequestsPerMinute must not be negative (0 = no limit)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public boolean watchesAllNamespaces() {
    return watchNamespaces.isEmpty();
  }

  /** Builder with the defaults documented in the README's configuration table. */
  public static final class Builder {
    private Set<String> watchNamespaces = Set.of();
    private String operatorNamespace = "integrations-operator";
    private String labelSelector = "";
    private Duration resyncInterval = DEFAULT_RESYNC;
    private Duration terminatingNamespaceGracePeriod = DEFAULT_TERMINATING_NAMESPACE_GRACE_PERIOD;
    private int maxConcurrentReconciles = 20;
    private boolean leaderElection = false;
    private String leaseName = "integrations-operator";
    private Duration leaseDuration = Duration.ofSeconds(15);
    private Duration leaseRenewDeadline = Duration.ofSeconds(10);
    private Duration leaseRetryPeriod = Duration.ofSeconds(2);
    private boolean exitOnLostLeadership = true;
    private String defaultConnectionSecret;
    private Set<String> defaultConnectionNamespaces = Set.of();
    private String defaultConnectionNamespaceSelector = "";
    private Map<String, Set<String>> namespaceProjects = Map.of();
    private boolean projectsFromNamespaceAnnotation = false;
    private List<URI> allowedBaseUrls = List.of(URI.create("https://cloud.mongodb.com"));
    private Duration apiTimeout = Duration.ofSeconds(30);
    private int apiRequestsPerMinute = 60;
    private int httpPort = 8080;
    private boolean perResourceMetrics = false;
    private LogFormat logFormat = LogFormat.text;
    private LogLevel logLevel = LogLevel.info;

    private Builder() {}

    private Builder(OperatorConfig c) {
      watchNamespaces = c.watchNamespaces;
      operatorNamespace = c.operatorNamespace;
      labelSelector = c.labelSelector;
      resyncInterval = c.resyncInterval;
      terminatingNamespaceGracePeriod = c.terminatingNamespaceGracePeriod;
      maxConcurrentReconciles = c.maxConcurrentReconciles;
      leaderElection = c.leaderElection;
      leaseName = c.leaseName;
      leaseDuration = c.leaseDuration;
      leaseRenewDeadline = c.leaseRenewDeadline;
      leaseRetryPeriod = c.leaseRetryPeriod;
      exitOnLostLeadership = c.exitOnLostLeadership;
      defaultConnectionSecret = c.defaultConnectionSecret;
      defaultConnectionNamespaces = c.defaultConnectionNamespaces;
      defaultConnectionNamespaceSelector = c.defaultConnectionNamespaceSelector;
      namespaceProjects = c.namespaceProjects;
      projectsFromNamespaceAnnotation = c.projectsFromNamespaceAnnotation;
      allowedBaseUrls = c.allowedBaseUrls;
      apiTimeout = c.apiTimeout;
      apiRequestsPerMinute = c.apiRequestsPerMinute;
      httpPort = c.httpPort;
      perResourceMetrics = c.perResourceMetrics;
      logFormat = c.logFormat;
      logLevel = c.logLevel;
    }

    public Builder watchNamespaces(Set<String> v) {
      watchNamespaces = v;
      return this;
    }

    public Builder operatorNamespace(String v) {
      operatorNamespace = v;
      return this;
    }

    public Builder labelSelector(String v) {
      labelSelector = v;
      return this;
    }

    public Builder resyncInterval(Duration v) {
      resyncInterval = v;
      return this;
    }

    public Builder terminatingNamespaceGracePeriod(Duration v) {
      terminatingNamespaceGracePeriod = v;
      return this;
    }

    public Builder maxConcurrentReconciles(int v) {
      maxConcurrentReconciles = v;
      return this;
    }

    public Builder leaderElection(boolean v) {
      leaderElection = v;
      return this;
    }

    public Builder leaseName(String v) {
      leaseName = v;
      return this;
    }

    public Builder leaseTimings(Duration duration, Duration renewDeadline, Duration retryPeriod) {
      leaseDuration = duration;
      leaseRenewDeadline = renewDeadline;
      leaseRetryPeriod = retryPeriod;
      return this;
    }

    public Builder exitOnLostLeadership(boolean v) {
      exitOnLostLeadership = v;
      return this;
    }

    public Builder defaultConnectionSecret(String v) {
      defaultConnectionSecret = v;
      return this;
    }

    public Builder defaultConnectionNamespaces(Set<String> v) {
      defaultConnectionNamespaces = v;
      return this;
    }

    public Builder defaultConnectionNamespaceSelector(String v) {
      defaultConnectionNamespaceSelector = v;
      return this;
    }

    public Builder namespaceProjects(Map<String, Set<String>> v) {
      namespaceProjects = v;
      return this;
    }

    public Builder projectsFromNamespaceAnnotation(boolean v) {
      projectsFromNamespaceAnnotation = v;
      return this;
    }

    public Builder allowedBaseUrls(List<URI> v) {
      allowedBaseUrls = v;
      return this;
    }

    public Builder apiTimeout(Duration v) {
      apiTimeout = v;
      return this;
    }

    public Builder apiRequestsPerMinute(int v) {
      apiRequestsPerMinute = v;
      return this;
    }

    public Builder httpPort(int v) {
      httpPort = v;
      return this;
    }

    public Builder perResourceMetrics(boolean v) {
      perResourceMetrics = v;
      return this;
    }

    public Builder logFormat(LogFormat v) {
      logFormat = v;
      return this;
    }

    public Builder logLevel(LogLevel v) {
      logLevel = v;
      return this;
    }

    public OperatorConfig build() {
      return new OperatorConfig(
          watchNamespaces,
          operatorNamespace,
          labelSelector,
          resyncInterval,
          terminatingNamespaceGracePeriod,
          maxConcurrentReconciles,
          leaderElection,
          leaseName,
          leaseDuration,
          leaseRenewDeadline,
          leaseRetryPeriod,
          exitOnLostLeadership,
          defaultConnectionSecret,
          defaultConnectionNamespaces,
          defaultConnectionNamespaceSelector,
          namespaceProjects,
          projectsFromNamespaceAnnotation,
          allowedBaseUrls,
          apiTimeout,
          apiRequestsPerMinute,
          httpPort,
          perResourceMetrics,
          logFormat,
          logLevel);
    }
  }
}
