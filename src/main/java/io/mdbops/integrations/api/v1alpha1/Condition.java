package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A status condition, shaped like metav1.Condition. */
public class Condition {

  public static final String READY = "Ready";
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  @Required
  @JsonPropertyDescription("Condition type; Ready summarises the resource.")
  private String type;

  @Required
  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @Required
  @JsonPropertyDescription("Machine-readable CamelCase reason for the status.")
  // a reason written by a newer operator version reads as null instead of failing the whole cache
  @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
  private ConditionReason reason;

  @JsonPropertyDescription("Human-readable detail: what is wrong and what to do about it.")
  private String message;

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
