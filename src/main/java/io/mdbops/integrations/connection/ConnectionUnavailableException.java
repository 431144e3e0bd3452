package io.mdbops.integrations.connection;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;

/** The connection cannot be used; the message says why and what to do. */
public class ConnectionUnavailableException extends Exception {

  private final ConditionReason reason;

  public ConnectionUnavailableException(ConditionReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public ConditionReason reason() {
    return reason;
  }
}
