package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/**
 * A status condition with the shape and constraints of metav1.Condition (CrdFinisher adds the two
 * the annotations cannot say: the status enum and the date-time format). Kubernetes' tools (kstatus,
 * Flux, Argo CD, {@code kubectl wait}) read it without knowing this operator.
 */
public class Condition {

  /** Summary: the project holds the desired state (True), or why not (False). */
  public static final String READY = "Ready";
  /** kstatus: work is under way, or a transient failure is being retried. */
  public static final String RECONCILING = "Reconciling";
  /** kstatus: the operator cannot go on without a person changing something. */
  public static final String STALLED = "Stalled";
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  /** metav1.Condition's reason: CamelCase, a letter first; a pattern, so that new reasons need no CRD upgrade. */
  static final String REASON_PATTERN = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";
  static final String TYPE_PATTERN =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";

  @Required
  @Size(max = 316)
  @Pattern(TYPE_PATTERN)
  @JsonPropertyDescription("Condition type: Ready summarises the resource; Reconciling and Stalled follow kstatus.")
  private String type;

  @Required
  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @Required
  @Size(min = 1, max = 1024)
  @Pattern(REASON_PATTERN)
  @SchemaFrom(type = String.class)
  @JsonPropertyDescription("Machine-readable CamelCase reason; the README's troubleshooting table explains each.")
  // a reason written by a newer operator version reads as null instead of failing the whole cache
  @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
  private ConditionReason reason;

  @Required
  @Size(max = 32768)
  @JsonPropertyDescription("Human-readable detail: what is wrong and what to do about it.")
  private String message;

  @Min(0)
  @JsonPropertyDescription("metadata.generation of the spec this condition was computed from.")
  private Long observedGeneration;

  @Required
  @JsonPropertyDescription("When status last changed (RFC 3339).")
  private String lastTransitionTime;

  public Condition() {}

  public Condition(
      String type,
      String status,
      ConditionReason reason,
      String message,
      Long observedGeneration,
      String lastTransitionTime) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.observedGeneration = observedGeneration;
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public ConditionReason getReason() {
    return reason;
  }

  public void setReason(ConditionReason reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Condition o
        && Objects.equals(type, o.type)
        && Objects.equals(status, o.status)
        && reason == o.reason
        && Objects.equals(message, o.message)
        && Objects.equals(observedGeneration, o.observedGeneration)
        && Objects.equals(lastTransitionTime, o.lastTransitionTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, observedGeneration, lastTransitionTime);
  }

  @Override
  public String toString() {
    return type + "=" + status + " (" + reason + "): " + message;
  }
}
