package io.mdbops.integrations.tenancy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What each namespace may do, as the operator's administrator decided: use the operator's default
 * connection (by name, or by a label only cluster administrators can set on the Namespace), and
 * which projects it may target (by configuration, or by an annotation on the Namespace). Namespace
 * objects are watched only when a label selector or the annotation is in use.
 */
public final class NamespacePolicy implements AutoCloseable {

  /** Annotation on a Namespace listing the project ids its resources may target (comma-separated). */
  public static final String ALLOWED_PROJECTS_ANNOTATION = "integrations.mdbops.io/allowed-projects";

  private final Set<String> defaultConnectionNamespaces;
  private final LabelSelector defaultConnectionSelector;
  private final Map<String, Set<String>> configuredProjects;
  private final boolean projectsFromAnnotation;
  private SharedIndexInformer<Namespace> namespaces;

  /**
   * @param defaultConnectionNamespaces namespaces that may use the default connection ("*" = all)
   * @param defaultConnectionSelector labels of Namespaces that may use it too; empty = none
   * @param configuredProjects per namespace, the only project ids it may target
   * @param projectsFromAnnotation whether {@value #ALLOWED_PROJECTS_ANNOTATION} restricts too
   */
  public NamespacePolicy(
      Set<String> defaultConnectionNamespaces,
      String defaultConnectionSelector,
      Map<String, Set<String>> configuredProjects,
      boolean projectsFromAnnotation) {
    this.defaultConnectionNamespaces = Set.copyOf(defaultConnectionNamespaces);
    this.defaultConnectionSelector = LabelSelector.parse(defaultConnectionSelector == null ? "" : defaultConnectionSelector);
    this.configuredProjects = Map.copyOf(configuredProjects);
    this.projectsFromAnnotation = projectsFromAnnotation;
  }

  /** Whether Namespace objects must be read (and the operator needs RBAC to list them). */
  public boolean needsNamespaces() {
    return !defaultConnectionSelector.isEmpty() || projectsFromAnnotation;
  }

  /** Starts watching Namespaces if needed; {@code changed} is told the name of each changed one. */
  public void start(KubernetesClient client, Consumer<String> changed) {
    if (!needsNamespaces() || namespaces != null) {
      return;
    }
    namespaces = client.namespaces().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Namespace ns) {
        changed.accept(ns.getMetadata().getName());
      }

      @Override
      public void onUpdate(Namespace before, Namespace after) {
        changed.accept(after.getMetadata().getName());
      }

      @Override
      public void onDelete(Namespace ns, boolean unknown) {
        changed.accept(ns.getMetadata().getName());
      }
    });
  }

  public boolean mayUseDefaultConnection(String namespace) {
    if (defaultConnectionNamespaces.contains("*") || defaultConnectionNamespaces.contains(namespace)) {
      return true;
    }
    return !defaultConnectionSelector.isEmpty()
        && namespace(namespace).map(ns -> defaultConnectionSelector.test(ns.getMetadata().getLabels())).orElse(false);
  }

  /** Why {@code namespace} may not target {@code projectId}, if it may not. */
  public Optional<String> projectRefusal(String namespace, String projectId) {
    Set<String> configured = configuredProjects.get(namespace);
    if (configured != null && !configured.contains(projectId)) {
      return Optional.of("namespace " + namespace + " may target only the projects the operator's"
          + " configuration lists for it (" + String.join(", ", configured) + "); ask the operator's"
          + " administrator to add project " + projectId);
    }
    if (projectsFromAnnotation) {
      Optional<Set<String>> annotated = namespace(namespace).map(ns -> ns.getMetadata().getAnnotations())
          .map(a -> a == null ? null : a.get(ALLOWED_PROJECTS_ANNOTATION))
          .map(NamespacePolicy::projects);
      if (annotated.isPresent() && !annotated.get().contains(projectId)) {
        return Optional.of("namespace " + namespace + " may target only the projects in its "
            + ALLOWED_PROJECTS_ANNOTATION + " annotation; ask a cluster administrator to add project " + projectId);
      }
    }
    return Optional.empty();
  }

  static Set<String> projects(String annotation) {
    return Arrays.stream(annotation.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private Optional<Namespace> namespace(String name) {
    SharedIndexInformer<Namespace> informer = namespaces;
    return informer == null ? Optional.empty() : Optional.ofNullable(informer.getStore().getByKey(name));
  }

  public boolean synced() {
    return namespaces == null || namespaces.hasSynced();
  }

  @Override
  public void close() {
    if (namespaces != null) {
      namespaces.close();
    }
  }
}
