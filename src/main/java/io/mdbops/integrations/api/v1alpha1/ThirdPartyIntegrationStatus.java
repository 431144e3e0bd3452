package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the operator last observed and did. Written only when something in it changes. */
public class ThirdPartyIntegrationStatus {

  @JsonPropertyDescription("metadata.generation of the spec the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("Conditions; Ready summarises whether the project holds the desired configuration.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("When the operator last wrote the integration to the project (RFC 3339).")
  private String lastAppliedTime;

  @JsonPropertyDescription(
      "Secrets (name and resourceVersion) whose values the last successful write sent. Recorded only"
          + " after the write succeeded; a Secret whose resourceVersion differs is re-sent.")
  private List<AppliedSecret> appliedSecrets = new ArrayList<>();

  @JsonPropertyDescription(
      "Names of the API fields the last successful write set. A field the spec no longer sets is cleared"
          + " explicitly on the next write, also where the API never shows it.")
  private List<String> appliedFields = new ArrayList<>();

  @JsonPropertyDescription(
      "How the API showed each secret field right after the last successful write (masked by the API;"
          + " never a value sent in clear). Compared with the project later, so that neither a restart nor"
          + " a server's own masking rule causes a write of what is already there.")
  private List<MaskedSecret> maskedSecrets = new ArrayList<>();

  @JsonPropertyDescription("How many times the operator undid a change made outside Kubernetes (for example in the UI).")
  private Long driftCorrections;

  @JsonPropertyDescription(
      "Observe only (spec.managementPolicy: Observe): what differs between the project and this resource, as"
          + " API field names (never values), or that the project has no integration of this type. Empty when"
          + " in sync; kept current by the drift check.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> differences;

  @JsonPropertyDescription(
      "Observe only: the secret fields whose values could not be compared, because the referenced Secret or"
          + " key is missing or empty (an exported skeleton not filled in yet) or because the API never shows"
          + " the value. The Ready message says which, and why.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> notCompared;

  @JsonPropertyDescription(
      "PROMETHEUS only: where an in-cluster Prometheus discovers the project's hosts, and the ScrapeConfig the"
          + " operator holds for it when spec.prometheus.scrapeConfig.create is true.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private PrometheusStatus prometheus;

  @JsonPropertyDescription(
      "The doctor profile of the connection's server the operator compares and writes by (the connection Secret's"
          + " profile key); absent when it follows the API's documented behaviour.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private ApiProfileStatus apiProfile;

  @JsonIgnore
  public Optional<Condition> condition(String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  @JsonIgnore
  public Optional<Condition> ready() {
    return condition(Condition.READY);
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getLastAppliedTime() {
    return lastAppliedTime;
  }

  public void setLastAppliedTime(String lastAppliedTime) {
    this.lastAppliedTime = lastAppliedTime;
  }

  public List<AppliedSecret> getAppliedSecrets() {
    return appliedSecrets;
  }

  public void setAppliedSecrets(List<AppliedSecret> appliedSecrets) {
    this.appliedSecrets = appliedSecrets;
  }

  public List<String> getAppliedFields() {
    return appliedFields;
  }

  public void setAppliedFields(List<String> appliedFields) {
    this.appliedFields = appliedFields;
  }

  public List<MaskedSecret> getMaskedSecrets() {
    return maskedSecrets;
  }

  public void setMaskedSecrets(List<MaskedSecret> maskedSecrets) {
    this.maskedSecrets = maskedSecrets;
  }

  public Long getDriftCorrections() {
    return driftCorrections;
  }

  public void setDriftCorrections(Long driftCorrections) {
    this.driftCorrections = driftCorrections;
  }

  public List<String> getDifferences() {
    return differences;
  }

  public void setDifferences(List<String> differences) {
    this.differences = differences;
  }

  public List<String> getNotCompared() {
    return notCompared;
  }

  public void setNotCompared(List<String> notCompared) {
    this.notCompared = notCompared;
  }

  public PrometheusStatus getPrometheus() {
    return prometheus;
  }

  public void setPrometheus(PrometheusStatus prometheus) {
    this.prometheus = prometheus;
  }

  public ApiProfileStatus getApiProfile() {
    return apiProfile;
  }

  public void setApiProfile(ApiProfileStatus apiProfile) {
    this.apiProfile = apiProfile;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ThirdPartyIntegrationStatus o
        && Objects.equals(observedGeneration, o.observedGeneration)
        && Objects.equals(conditions, o.conditions)
        && Objects.equals(lastAppliedTime, o.lastAppliedTime)
        && Objects.equals(appliedSecrets, o.appliedSecrets)
        && Objects.equals(appliedFields, o.appliedFields)
        && Objects.equals(maskedSecrets, o.maskedSecrets)
        && Objects.equals(driftCorrections, o.driftCorrections)
        && Objects.equals(differences, o.differences)
        && Objects.equals(notCompared, o.notCompared)
        && Objects.equals(prometheus, o.prometheus)
        && Objects.equals(apiProfile, o.apiProfile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, lastAppliedTime, appliedSecrets, appliedFields, maskedSecrets,
        driftCorrections, differences, notCompared, prometheus, apiProfile);
  }
}
