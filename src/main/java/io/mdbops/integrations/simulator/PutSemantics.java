package io.mdbops.integrations.simulator;

/** What a PUT does to an existing integration's fields that the body leaves out. */
public enum PutSemantics {
  /** The body replaces the whole configuration (Cloud Manager documentation). */
  REPLACE,
  /** Fields the body leaves out keep their stored values (Ops Manager wording: "update the changed fields"). */
  MERGE
}
