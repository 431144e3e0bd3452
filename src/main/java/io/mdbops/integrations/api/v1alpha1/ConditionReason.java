package io.mdbops.integrations.api.v1alpha1;

/**
 * Machine-readable reasons of the {@code Ready} condition. The README's troubleshooting table
 * explains each one and what to do about it.
 */
public enum ConditionReason {
  /** The project holds exactly the desired configuration. */
  Synced,
  /** Work is under way (first pass, or waiting for a retry). */
  Reconciling,
  /** The spec breaks a rule; the message lists every problem. */
  InvalidSpec,
  /** A referenced Secret does not exist. */
  SecretNotFound,
  /** A referenced Secret exists but lacks the key, or its value is empty. */
  SecretKeyMissing,
  /** The connection Secret is incomplete or malformed (keys, baseUrl, ca.crt). */
  ConnectionInvalid,
  /** This namespace may not use the operator's default connection. */
  ConnectionNotAllowed,
  /** The connection's baseUrl is not on the operator's allow-list. */
  EndpointNotAllowed,
  /** This namespace may not target the project. */
  ProjectNotAllowed,
  /** The API rejected the key pair (401). */
  Unauthorized,
  /** The key pair lacks the role, or the operator's address is not on the access list (403). */
  Forbidden,
  /** The project does not exist or is not visible to the key pair. */
  ProjectNotFound,
  /** The API refused the configuration (400/409); the message carries its errorCode. */
  ApiRejected,
  /** The API asked us to slow down (429); retried after Retry-After. */
  RateLimited,
  /** The API could not be reached or failed (5xx, timeouts); retried with backoff. */
  ApiUnavailable,
  /**
   * The API accepted the write but does not hold what it was sent: it kept a field the spec no
   * longer sets, or dropped one it sets. No further write until the spec, a Secret or the project
   * changes.
   */
  FieldNotApplied,
  /** Another, older resource manages the same integration. */
  Conflict,
  /** The resource is being deleted and the integration is being removed. */
  Deleting
}
