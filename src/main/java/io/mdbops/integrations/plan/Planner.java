package io.mdbops.integrations.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.sync.LiveComparison;
import io.mdbops.integrations.sync.ProjectKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out the plan: for each resource of the manifests, whether it is valid, which project it
 * targets through which connection, and what differs from the project's live integration; then, with
 * {@code prune}, the live integrations no manifest declares. Reads only.
 */
public final class Planner {

  private final PlanConnections connections;
  private final LiveProjects live;
  private final PlanSecrets secrets;
  private final boolean prune;

  public Planner(PlanConnections connections, LiveProjects live, PlanSecrets secrets, boolean prune) {
    this.connections = connections;
    this.live = live;
    this.secrets = secrets;
    this.prune = prune;
  }

  public Plan plan(Manifests manifests) {
    List<PlanEntry> entries = new ArrayList<>();
    manifests.unreadable().forEach(u -> entries.add(
        new PlanEntry(Action.ERROR, false, null, null, u.where(), null, null, List.of(), List.of(), List.of(u.problem()))));
    Map<String, String> names = new HashMap<>();
    Map<ProjectKey, Map<String, String>> owners = new HashMap<>();
    Set<String> declared = new HashSet<>();
    for (Manifests.Resource resource : manifests.resources()) {
      declared.add(text(resource.tree(), "/spec/projectId") + "/" + text(resource.tree(), "/spec/type"));
      entries.add(plan(resource, names, owners));
    }
    List<String> notes = new ArrayList<>();
    if (prune) {
      undeclared(declared, entries, notes);
    }
    if (!manifests.ignoredKinds().isEmpty()) {
      notes.add(manifests.ignoredKinds().size() + " document(s) of other kinds left aside ("
          + String.join(", ", new TreeSet<>(manifests.ignoredKinds())) + ")");
    }
    return new Plan(entries, notes);
  }

  /**
   * @param names the resources planned so far, by namespace/name: where each came from
   * @param owners the resource planned so far for each integration, by project (as read) and type
   */
  private PlanEntry plan(Manifests.Resource manifest, Map<String, String> names,
      Map<ProjectKey, Map<String, String>> owners) {
    Entry entry = new Entry(manifest);
    if (!manifest.valid()) {
      return entry.error(manifest.problems());
    }
    String id = manifest.namespace() + "/" + manifest.name();
    String earlier = names.putIfAbsent(id, manifest.where());
    if (earlier != null) {
      return entry.error(List.of("declared twice: " + id + " is also in " + earlier + "; the one applied last wins"));
    }
    ThirdPartyIntegration resource = manifest.resource();
    ThirdPartyIntegrationSpec spec = resource.getSpec();
    PlanConnections.Result resolved = connections.resolve(resource);
    if (resolved instanceof PlanConnections.Unavailable unavailable) {
      return entry.error(List.of(unavailable.message()));
    }
    PlanConnections.Resolved connection = (PlanConnections.Resolved) resolved;
    List<String> unsupported = ProductSupport.problems(spec, connection.connection().product());
    if (!unsupported.isEmpty()) {
      return entry.error(unsupported.stream().map(m -> "refused by the operator (InvalidSpec): " + m).toList());
    }
    ProjectKey key = ProjectKey.of(connection.connection(), spec.getProjectId());
    // an observed resource owns nothing: it is never in conflict, nor in the way of a managed one
    String owner = entry.observeOnly ? null
        : owners.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(spec.getType().name(), id);
    if (owner != null) {
      return entry.error(List.of("the " + spec.getType() + " integration of project " + spec.getProjectId()
          + " is also declared by " + owner + "; the operator manages it with the older resource and marks the"
          + " other Conflict"));
    }
    LiveProjects.Read read = live.read(connection.connection(), spec.getProjectId());
    if (read instanceof LiveProjects.Failed failed) {
      return entry.error(List.of(failed.message()));
    }
    Optional<IntegrationView> current = ((LiveProjects.Listed) read).ofType(spec.getType().name());
    LiveComparison.Applied applied = LiveComparison.Applied.of(
        secrets.clusterStatus(manifest.namespace(), manifest.name()).orElse(null));
    IntegrationDiff.Result diff = IntegrationDiff.compare(spec, manifest.namespace(), current,
        new SecretKnowledge(secrets), applied);
    if (!diff.secretProblems().isEmpty() && !entry.observeOnly) {
      return entry.with(Action.ERROR, diff, diff.secretProblems());
    }
    Action action = current.isEmpty() ? Action.CREATE : diff.changes().isEmpty() ? Action.IN_SYNC : Action.UPDATE;
    return entry.with(action, diff, List.of());
  }

  /** The live integrations of every project read that no manifest declares. */
  private void undeclared(Set<String> declared, List<PlanEntry> entries, List<String> notes) {
    Set<String> known = new HashSet<>(Arrays.stream(IntegrationType.values()).map(Enum::name).toList());
    live.all().forEach((key, read) -> {
      if (!(read instanceof LiveProjects.Listed listed)) {
        return;
      }
      for (IntegrationView view : listed.integrations()) {
        if (declared.contains(key.projectId() + "/" + view.type())) {
          continue;
        }
        if (known.contains(view.type())) {
          entries.add(new PlanEntry(Action.DELETE, false, null, null, null, key.projectId(), view.type(), List.of(),
              List.of(), List.of()));
        } else {
          notes.add(view.type() + " in project " + key.projectId() + " is not a type this operator manages; left as it is");
        }
      }
    });
  }

  private static String text(JsonNode tree, String pointer) {
    JsonNode node = tree.at(pointer);
    return node.isTextual() ? node.asText() : null;
  }

  /** What every entry of one manifest resource shares. */
  private static final class Entry {
    final Manifests.Resource manifest;
    final boolean observeOnly;

    Entry(Manifests.Resource manifest) {
      this.manifest = manifest;
      this.observeOnly = ManagementPolicy.Observe.name().equals(text(manifest.tree(), "/spec/managementPolicy"));
    }

    PlanEntry error(List<String> errors) {
      return new PlanEntry(Action.ERROR, observeOnly, manifest.namespace(), manifest.name(), manifest.where(),
          text(manifest.tree(), "/spec/projectId"), text(manifest.tree(), "/spec/type"), List.of(), List.of(), errors);
    }

    PlanEntry with(Action action, IntegrationDiff.Result diff, List<String> errors) {
      return new PlanEntry(action, observeOnly, manifest.namespace(), manifest.name(), manifest.where(),
          text(manifest.tree(), "/spec/projectId"), text(manifest.tree(), "/spec/type"), diff.changes(),
          diff.notCompared(), errors);
    }
  }
}
