package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ApiProfileStatus;
import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.Condition;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.PrometheusStatus;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.sync.Change;
import io.mdbops.integrations.sync.Observation;
import io.mdbops.integrations.sync.SyncOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the next status from the current one and a pass's outcome. Equal inputs give an equal
 * status, so a pass that changed nothing writes nothing.
 */
public final class StatusBuilder {

  private static final Set<String> MANAGED = Set.of(Condition.READY, Condition.RECONCILING, Condition.STALLED);

  private final Clock clock;

  public StatusBuilder(Clock clock) {
    this.clock = clock;
  }

  /** After a pass that found (or made) the project hold the desired integration. */
  public ThirdPartyIntegrationStatus synced(
      ThirdPartyIntegration resource, Change change, Map<String, String> appliedSecretVersions) {
    return synced(resource, change, appliedSecretVersions, Optional.empty());
  }

  /** As above; {@code written} is what this pass's write left, when it wrote. */
  public ThirdPartyIntegrationStatus synced(ThirdPartyIntegration resource, Change change,
      Map<String, String> appliedSecretVersions, Optional<SyncOutcome.Written> written) {
    return synced(resource, change, appliedSecretVersions, written, Optional.empty());
  }

  /** As above; {@code apiProfile} is the doctor profile the pass went by, if any. */
  public ThirdPartyIntegrationStatus synced(ThirdPartyIntegration resource, Change change,
      Map<String, String> appliedSecretVersions, Optional<SyncOutcome.Written> written,
      Optional<ApiProfileStatus> apiProfile) {
    ThirdPartyIntegrationStatus status = copy(resource.getStatus());
    status.setApiProfile(apiProfile.orElse(null));
    long generation = generation(resource);
    status.setObservedGeneration(generation);
    recordWrite(status, change, appliedSecretVersions, written);
    clearObservation(status);
    setReady(status, Condition.TRUE, ConditionReason.Synced,
        "the project holds the desired " + resource.getSpec().getType() + " integration", generation);
    return status;
  }

  /** After a write the API accepted but does not hold: what was sent is recorded, Ready says what is off. */
  public ThirdPartyIntegrationStatus notHeld(ThirdPartyIntegration resource, SyncOutcome.NotHeld outcome) {
    ThirdPartyIntegrationStatus status = copy(resource.getStatus());
    status.setApiProfile(outcome.apiProfile().orElse(null));
    long generation = generation(resource);
    status.setObservedGeneration(generation);
    recordWrite(status, outcome.change(), outcome.appliedSecretVersions(), Optional.of(outcome.written()));
    clearObservation(status);
    setReady(status, Condition.FALSE, ConditionReason.FieldNotApplied, outcome.message(), generation);
    return status;
  }

  /**
   * After an observed resource was compared with the project: Ready True {@code InSync} or False
   * {@code OutOfSync} (neither Reconciling nor Stalled: nothing is under way and nothing failed),
   * the differing fields, and the secret fields that could not be compared.
   */
  public ThirdPartyIntegrationStatus observed(ThirdPartyIntegration resource, Observation observation) {
    ThirdPartyIntegrationStatus status = copy(resource.getStatus());
    long generation = generation(resource);
    status.setObservedGeneration(generation);
    status.setDifferences(orNull(observation.differences()));
    status.setNotCompared(orNull(List.copyOf(observation.notCompared().keySet())));
    boolean inSync = observation.inSync();
    setReady(status, inSync ? Condition.TRUE : Condition.FALSE,
        inSync ? ConditionReason.InSync : ConditionReason.OutOfSync,
        ObservedTexts.message(resource, observation), generation);
    return status;
  }

  /** {@code status.prometheus} set to {@code prometheus}: a copy when it changes, else the same status. */
  public ThirdPartyIntegrationStatus withPrometheus(ThirdPartyIntegrationStatus status, PrometheusStatus prometheus) {
    ThirdPartyIntegrationStatus current = status == null ? new ThirdPartyIntegrationStatus() : status;
    if (Objects.equals(current.getPrometheus(), prometheus)) {
      return status;
    }
    ThirdPartyIntegrationStatus next = copy(current);
    next.setPrometheus(prometheus);
    return next;
  }

  /** What only an observed resource reports goes once the resource manages its integration. */
  private static void clearObservation(ThirdPartyIntegrationStatus status) {
    status.setDifferences(null);
    status.setNotCompared(null);
  }

  /** Empty lists are left out of the stored status; null keeps the built status equal to what is read back. */
  private static List<String> orNull(List<String> values) {
    return values.isEmpty() ? null : values;
  }

  private void recordWrite(ThirdPartyIntegrationStatus status, Change change, Map<String, String> appliedSecretVersions,
      Optional<SyncOutcome.Written> written) {
    if (change != Change.None) {
      status.setLastAppliedTime(now());
    }
    if (change == Change.DriftCorrected) {
      status.setDriftCorrections((status.getDriftCorrections() == null ? 0 : status.getDriftCorrections()) + 1);
    }
    status.setAppliedSecrets(applied(appliedSecretVersions));
    written.ifPresent(w -> {
      status.setAppliedFields(w.fields().stream().sorted().toList());
      status.setMaskedSecrets(w.masks());
    });
  }

  /** After a pass that could not bring the project in sync; what was applied before stays. */
  public ThirdPartyIntegrationStatus failed(ThirdPartyIntegration resource, ConditionReason reason, String message) {
    ThirdPartyIntegrationStatus status = copy(resource.getStatus());
    long generation = generation(resource);
    status.setObservedGeneration(generation);
    if (resource.getSpec() == null || resource.getSpec().effectiveManagementPolicy() == ManagementPolicy.Manage) {
      clearObservation(status);
    }
    setReady(status, Condition.FALSE, reason, message, generation);
    return status;
  }

  /** The status of a resource whose deletion is held up. */
  public ThirdPartyIntegrationStatus deleting(ThirdPartyIntegration resource, String message) {
    ThirdPartyIntegrationStatus status = copy(resource.getStatus());
    status.setObservedGeneration(generation(resource));
    setReady(status, Condition.FALSE, ConditionReason.Deleting, message, generation(resource));
    return status;
  }

  /**
   * Ready with this status and reason, and beside it, as kstatus reads them, Reconciling while work
   * is under way or Stalled when a person must act; the one that does not apply is removed.
   */
  private void setReady(
      ThirdPartyIntegrationStatus status, String value, ConditionReason reason, String message, long generation) {
    List<Condition> conditions = new ArrayList<>();
    for (Condition c : status.getConditions()) {
      if (!MANAGED.contains(c.getType())) {
        conditions.add(c);
      }
    }
    conditions.add(condition(status, Condition.READY, value, reason, message, generation));
    if (reason.progress() == ConditionReason.Progress.IN_PROGRESS) {
      conditions.add(condition(status, Condition.RECONCILING, Condition.TRUE, reason, message, generation));
    } else if (reason.progress() == ConditionReason.Progress.STALLED) {
      conditions.add(condition(status, Condition.STALLED, Condition.TRUE, reason, message, generation));
    }
    status.setConditions(conditions);
  }

  /** A condition whose transition time moves only when its status does. */
  private Condition condition(ThirdPartyIntegrationStatus status, String type, String value,
      ConditionReason reason, String message, long generation) {
    String since = status.condition(type).filter(c -> value.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElseGet(this::now);
    return new Condition(type, value, reason, message, generation, since);
  }

  private static List<AppliedSecret> applied(Map<String, String> versions) {
    return versions.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new AppliedSecret(e.getKey(), e.getValue()))
        .toList();
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static long generation(ThirdPartyIntegration resource) {
    Long g = resource.getMetadata().getGeneration();
    return g == null ? 0L : g;
  }

  private static ThirdPartyIntegrationStatus copy(ThirdPartyIntegrationStatus current) {
    ThirdPartyIntegrationStatus s = new ThirdPartyIntegrationStatus();
    if (current == null) {
      return s;
    }
    s.setObservedGeneration(current.getObservedGeneration());
    s.setConditions(current.getConditions() == null ? new ArrayList<>() : new ArrayList<>(current.getConditions()));
    s.setLastAppliedTime(current.getLastAppliedTime());
    s.setAppliedSecrets(current.getAppliedSecrets() == null ? new ArrayList<>() : new ArrayList<>(current.getAppliedSecrets()));
    s.setDriftCorrections(current.getDriftCorrections());
    s.setAppliedFields(current.getAppliedFields() == null ? new ArrayList<>() : new ArrayList<>(current.getAppliedFields()));
    s.setMaskedSecrets(current.getMaskedSecrets() == null ? new ArrayList<>() : new ArrayList<>(current.getMaskedSecrets()));
    s.setDifferences(current.getDifferences() == null ? null : new ArrayList<>(current.getDifferences()));
    s.setNotCompared(current.getNotCompared() == null ? null : new ArrayList<>(current.getNotCompared()));
    s.setPrometheus(current.getPrometheus());
    s.setApiProfile(current.getApiProfile());
    return s;
  }
}
