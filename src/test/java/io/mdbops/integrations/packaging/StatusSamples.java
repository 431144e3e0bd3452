package io.mdbops.integrations.packaging;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.controller.StatusBuilder;
import io.mdbops.integrations.sync.Change;
import io.mdbops.integrations.sync.Observation;
import io.mdbops.integrations.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ThirdPartyIntegration resources in every state the GitOps health checks must tell apart, as the
 * Kubernetes API returns them (metadata + status, as plain maps). Synced, stalled, reconciling and
 * deleting resources carry the status the operator's real {@link StatusBuilder} writes for each
 * reason, so the health checks are tested against what the operator actually writes.
 *
 * <p>The status shape, following the kstatus conventions (sigs.k8s.io/cli-utils pkg/kstatus):
 * <ul>
 *   <li>{@code status.observedGeneration}: the generation the status describes.
 *   <li>{@code status.conditions[]}: metav1.Condition, each {@code {type, status: True|False|Unknown,
 *       reason, message, observedGeneration, lastTransitionTime}}.
 *   <li>{@code Ready=True reason=Synced} when the project holds the desired state; {@code Ready=False}
 *       with the reason otherwise.
 *   <li>{@code Reconciling=True} (reason = the work under way: {@link #RECONCILING_REASONS}) while work
 *       is under way or a transient failure is being retried; absent otherwise.
 *   <li>{@code Stalled=True} (reason in {@link #STALLED_REASONS}) for failures that need a human;
 *       absent otherwise. Stalled and Reconciling are never both True.
 *   <li>An observed resource (management policy Observe) has {@code Ready=True reason=InSync} or
 *       {@code Ready=False reason=OutOfSync}, never Stalled or Reconciling (as the status builder
 *       writes them).
 * </ul>
 */
final class StatusSamples {

  static final long GENERATION = 4;

  static final List<String> STALLED_REASONS = reasons(ConditionReason.Progress.STALLED);

  static final List<String> RECONCILING_REASONS = reasons(ConditionReason.Progress.IN_PROGRESS);

  private static final StatusBuilder STATUSES =
      new StatusBuilder(Clock.fixed(Instant.parse("2026-11-30T11:58:00Z"), ZoneOffset.UTC));

  private static List<String> reasons(ConditionReason.Progress progress) {
    return Arrays.stream(ConditionReason.values()).filter(r -> r.progress() == progress).map(Enum::name).toList();
  }

  /** A resource of the current generation whose status the operator's status builder wrote. */
  private static Map<String, Object> written(java.util.function.Function<ThirdPartyIntegration, ThirdPartyIntegrationStatus> status) {
    ThirdPartyIntegration r = Fixtures.resource("team-a", "slack", IntegrationType.SLACK,
        "5e2211c17a3e5a48f5497de3", "api");
    r.getMetadata().setGeneration(GENERATION);
    r.setStatus(status.apply(r));
    Map<String, Object> resource = Serialization.unmarshal(Serialization.asJson(r), Map.class);
    resource.remove("spec");
    return resource;
  }

  private StatusSamples() {}

  /** The project holds the desired state of the current generation. */
  static Map<String, Object> synced() {
    return written(r -> STATUSES.synced(r, Change.Created, Map.of("slack-token", "7")));
  }

  /** A failure only a human can fix. */
  static Map<String, Object> stalled(String reason) {
    return written(r -> STATUSES.failed(r, ConditionReason.valueOf(reason), message(reason)));
  }

  /** Work under way, or a transient failure being retried; Deleting also carries a deletionTimestamp. */
  static Map<String, Object> reconciling(String reason) {
    if (reason.equals("Deleting")) {
      Map<String, Object> resource = written(r -> STATUSES.deleting(r, message(reason)));
      metadata(resource).put("deletionTimestamp", "2026-11-30T12:00:00Z");
      return resource;
    }
    return written(r -> STATUSES.failed(r, ConditionReason.valueOf(reason), message(reason)));
  }

  /** An observed resource: {@code InSync} or {@code OutOfSync} with the project. */
  static Map<String, Object> observed(boolean inSync) {
    return written(r -> {
      r.getSpec().setManagementPolicy(ManagementPolicy.Observe);
      return STATUSES.observed(r, new Observation(inSync ? List.of() : List.of("channelName"), Map.of()));
    });
  }

  /** The message of the resource's Ready condition. */
  static String readyMessage(Map<String, Object> resource) {
    return conditions(resource).stream().filter(c -> "Ready".equals(c.get("type")))
        .map(c -> (String) c.get("message")).findFirst().orElseThrow();
  }

  /** Just created: the operator has not written any status yet. */
  static Map<String, Object> withoutStatus() {
    Map<String, Object> resource = synced();
    resource.remove("status");
    return resource;
  }

  /** Synced, then the spec was edited: the status still describes the previous generation. */
  static Map<String, Object> generationNotObserved() {
    Map<String, Object> resource = resource(GENERATION - 1,
        condition("Ready", "True", "Synced", "The project holds the desired integration"));
    metadata(resource).put("generation", GENERATION);
    return resource;
  }

  /** A status without conditions yet. */
  static Map<String, Object> withoutReadyCondition() {
    return resource(GENERATION);
  }

  /** Ready whose own observedGeneration lags behind status.observedGeneration. */
  static Map<String, Object> readyForAnOlderGeneration() {
    Map<String, Object> resource = synced();
    conditions(resource).get(0).put("observedGeneration", GENERATION - 1);
    return resource;
  }

  /** A resource with these conditions, all observed at {@code observedGeneration}; metadata.generation is that too. */
  @SafeVarargs
  static Map<String, Object> resource(long observedGeneration, Map<String, Object>... conditions) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("observedGeneration", observedGeneration);
    List<Map<String, Object>> observed = new ArrayList<>();
    for (Map<String, Object> c : conditions) {
      c.put("observedGeneration", observedGeneration);
      observed.add(c);
    }
    status.put("conditions", observed);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "slack");
    metadata.put("namespace", "team-a");
    metadata.put("generation", observedGeneration);
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", "integrations.mdbops.io/v1alpha1");
    resource.put("kind", "ThirdPartyIntegration");
    resource.put("metadata", metadata);
    resource.put("status", status);
    return resource;
  }

  static Map<String, Object> condition(String type, String status, String reason, String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    c.put("message", message);
    c.put("lastTransitionTime", "2026-11-30T11:58:00Z");
    return c;
  }

  /** What a user reads for this reason; the checks must pass it on unchanged. */
  static String message(String reason) {
    return switch (reason) {
      case "InvalidSpec" -> "spec.slack.channelName: must not be empty";
      case "SecretNotFound" -> "Secret team-a/slack-token not found";
      case "SecretKeyMissing" -> "Secret team-a/slack-token has no key apiToken";
      case "ConnectionInvalid" -> "Secret team-a/cloud-manager lacks privateKey";
      case "ConnectionNotAllowed" -> "namespace team-a may not use the default connection";
      case "EndpointNotAllowed" -> "baseUrl https://om.example.com is not an allowed API endpoint";
      case "ProjectNotAllowed" -> "namespace team-a may not target project 5e2211c17a3e5a48f5497de3";
      case "Unauthorized" -> "the API refused the key pair (401)";
      case "Forbidden" -> "the key lacks the Project Monitoring Admin role (403)";
      case "ProjectNotFound" -> "project 5e2211c17a3e5a48f5497de3 not found";
      case "ApiRejected" -> "the API rejected the integration (400 INVALID_ATTRIBUTE)";
      case "Conflict" -> "team-a/slack-old already manages this integration";
      case "FieldNotApplied" -> "the API did not keep field channelName";
      case "Reconciling" -> "the API accepted the SLACK integration but does not list it yet";
      case "ApiUnavailable" -> "the API answered 503; retrying in 30s";
      case "RateLimited" -> "the API answered 429; retrying after 60s";
      case "Deleting" -> "Removing the SLACK integration";
      default -> throw new IllegalArgumentException("no sample message for reason " + reason);
    };
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("metadata");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> conditions(Map<String, Object> resource) {
    return (List<Map<String, Object>>) ((Map<String, Object>) resource.get("status")).get("conditions");
  }
}
