package io.mdbops.integrations.plan;

import java.util.List;

/**
 * One line of the plan: a resource of the manifests, or (with {@code --prune}) a live integration
 * no manifest declares. Holds names, plain values and reasons; never a secret value.
 *
 * @param action what would happen
 * @param observeOnly the resource has {@code managementPolicy: Observe}: the operator would only
 *     compare, so no action would be taken whatever {@code action} says
 * @param namespace the resource's namespace; null for an integration no manifest declares
 * @param name the resource's name; null when the manifest has none, or no manifest declares it
 * @param source the file (and document) it comes from; null when no manifest declares it
 * @param projectId the project, when known
 * @param type the integration type, when known
 * @param changes what differs, field by field (for an update or a create)
 * @param notCompared the fields that could not be compared, and why
 * @param errors why the resource cannot be planned (validation, connection, Secrets, API)
 */
public record PlanEntry(
    Action action,
    boolean observeOnly,
    String namespace,
    String name,
    String source,
    String projectId,
    String type,
    List<Change> changes,
    List<NotCompared> notCompared,
    List<String> errors) {

  public PlanEntry {
    changes = List.copyOf(changes);
    notCompared = List.copyOf(notCompared);
    errors = List.copyOf(errors);
  }

  /**
   * One field that differs. For a plain field, the value the project holds and the one it would
   * get (null: absent); for a secret field, never a value: only why it differs.
   */
  public record Change(String field, boolean secret, Object from, Object to, String reason) {

    static Change plain(String field, Object from, Object to) {
      return new Change(field, false, from, to, null);
    }

    static Change secret(String field, String reason) {
      return new Change(field, true, null, null, reason);
    }
  }

  /** A field plan cannot compare, and why (the API never shows it, its Secret is not available, ...). */
  public record NotCompared(String field, String reason) {}

  /** Whether the project would change: an action that changes it, on a managed resource. */
  public boolean changesProject() {
    return action.changes() && !observeOnly;
  }

  /** {@code namespace/name}, or the type and project of an undeclared integration. */
  public String label() {
    if (name != null) {
      return namespace + "/" + name;
    }
    if (source != null) {
      return source;
    }
    return type + " in project " + projectId;
  }
}
