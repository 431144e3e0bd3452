package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** The desired integration: one type, in one project, configured by the block named after the type. */
@ValidationRule(
    value = ThirdPartyIntegrationSpec.EXACTLY_MATCHING_BLOCK,
    message =
        "exactly one integration block must be set and it must be the one named by spec.type"
            + " (PAGER_DUTY: pagerDuty, SLACK: slack, DATADOG: datadog, OPS_GENIE: opsGenie,"
            + " VICTOR_OPS: victorOps, WEBHOOK: webhook, MICROSOFT_TEAMS: microsoftTeams,"
            + " PROMETHEUS: prometheus, NEW_RELIC: newRelic)",
    reason = "FieldValueInvalid")
public class ThirdPartyIntegrationSpec {

  /** CEL: for every type, "this block is set" must equal "spec.type names it". */
  static final String EXACTLY_MATCHING_BLOCK =
      "(self.type == 'PAGER_DUTY') == has(self.pagerDuty)"
          + " && (self.type == 'SLACK') == has(self.slack)"
          + " && (self.type == 'DATADOG') == has(self.datadog)"
          + " && (self.type == 'OPS_GENIE') == has(self.opsGenie)"
          + " && (self.type == 'VICTOR_OPS') == has(self.victorOps)"
          + " && (self.type == 'WEBHOOK') == has(self.webhook)"
          + " && (self.type == 'MICROSOFT_TEAMS') == has(self.microsoftTeams)"
          + " && (self.type == 'PROMETHEUS') == has(self.prometheus)"
          + " && (self.type == 'NEW_RELIC') == has(self.newRelic)";

  @Required
  @Pattern(FieldPatterns.PROJECT_ID)
  @ValidationRule(value = "self == oldSelf", message = "projectId is immutable; create a new resource instead")
  @JsonPropertyDescription(
      "Id of the Cloud Manager / Ops Manager project (group): 24 lower-case hex digits, as in the"
          + " project's URL. Immutable.")
  private String projectId;

  @Required
  @ValidationRule(value = "self == oldSelf", message = "type is immutable; create a new resource instead")
  @JsonPropertyDescription(
      "Integration type, matching exactly one configuration block below. Immutable. HIP_CHAT and"
          + " FLOWDOCK are not offered: both services have been shut down and the API no longer"
          + " accepts them everywhere.")
  private IntegrationType type;

  @JsonPropertyDescription(
      "Secret in this namespace with the API connection (publicKey, privateKey, optional baseUrl and"
          + " ca.crt). When omitted, the operator's default connection is used if the operator"
          + " allows it for this namespace.")
  private ConnectionSecretReference connectionSecretRef;

  @Default("Delete")
  @JsonPropertyDescription(
      "What deleting this resource does to the integration in the project: Delete (default)"
          + " removes it, Retain leaves it as it is.")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription(
      "What the operator may do to the integration: Manage (default) makes the project match this resource;"
          + " Observe only reads and compares, reporting differences in status, and never writes or deletes.")
  private ManagementPolicy managementPolicy;

  @JsonPropertyDescription("PagerDuty settings; required when type is PAGER_DUTY.")
  private PagerDutySpec pagerDuty;

  @JsonPropertyDescription("Slack settings; required when type is SLACK.")
  private SlackSpec slack;

  @JsonPropertyDescription("Datadog settings; required when type is DATADOG.")
  private DatadogSpec datadog;

  @JsonPropertyDescription("Opsgenie settings; required when type is OPS_GENIE.")
  private OpsGenieSpec opsGenie;

  @JsonPropertyDescription("VictorOps (Splunk On-Call) settings; required when type is VICTOR_OPS.")
  private VictorOpsSpec victorOps;

  @JsonPropertyDescription("Webhook settings; required when type is WEBHOOK.")
  private WebhookSpec webhook;

  @JsonPropertyDescription("Microsoft Teams settings; required when type is MICROSOFT_TEAMS.")
  private MicrosoftTeamsSpec microsoftTeams;

  @JsonPropertyDescription("Prometheus settings; required when type is PROMETHEUS.")
  private PrometheusSpec prometheus;

  @JsonPropertyDescription("New Relic settings; required when type is NEW_RELIC.")
  private NewRelicSpec newRelic;

  /** Why the stored spec could not be read as this model, or null when it could. */
  @JsonIgnore
  private String unreadable;

  /** The stored spec as it was, when it could not be read; written back out unchanged. */
  @JsonIgnore
  private JsonNode original;

  /** A spec standing in for one that could not be read; carries what could be salvaged. */
  public static ThirdPartyIntegrationSpec unreadable(String why, JsonNode original) {
    ThirdPartyIntegrationSpec spec = new ThirdPartyIntegrationSpec();
    spec.unreadable = why;
    spec.original = original;
    return spec;
  }

  /** The stored spec as it was, when it could not be read; else null. */
  @JsonIgnore
  public JsonNode original() {
    return original;
  }

  /** Why the stored spec could not be read, or null. */
  @JsonIgnore
  public String unreadableReason() {
    return unreadable;
  }

  /** The deletion policy with its default applied. */
  @JsonIgnore
  public DeletionPolicy effectiveDeletionPolicy() {
    return deletionPolicy == null ? DeletionPolicy.Delete : deletionPolicy;
  }

  /** The management policy with its default applied. */
  @JsonIgnore
  public ManagementPolicy effectiveManagementPolicy() {
    return managementPolicy == null ? ManagementPolicy.Manage : managementPolicy;
  }

  /** The block configuring {@code t}, or null when that block is not set. */
  @JsonIgnore
  public Object block(IntegrationType t) {
    return switch (t) {
      case PAGER_DUTY -> pagerDuty;
      case SLACK -> slack;
      case DATADOG -> datadog;
      case OPS_GENIE -> opsGenie;
      case VICTOR_OPS -> victorOps;
      case WEBHOOK -> webhook;
      case MICROSOFT_TEAMS -> microsoftTeams;
      case PROMETHEUS -> prometheus;
      case NEW_RELIC -> newRelic;
    };
  }

  public String getProjectId() {
    return projectId;
  }

  public void setProjectId(String projectId) {
    this.projectId = projectId;
  }

  public IntegrationType getType() {
    return type;
  }

  public void setType(IntegrationType type) {
    this.type = type;
  }

  public ConnectionSecretReference getConnectionSecretRef() {
    return connectionSecretRef;
  }

  public void setConnectionSecretRef(ConnectionSecretReference connectionSecretRef) {
    this.connectionSecretRef = connectionSecretRef;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public ManagementPolicy getManagementPolicy() {
    return managementPolicy;
  }

  public void setManagementPolicy(ManagementPolicy managementPolicy) {
    this.managementPolicy = managementPolicy;
  }

  public PagerDutySpec getPagerDuty() {
    return pagerDuty;
  }

  public void setPagerDuty(PagerDutySpec pagerDuty) {
    this.pagerDuty = pagerDuty;
  }

  public SlackSpec getSlack() {
    return slack;
  }

  public void setSlack(SlackSpec slack) {
    this.slack = slack;
  }

  public DatadogSpec getDatadog() {
    return datadog;
  }

  public void setDatadog(DatadogSpec datadog) {
    this.datadog = datadog;
  }

  public OpsGenieSpec getOpsGenie() {
    return opsGenie;
  }

  public void setOpsGenie(OpsGenieSpec opsGenie) {
    this.opsGenie = opsGenie;
  }

  public VictorOpsSpec getVictorOps() {
    return victorOps;
  }

  public void setVictorOps(VictorOpsSpec victorOps) {
    this.victorOps = victorOps;
  }

  public WebhookSpec getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookSpec webhook) {
    this.webhook = webhook;
  }

  public MicrosoftTeamsSpec getMicrosoftTeams() {
    return microsoftTeams;
  }

  public void setMicrosoftTeams(MicrosoftTeamsSpec microsoftTeams) {
    this.microsoftTeams = microsoftTeams;
  }

  public PrometheusSpec getPrometheus() {
    return prometheus;
  }

  public void setPrometheus(PrometheusSpec prometheus) {
    this.prometheus = prometheus;
  }

  public NewRelicSpec getNewRelic() {
    return newRelic;
  }

  public void setNewRelic(NewRelicSpec newRelic) {
    this.newRelic = newRelic;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ThirdPartyIntegrationSpec o
        && Objects.equals(projectId, o.projectId)
        && type == o.type
        && Objects.equals(connectionSecretRef, o.connectionSecretRef)
        && deletionPolicy == o.deletionPolicy
        && managementPolicy == o.managementPolicy
        && Objects.equals(pagerDuty, o.pagerDuty)
        && Objects.equals(slack, o.slack)
        && Objects.equals(datadog, o.datadog)
        && Objects.equals(opsGenie, o.opsGenie)
        && Objects.equals(victorOps, o.victorOps)
        && Objects.equals(webhook, o.webhook)
        && Objects.equals(microsoftTeams, o.microsoftTeams)
        && Objects.equals(prometheus, o.prometheus)
        && Objects.equals(newRelic, o.newRelic);
  }

  @Override
  public int hashCode() {
    return Objects.hash(projectId, type, connectionSecretRef, deletionPolicy, managementPolicy);
  }
}
