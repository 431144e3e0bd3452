package io.mdbops.integrations.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The plan for bots ({@code -o json}). Every key is always present (null or empty when it does not
 * apply), so a script can read it without guessing; {@code formatVersion} changes if a key ever does.
 */
public final class JsonPlan {

  /** Raised when a key is renamed or removed; new keys may be added without it. */
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonPlan() {}

  public static String render(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("exitCode", plan.exitCode());
    // whether a managed resource would change the project, errors elsewhere or not
    root.put("changes", plan.entries().stream().anyMatch(PlanEntry::changesProject));
    ObjectNode summary = root.putObject("summary");
    for (Action action : Action.values()) {
      // observe-only resources change nothing: counted apart, not as creates, updates or deletes
      summary.put(key(action), plan.entries().stream()
          .filter(e -> e.action() == action && !(action.changes() && e.observeOnly())).count());
    }
    summary.put("observeOnly", plan.observeOnly());
    ArrayNode resources = root.putArray("resources");
    for (PlanEntry entry : plan.entries()) {
      ObjectNode e = resources.addObject();
      e.put("action", entry.action().words());
      e.put("observeOnly", entry.observeOnly());
      e.put("namespace", entry.namespace());
      e.put("name", entry.name());
      e.put("source", entry.source());
      e.put("projectId", entry.projectId());
      e.put("type", entry.type());
      ArrayNode changes = e.putArray("changes");
      for (PlanEntry.Change c : entry.changes()) {
        ObjectNode change = changes.addObject();
        change.put("field", c.field());
        change.put("secret", c.secret());
        change.set("from", JSON.valueToTree(c.from()));
        change.set("to", JSON.valueToTree(c.to()));
        change.put("reason", c.reason());
      }
      ArrayNode notCompared = e.putArray("notCompared");
      entry.notCompared().forEach(n -> notCompared.addObject().put("field", n.field()).put("reason", n.reason()));
      ArrayNode errors = e.putArray("errors");
      entry.errors().forEach(errors::add);
    }
    ArrayNode notes = root.putArray("notes");
    plan.notes().forEach(notes::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values cannot fail to serialise", e);
    }
  }

  /** The summary's key of each action: create, update, inSync, delete, error. */
  static String key(Action action) {
    return switch (action) {
      case CREATE -> "create";
      case UPDATE -> "update";
      case IN_SYNC -> "inSync";
      case DELETE -> "delete";
      case ERROR -> "error";
    };
  }
}
