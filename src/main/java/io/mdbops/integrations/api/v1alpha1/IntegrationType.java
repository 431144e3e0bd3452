package io.mdbops.integrations.api.v1alpha1;

/**
 * The integration types the operator manages. The constant names are the API's {@code type} values.
 * HIP_CHAT and FLOWDOCK are deliberately absent: both services are shut down.
 */
public enum IntegrationType {
  PAGER_DUTY("pagerDuty"),
  SLACK("slack"),
  DATADOG("datadog"),
  OPS_GENIE("opsGenie"),
  VICTOR_OPS("victorOps"),
  WEBHOOK("webhook"),
  MICROSOFT_TEAMS("microsoftTeams"),
  PROMETHEUS("prometheus"),
  NEW_RELIC("newRelic");

  private final String blockName;

  IntegrationType(String blockName) {
    this.blockName = blockName;
  }

  /** The name of the spec block that configures this type, e.g. {@code pagerDuty}. */
  public String blockName() {
    return blockName;
  }
}
