package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.opsmanager.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The result of one pass over one resource. */
public sealed interface SyncOutcome {

  /**
   * The project holds the desired integration.
   *
   * @param change what this pass did to get there
   * @param differences what differed before the write (names only)
   * @param appliedSecretVersions the Secrets the live configuration now reflects
   */
  record InSync(
      Change change, LiveComparison.Differences differences, Map<String, String> appliedSecretVersions)
      implements SyncOutcome {}

  /**
   * The pass stopped before any write because the project's client-side request budget is spent.
   * Nothing is wrong with the resource: its status stays as it is and the pass runs again later.
   */
  record Deferred(Duration retryAfter) implements SyncOutcome {}

  /**
   * The pass could not reach the desired state.
   *
   * @param cause the API error behind it, if any (for Retry-After and metrics)
   * @param recheckAfter when the situation is known to change soon, how soon to look again
   */
  record Failed(
      ConditionReason reason, String message, Optional<ApiException> cause, Optional<Duration> recheckAfter)
      implements SyncOutcome {

    public static Failed of(ConditionReason reason, String message) {
      return new Failed(reason, message, Optional.empty(), Optional.empty());
    }

    public static Failed of(ApiException cause, ConditionReason reason, String message) {
      return new Failed(reason, message, Optional.of(cause), Optional.empty());
    }

    public Failed recheckAfter(Duration delay) {
      return new Failed(reason, message, cause, Optional.of(delay));
    }
  }
}
