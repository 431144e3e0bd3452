package io.mdbops.integrations.connection;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;

/** A referenced Secret or key that cannot be used; the message names it and says what to do. */
public class SecretUnavailableException extends Exception {

  private final ConditionReason reason;
  private final String secretName;

  public SecretUnavailableException(ConditionReason reason, String secretName, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.secretName = secretName;
  }

  /** SecretNotFound or SecretKeyMissing. */
  public ConditionReason reason() {
    return reason;
  }

  public String secretName() {
    return secretName;
  }
}
