package io.mdbops.integrations.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.controller.ThirdPartyIntegrationReconciler;
import io.mdbops.integrations.tenancy.LabelSelector;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code release-finalizers}: the escape hatch when the operator cannot finish a deletion (it was
 * uninstalled or scaled to zero) or should not be waited for. Removes the operator's finalizer from
 * the selected resources and leaves their integrations in the projects, printing each one.
 */
@Command(name = "release-finalizers", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Remove the operator's finalizer from ThirdPartyIntegration resources, so that deleting them (or"
            + " their namespace) no longer waits for the operator. Their integrations are left in place in"
            + " their projects; each resource released is printed with its project and type.",
        "For an operator that was uninstalled or scaled to zero while resources still carried its"
            + " finalizer, or for deletions you do not want to wait for. A running operator puts the finalizer"
            + " back on every resource that wrote its integration and is not being deleted: stop it first"
            + " (--stop-operator)."})
public final class ReleaseFinalizersCommand implements Callable<Integer> {

  /** How long --stop-operator waits for the operator's pods to be gone. */
  static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
  private static final int REQUEST_RETRIES = 2;

  @Spec
  CommandSpec spec;

  @Option(names = "--namespace", paramLabel = "NS[,NS...]", split = ",",
      description = "The namespaces whose resources to release (repeatable, or comma-separated).")
  List<String> namespaces;

  @Option(names = "--all", description = "Release the resources of every namespace.")
  boolean all;

  @Option(names = "--label-selector", paramLabel = "SELECTOR",
      description = "Only resources with these labels, e.g. shard=a: one shard's (as --label-selector of run).")
  String labelSelector;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "The kubeconfig to use. Default: KUBECONFIG, ~/.kube/config, or the pod's service account.")
  Path kubeconfig;

  @Option(names = "--stop-operator", paramLabel = "[NS/]DEPLOYMENT",
      description = "First scale the operator's Deployment to zero and wait until its pods are gone, so that it"
          + " cannot put the finalizers back (the chart's uninstall hook does this). NS defaults to the"
          + " kubeconfig's namespace, or the pod's.")
  String stopOperator;

  Duration stopTimeout = STOP_TIMEOUT;

  @Override
  public Integer call() throws Exception {
    if (all == (namespaces != null && !namespaces.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "give either --namespace NS or --all");
    }
    List<String> selected = new ArrayList<>();
    if (!all) {
      try {
        selected.addAll(OperatorOptions.namespaces("--namespace", String.join(",", namespaces), false));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (selected.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--namespace: name at least one namespace (or give --all)");
      }
    }
    if (labelSelector != null) {
      try {
        LabelSelector.parse(labelSelector);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--label-selector: " + e.getMessage());
      }
    }
    if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
      throw new ParameterException(spec.commandLine(), "--kubeconfig: cannot read " + kubeconfig);
    }
    PrintWriter out = spec.commandLine().getOut();
    Config config = kubeconfig == null ? Config.autoConfigure(null) : Config.fromKubeconfig(kubeconfig.toFile());
    // a person (or an uninstall) is waiting: a failing request is tried twice more, not ten times
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      if (stopOperator != null) {
        stop(client, out);
      }
      int released = 0;
      for (GenericKubernetesResource r : resources(client, selected, labelSelector)) {
        if (release(client, r)) {
          released++;
          out.println("released " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName() + ": "
              + integration(r) + " left in place");
        }
      }
      String where = (all ? "in any namespace" : "in namespace" + (selected.size() > 1 ? "s " : " ")
          + String.join(", ", selected)) + (labelSelector == null ? "" : " with labels " + labelSelector);
      out.println(released == 0 ? "no resource " + where + " carried the operator's finalizer"
          : "released " + released + " resource" + (released == 1 ? "" : "s") + " " + where
              + "; their integrations were left in place");
      out.flush();
      return 0;
    } catch (KubernetesClientException e) {
      // the status code and the API server's reason only: never a request body
      throw new IllegalStateException("the Kubernetes API refused or failed a request (HTTP " + e.getCode()
          + (e.getStatus() != null && e.getStatus().getReason() != null ? " " + e.getStatus().getReason() : "")
          + "); nothing more was released", e);
    }
  }

  /** Read as generic objects: a resource whose spec the operator could not read is released as well. */
  private static List<GenericKubernetesResource> resources(
      KubernetesClient client, List<String> namespaces, String labelSelector) {
    var all = kind(client);
    ListOptions options = new ListOptionsBuilder().withLabelSelector(labelSelector).build();
    List<GenericKubernetesResource> found = new ArrayList<>();
    if (namespaces.isEmpty()) {
      found.addAll(all.inAnyNamespace().list(options).getItems());
    } else {
      namespaces.forEach(ns -> found.addAll(all.inNamespace(ns).list(options).getItems()));
    }
    found.sort(Comparator.comparing((GenericKubernetesResource r) -> r.getMetadata().getNamespace())
        .thenComparing(r -> r.getMetadata().getName()));
    return found;
  }

  private static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> kind(KubernetesClient client) {
    return client.genericKubernetesResources(HasMetadata.getApiVersion(ThirdPartyIntegration.class),
        HasMetadata.getKind(ThirdPartyIntegration.class));
  }

  /**
   * Removes the finalizer with a JSON patch that first tests it is still at that position, so a
   * concurrent change to the list never makes it remove another; re-reads and tries again once.
   *
   * @return whether the resource carried the finalizer (and no longer does)
   */
  private static boolean release(KubernetesClient client, GenericKubernetesResource resource) {
    GenericKubernetesResource current = resource;
    for (int attempt = 1; ; attempt++) {
      List<String> finalizers = current.getMetadata().getFinalizers();
      int at = finalizers == null ? -1 : finalizers.indexOf(ThirdPartyIntegrationReconciler.FINALIZER);
      if (at < 0) {
        return false;
      }
      String path = "/metadata/finalizers/" + at;
      String patch = "[{\"op\":\"test\",\"path\":\"" + path + "\",\"value\":\"" + ThirdPartyIntegrationReconciler.FINALIZER
          + "\"},{\"op\":\"remove\",\"path\":\"" + path + "\"}]";
      var handle = kind(client)
          .inNamespace(current.getMetadata().getNamespace()).withName(current.getMetadata().getName());
      try {
        handle.patch(PatchContext.of(PatchType.JSON), patch);
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return false; // gone meanwhile
        }
        if (attempt > 1 || (e.getCode() != 422 && e.getCode() != 409)) {
          throw e;
        }
        current = handle.get();
        if (current == null) {
          return false;
        }
      }
    }
  }

  /** Scales the operator's Deployment to zero and waits until no pod of it is left. */
  private void stop(KubernetesClient client, PrintWriter out) throws InterruptedException {
    int slash = stopOperator.indexOf('/');
    String ns = slash < 0 ? client.getNamespace() : stopOperator.substring(0, slash);
    String name = stopOperator.substring(slash + 1);
    if (ns == null || ns.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--stop-operator: give the namespace as NS/" + name);
    }
    var deployment = client.apps().deployments().inNamespace(ns).withName(name);
    Deployment found = deployment.get();
    if (found == null) {
      out.println("operator Deployment " + ns + "/" + name + " does not exist: nothing to stop");
      return;
    }
    deployment.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":0}}");
    Map<String, String> selector = found.getSpec().getSelector().getMatchLabels();
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    int running;
    while ((running = client.pods().inNamespace(ns).withLabels(selector).list().getItems().size()) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the operator Deployment " + ns + "/" + name + " was scaled to zero, but "
            + running + " of its pods still run after " + stopTimeout.toSeconds() + " s; nothing was released");
      }
      Thread.sleep(500);
    }
    out.println("stopped the operator: Deployment " + ns + "/" + name + " scaled to zero, no pod left");
  }

  private static String integration(GenericKubernetesResource r) {
    Object spec = r.getAdditionalProperties().get("spec");
    Object type = spec instanceof Map<?, ?> m ? m.get("type") : null;
    Object project = spec instanceof Map<?, ?> m ? m.get("projectId") : null;
    return type instanceof String t && project instanceof String p
        ? "the " + t + " integration of project " + p : "its integration (if any)";
  }
}
