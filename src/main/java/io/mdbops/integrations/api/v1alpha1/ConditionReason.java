package io.mdbops.integrations.api.v1alpha1;

/**
 * Machine-readable reasons of the {@code Ready} condition. The README's troubleshooting table
 * explains each one and what to do about it.
 */
public enum ConditionReason {
  /** The project holds exactly the desired configuration. */
  Synced(Progress.DONE),
  /**
   * Observe only: the project holds what the resource describes, as far as it can be compared (the
   * message names the secret fields that could not be).
   */
  InSync(Progress.DONE),
  /**
   * Observe only: the project differs from the resource; the message and {@code status.differences}
   * name the fields. The operator reports it and changes nothing.
   */
  OutOfSync(Progress.REPORTED),
  /** Work is under way (first pass, or waiting for a retry). */
  Reconciling(Progress.IN_PROGRESS),
  /** The spec breaks a rule; the message lists every problem. */
  InvalidSpec(Progress.STALLED),
  /** A referenced Secret does not exist. */
  SecretNotFound(Progress.STALLED),
  /** A referenced Secret exists but lacks the key, or its value is empty. */
  SecretKeyMissing(Progress.STALLED),
  /** The connection Secret is incomplete or malformed (keys, baseUrl, ca.crt). */
  ConnectionInvalid(Progress.STALLED),
  /** This namespace may not use the operator's default connection. */
  ConnectionNotAllowed(Progress.STALLED),
  /** The connection's baseUrl is not on the operator's allow-list. */
  EndpointNotAllowed(Progress.STALLED),
  /** This namespace may not target the project. */
  ProjectNotAllowed(Progress.STALLED),
  /** The API rejected the key pair (401). */
  Unauthorized(Progress.STALLED),
  /** The key pair lacks the role, or the operator's address is not on the access list (403). */
  Forbidden(Progress.STALLED),
  /** The project does not exist or is not visible to the key pair. */
  ProjectNotFound(Progress.STALLED),
  /** The API refused the configuration (400/409); the message carries its errorCode. */
  ApiRejected(Progress.STALLED),
  /** The API asked us to slow down (429); retried after Retry-After. */
  RateLimited(Progress.IN_PROGRESS),
  /** The API could not be reached or failed (5xx, timeouts); retried with backoff. */
  ApiUnavailable(Progress.IN_PROGRESS),
  /**
   * The API accepted the write but does not hold what it was sent: it kept a field the spec no
   * longer sets, or dropped one it sets. No further write until the spec, a Secret or the project
   * changes.
   */
  FieldNotApplied(Progress.STALLED),
  /** Another, older resource manages the same integration. */
  Conflict(Progress.STALLED),
  /** The resource is being deleted and the integration is being removed. */
  Deleting(Progress.IN_PROGRESS);

  /** Where a resource with this reason stands, in kstatus's terms. */
  public enum Progress {
    /** The project holds the desired state. */
    DONE,
    /** Work is under way or is being retried: kstatus Reconciling. */
    IN_PROGRESS,
    /** Nothing changes until a person changes something: kstatus Stalled. */
    STALLED,
    /**
     * An observed resource that differs from the project: reported, not acted on, and not a failure,
     * so neither Reconciling nor Stalled (kstatus then reads Ready=False as in progress; the chart's
     * Argo CD check says Degraded).
     */
    REPORTED
  }

  private final Progress progress;

  ConditionReason(Progress progress) {
    this.progress = progress;
  }

  public Progress progress() {
    return progress;
  }

  /** Whether Ready is True with this reason. */
  public boolean ready() {
    return progress == Progress.DONE;
  }
}
