package io.mdbops.integrations.sandbox;

import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a sandbox runs with. Build with {@link #builder()}.
 *
 * @param examples a directory or file of example manifests; null for deploy/examples or the jar's
 * @param workDir where the kubeconfig, kubectl's cache and re-targeted examples go; null for a new
 *     temporary directory, removed on close
 * @param kubeconfigOut where to write the kubeconfig; null for {@code workDir/kubeconfig}
 * @param kubePort port of the Kubernetes API; 0 for a free one
 * @param simulatorPort port of the API simulator; 0 for a free one
 * @param resyncInterval the operator's drift check interval
 * @param realApi a real API instead of the simulator, or null
 * @param simulatorOptions adjusts the simulator's options (latency, nonce lifetime, ambiguities)
 * @param faults faults the simulator injects, to rehearse outages
 * @param operator whether the sandbox runs its own operator; without it, one started by the user
 *     (say, {@code run} from an IDE) reconciles the examples
 * @param serviceAccount with the simulator: the connection Secret holds a service account (OAuth 2)
 *     instead of an API key
 */
public record SandboxSettings(
    Path examples,
    Path workDir,
    Path kubeconfigOut,
    int kubePort,
    int simulatorPort,
    Duration resyncInterval,
    RealApi realApi,
    UnaryOperator<SimulatorOptions.Builder> simulatorOptions,
    List<FaultRule> faults,
    boolean operator,
    boolean serviceAccount) {

  public SandboxSettings {
    simulatorOptions = simulatorOptions == null ? UnaryOperator.identity() : simulatorOptions;
    faults = faults == null ? List.of() : List.copyOf(faults);
  }

  public static SandboxSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SandboxSettings}; unset values take the defaults of the record's description. */
  public static final class Builder {
    private Path examples;
    private Path workDir;
    private Path kubeconfigOut;
    private int kubePort;
    private int simulatorPort;
    private Duration resyncInterval = Duration.ofSeconds(30);
    private RealApi realApi;
    private UnaryOperator<SimulatorOptions.Builder> simulatorOptions;
    private List<FaultRule> faults;
    private boolean operator = true;

    private boolean serviceAccount;

    private Builder() {}

    /** Starts no operator: the user runs one against the sandbox's kubeconfig. */
    public Builder withoutOperator() {
      this.operator = false;
      return this;
    }

    public Builder examples(Path v) {
      examples = v;
      return this;
    }

    public Builder workDir(Path v) {
      workDir = v;
      return this;
    }

    public Builder kubeconfigOut(Path v) {
      kubeconfigOut = v;
      return this;
    }

    public Builder kubePort(int v) {
      kubePort = v;
      return this;
    }

    public Builder simulatorPort(int v) {
      simulatorPort = v;
      return this;
    }

    public Builder resyncInterval(Duration v) {
      resyncInterval = v;
      return this;
    }

    public Builder realApi(RealApi v) {
      realApi = v;
      return this;
    }

    public Builder simulator(UnaryOperator<SimulatorOptions.Builder> options, List<FaultRule> rules) {
      simulatorOptions = options;
      faults = rules;
      return this;
    }

    /** With the simulator: a service account in the connection Secret instead of an API key. */
    public Builder serviceAccount(boolean v) {
      serviceAccount = v;
      return this;
    }

    public SandboxSettings build() {
      return new SandboxSettings(examples, workDir, kubeconfigOut, kubePort, simulatorPort, resyncInterval, realApi,
          simulatorOptions, faults, operator, serviceAccount);
    }
  }
}
