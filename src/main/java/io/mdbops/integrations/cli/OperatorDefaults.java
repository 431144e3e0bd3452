package io.mdbops.integrations.cli;

import io.mdbops.integrations.config.OperatorConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an operator flag takes its value when it is not given: its environment variable
 * ({@code INTEGRATIONS_OPERATOR_<NAME>}, or the unprefixed {@code <NAME>} earlier releases read),
 * else the default of {@link OperatorConfig}, the one place defaults are written. The Helm chart
 * sets the environment variables; a test checks its values agree with these defaults.
 */
public final class OperatorDefaults implements IDefaultValueProvider {

  /** Prefix of every environment variable the operator reads. */
  public static final String ENV_PREFIX = "INTEGRATIONS_OPERATOR_";

  private record Setting(String env, Function<OperatorConfig, String> render) {}

  private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

  static {
    add("--watch-namespaces", "WATCH_NAMESPACES", c -> joined(c.watchNamespaces()));
    add("--operator-namespace", "OPERATOR_NAMESPACE", c -> null); // the pod's namespace, found at start
    add("--label-selector", "LABEL_SELECTOR", OperatorConfig::labelSelector);
    add("--resync-interval", "RESYNC_INTERVAL", c -> Durations.format(c.resyncInterval()));
    add("--terminating-namespace-grace-period", "TERMINATING_NAMESPACE_GRACE_PERIOD",
        c -> Durations.format(c.terminatingNamespaceGracePeriod()));
    add("--max-concurrent-reconciles", "MAX_CONCURRENT_RECONCILES", c -> Integer.toString(c.maxConcurrentReconciles()));
    add("--leader-election", "LEADER_ELECTION", c -> Boolean.toString(c.leaderElection()));
    add("--lease-name", "LEASE_NAME", OperatorConfig::leaseName);
    add("--lease-duration", "LEASE_DURATION", c -> Durations.format(c.leaseDuration()));
    add("--lease-renew-deadline", "LEASE_RENEW_DEADLINE", c -> Durations.format(c.leaseRenewDeadline()));
    add("--lease-retry-period", "LEASE_RETRY_PERIOD", c -> Durations.format(c.leaseRetryPeriod()));
    add("--default-connection-secret", "DEFAULT_CONNECTION_SECRET",
        c -> c.defaultConnectionSecret() == null ? "" : c.defaultConnectionSecret());
    add("--default-connection-namespaces", "DEFAULT_CONNECTION_NAMESPACES", c -> joined(c.defaultConnectionNamespaces()));
    add("--default-connection-namespace-selector", "DEFAULT_CONNECTION_NAMESPACE_SELECTOR",
        OperatorConfig::defaultConnectionNamespaceSelector);
    add("--namespace-projects", "NAMESPACE_PROJECTS", c -> c.namespaceProjects().entrySet().stream()
        .map(e -> e.getKey() + "=" + String.join("|", e.getValue())).collect(Collectors.joining(",")));
    add("--projects-from-namespace-annotation", "PROJECTS_FROM_NAMESPACE_ANNOTATION",
        c -> Boolean.toString(c.projectsFromNamespaceAnnotation()));
    add("--allowed-base-urls", "ALLOWED_BASE_URLS",
        c -> c.allowedBaseUrls().stream().map(URI::toString).collect(Collectors.joining(",")));
    add("--api-timeout", "API_TIMEOUT", c -> Durations.format(c.apiTimeout()));
    add("--api-requests-per-minute", "API_REQUESTS_PER_MINUTE", c -> Integer.toString(c.apiRequestsPerMinute()));
    add("--http-port", "HTTP_PORT", c -> Integer.toString(c.httpPort()));
    add("--per-resource-metrics", "PER_RESOURCE_METRICS", c -> Boolean.toString(c.perResourceMetrics()));
    add("--log-format", "LOG_FORMAT", c -> c.logFormat().name());
    add("--log-level", "LOG_LEVEL", c -> c.logLevel().name());
  }

  private static void add(String flag, String env, Function<OperatorConfig, String> render) {
    SETTINGS.put(flag, new Setting(env, render));
  }

  private final UnaryOperator<String> environment;
  private final OperatorConfig defaults = OperatorConfig.builder().build();

  /** Reads the process environment. */
  public OperatorDefaults() {
    this(System::getenv);
  }

  /** @param environment looks up an environment variable; null when it is not set */
  public OperatorDefaults(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    Setting setting = SETTINGS.get(option.longestName());
    if (setting == null) {
      return null;
    }
    String value = environment.apply(ENV_PREFIX + setting.env());
    if (value == null) {
      value = environment.apply(setting.env());
    }
    return value != null ? value : setting.render().apply(defaults);
  }

  /** The flags this provider knows, with the environment variable each reads (prefixed). */
  public static Map<String, String> environmentVariables() {
    Map<String, String> env = new LinkedHashMap<>();
    SETTINGS.forEach((flag, s) -> env.put(flag, ENV_PREFIX + s.env()));
    return env;
  }

  /** The default of a flag as the command line shows it, or null for none. */
  public static String defaultOf(String flag) {
    Setting setting = SETTINGS.get(flag);
    return setting == null ? null : setting.render().apply(OperatorConfig.builder().build());
  }

  private static String joined(Set<String> values) {
    return String.join(",", values);
  }
}
