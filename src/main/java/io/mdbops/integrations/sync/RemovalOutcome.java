package io.mdbops.integrations.sync;

import io.mdbops.integrations.opsmanager.ApiException;
import java.util.Optional;

/** The result of removing a deleted resource's integration. */
public sealed interface RemovalOutcome {

  /** The integration was deleted ({@code existed}) or was already gone. */
  record Removed(boolean existed) implements RemovalOutcome {}

  /** Nothing was to be removed; {@code why} says why, for the Event. */
  record Left(String why) implements RemovalOutcome {}

  /** Removal failed; the finalizer stays and the removal is retried. */
  record Failed(String message, Optional<ApiException> cause) implements RemovalOutcome {}
}
