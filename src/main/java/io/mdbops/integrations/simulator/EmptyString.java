package io.mdbops.integrations.simulator;

/**
 * What an explicit {@code ""} for an optional string field in a POST or PUT does. The docs say
 * nothing; both readings are plausible for an API that stores what it is sent ([UNCONFIRMED]). A
 * {@code ""} for a required field is refused either way.
 */
public enum EmptyString {
  /** The field is removed from the stored integration; reads no longer show it (or show its default). */
  CLEARS,
  /** The field counts as absent from the body: with MERGE the stored value stays. */
  IGNORED
}
