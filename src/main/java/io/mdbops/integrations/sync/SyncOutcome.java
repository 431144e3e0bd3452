package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.ApiProfileStatus;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.MaskedSecret;
import io.mdbops.integrations.opsmanager.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The result of one pass over one resource. */
public sealed interface SyncOutcome {

  /**
   * What a write left in the project, for the status: the fields it set (names) and how the API
   * showed its secret fields (masked by the API).
   */
  record Written(List<String> fields, List<MaskedSecret> masks) {
    public Written {
      fields = List.copyOf(fields);
      masks = List.copyOf(masks);
    }
  }

  /**
   * The project holds the desired integration: seen in a read, or in the answer to this pass's write.
   *
   * @param change what this pass did to get there
   * @param differences what differed before the write (names only)
   * @param appliedSecretVersions the Secrets the live configuration now reflects
   * @param written what the write left, when this pass wrote
   * @param apiProfile the doctor profile of the connection's server the pass went by, if any
   */
  record InSync(
      Change change, LiveComparison.Differences differences, Map<String, String> appliedSecretVersions,
      Optional<Written> written, Optional<ApiProfileStatus> apiProfile) implements SyncOutcome {

    public InSync(Change change, LiveComparison.Differences differences, Map<String, String> appliedSecretVersions) {
      this(change, differences, appliedSecretVersions, Optional.empty());
    }

    public InSync(Change change, LiveComparison.Differences differences, Map<String, String> appliedSecretVersions,
        Optional<Written> written) {
      this(change, differences, appliedSecretVersions, written, Optional.empty());
    }
  }

  /**
   * The API accepted the write but its answer does not hold what was sent (it kept a field the spec
   * no longer sets, or dropped one). The Secrets were sent; no further write happens until the spec,
   * a Secret or the project changes.
   *
   * @param message which fields, and why, for the condition
   * @param apiProfile the doctor profile of the connection's server the pass went by, if any
   */
  record NotHeld(Change change, Map<String, String> appliedSecretVersions, Written written, String message,
      Optional<ApiProfileStatus> apiProfile) implements SyncOutcome {

    public NotHeld(Change change, Map<String, String> appliedSecretVersions, Written written, String message) {
      this(change, appliedSecretVersions, written, message, Optional.empty());
    }
  }

  /**
   * An observed resource (management policy Observe) was compared with the project; nothing was
   * written, whatever the result.
   */
  record Observed(Observation observation) implements SyncOutcome {}

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
