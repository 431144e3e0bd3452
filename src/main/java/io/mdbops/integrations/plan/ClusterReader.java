package io.mdbops.integrations.plan;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads from a cluster (through a kubeconfig) what {@code plan} compares with: connection and token
 * Secrets, and the status the operator keeps on each resource (the masks it saw, the Secret versions
 * it last wrote). Reads only; each object at most once.
 */
public final class ClusterReader implements ClusterSource, AutoCloseable {

  private final KubernetesClient client;
  private final Map<String, Optional<Secret>> secrets = new HashMap<>();
  private final Map<String, Optional<ThirdPartyIntegrationStatus>> statuses = new HashMap<>();

  public ClusterReader(KubernetesClient client) {
    this.client = client;
  }

  /**
   * A client for the kubeconfig's current context.
   *
   * @throws IllegalArgumentException when the file cannot be read as a kubeconfig
   */
  public static ClusterReader fromKubeconfig(Path kubeconfig) {
    if (!Files.isRegularFile(kubeconfig)) {
      throw new IllegalArgumentException("--kubeconfig: no such file: " + kubeconfig);
    }
    try {
      Config config = Config.fromKubeconfig(kubeconfig.toFile());
      return new ClusterReader(new KubernetesClientBuilder().withConfig(config).build());
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--kubeconfig: " + kubeconfig + " cannot be read as a kubeconfig");
    }
  }

  /** The kubeconfig context's namespace, if it names one. */
  public Optional<String> namespace() {
    return Optional.ofNullable(client.getConfiguration().getNamespace());
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) throws ReadFailure {
    String key = namespace + "/" + name;
    if (!secrets.containsKey(key)) {
      try {
        secrets.put(key, Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get()));
      } catch (KubernetesClientException e) {
        throw new ReadFailure("Secret " + key + " could not be read from the cluster (" + why(e) + ")");
      }
    }
    return secrets.get(key);
  }

  /** Every Secret read so far, so that their values can be kept out of the output. */
  public List<Secret> secretsRead() {
    return secrets.values().stream().flatMap(Optional::stream).toList();
  }

  @Override
  public Optional<ThirdPartyIntegrationStatus> status(String namespace, String name) {
    return statuses.computeIfAbsent(namespace + "/" + name, key -> {
      try {
        ThirdPartyIntegration live = client.resources(ThirdPartyIntegration.class).inNamespace(namespace)
            .withName(name).get();
        return Optional.ofNullable(live).map(ThirdPartyIntegration::getStatus);
      } catch (KubernetesClientException e) {
        return Optional.empty(); // without it, fewer fields can be compared; plan says which
      }
    });
  }

  /** The HTTP status and reason, not the server's message (it may quote the request). */
  private static String why(KubernetesClientException e) {
    if (e.getCode() == 403) {
      return "forbidden: the kubeconfig's user may not get Secrets there";
    }
    if (e.getCode() == 401) {
      return "unauthorized: the kubeconfig's credentials were refused";
    }
    return e.getCode() > 0 ? "HTTP " + e.getCode() : "the cluster did not answer";
  }

  @Override
  public void close() {
    client.close();
  }
}
