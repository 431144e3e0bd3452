package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** Slack (API type SLACK). Slack must first be connected once through the project's Integrations page (OAuth); the API reconfigures an existing Slack integration. */
public class SlackSpec {

  @Required
  @JsonPropertyDescription("Secret key holding the Slack API token. Sent as apiToken; the API returns it masked.")
  private SecretKeySelector apiTokenSecretRef;

  @Required
  @Size(min = 1, max = 255)
  @JsonPropertyDescription("Slack team (workspace) name.")
  private String teamName;

  @Size(max = 80)
  @JsonPropertyDescription("Slack channel to post to, e.g. \"#alerts\". Required on Atlas.")
  private String channelName;

  public SecretKeySelector getApiTokenSecretRef() {
    return apiTokenSecretRef;
  }

  public void setApiTokenSecretRef(SecretKeySelector apiTokenSecretRef) {
    this.apiTokenSecretRef = apiTokenSecretRef;
  }

  public SlackSpec withApiTokenSecretRef(SecretKeySelector apiTokenSecretRef) {
    this.apiTokenSecretRef = apiTokenSecretRef;
    return this;
  }

  public String getTeamName() {
    return teamName;
  }

  public void setTeamName(String teamName) {
    this.teamName = teamName;
  }

  public SlackSpec withTeamName(String teamName) {
    this.teamName = teamName;
    return this;
  }

  public String getChannelName() {
    return channelName;
  }

  public void setChannelName(String channelName) {
    this.channelName = channelName;
  }

  public SlackSpec withChannelName(String channelName) {
    this.channelName = channelName;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SlackSpec o && Objects.equals(apiTokenSecretRef, o.apiTokenSecretRef) && Objects.equals(teamName, o.teamName) && Objects.equals(channelName, o.channelName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiTokenSecretRef, teamName, channelName);
  }
}
