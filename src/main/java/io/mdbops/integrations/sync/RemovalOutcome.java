package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.opsmanager.ApiException;
import java.util.Optional;

/** The result of removing a deleted resource's integration. */
public sealed interface RemovalOutcome {

  /**
   * The integration was deleted ({@code existed}) or was already gone.
   *
   * @param note what the Event should add, if anything: the project itself is gone, or the removal
   *     went through the credentials kept from a connection Secret deleted before the resource
   */
  record Removed(boolean existed, Optional<String> note) implements RemovalOutcome {

    public Removed(boolean existed) {
      this(existed, Optional.empty());
    }
  }

  /** Nothing was to be removed; {@code why} says why, for the Event. */
  record Left(String why) implements RemovalOutcome {}

  /**
   * Removal failed; the finalizer stays and the removal is retried.
   *
   * @param reason what went wrong, as a condition reason (decides how soon to retry)
   * @param cause the API error behind it, if any (for Retry-After)
   */
  record Failed(ConditionReason reason, String message, Optional<ApiException> cause) implements RemovalOutcome {}
}
