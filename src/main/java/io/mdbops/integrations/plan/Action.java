package io.mdbops.integrations.plan;

/** What applying the manifests would do to one integration, in the words {@code plan} prints. */
public enum Action {
  CREATE("create"),
  UPDATE("update"),
  IN_SYNC("in sync"),
  DELETE("delete"),
  ERROR("error");

  private final String words;

  Action(String words) {
    this.words = words;
  }

  /** As printed, and as the JSON output's {@code action} spells it. */
  public String words() {
    return words;
  }

  /** Whether it changes the project (when the resource is managed). */
  public boolean changes() {
    return this == CREATE || this == UPDATE || this == DELETE;
  }
}
