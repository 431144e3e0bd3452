package io.mdbops.integrations.packaging;

import java.util.List;
import java.util.Map;

/**
 * kstatus's status computation for a custom resource, ported from sigs.k8s.io/cli-utils
 * pkg/kstatus/status: {@code Compute} and {@code checkReadyCondition} in status.go,
 * {@code checkGenericProperties} and {@code checkGeneration} in generic.go. Custom resources have
 * no type-specific rules there, so this is the whole of it. Flux's health checks and
 * {@code kpt live apply}/cli-utils' waiters judge ThirdPartyIntegrations this way.
 */
final class Kstatus {

  enum Status { InProgress, Failed, Current, Terminating }

  record Result(Status status, String message) {}

  private Kstatus() {}

  static Result compute(Map<String, Object> resource) {
    Map<String, Object> metadata = map(resource.get("metadata"));
    Object deletionTimestamp = metadata.get("deletionTimestamp");
    if (deletionTimestamp != null && !deletionTimestamp.toString().isEmpty()) {
      return new Result(Status.Terminating, "Resource scheduled for deletion");
    }
    Map<String, Object> status = map(resource.get("status"));
    // checkGeneration: only when both fields exist, and any difference counts
    Object generation = metadata.get("generation");
    Object observedGeneration = status.get("observedGeneration");
    if (generation != null && observedGeneration != null
        && ((Number) generation).longValue() != ((Number) observedGeneration).longValue()) {
      return new Result(Status.InProgress, "%s generation is %s, but latest observed generation is %s"
          .formatted(resource.get("kind"), generation, observedGeneration));
    }
    List<Map<String, Object>> conditions = conditions(status);
    // the first of Reconciling or Stalled that is True, in the order the conditions are listed
    for (Map<String, Object> c : conditions) {
      if ("Reconciling".equals(c.get("type")) && "True".equals(c.get("status"))) {
        return new Result(Status.InProgress, (String) c.get("message"));
      }
      if ("Stalled".equals(c.get("type")) && "True".equals(c.get("status"))) {
        return new Result(Status.Failed, (String) c.get("message"));
      }
    }
    // checkReadyCondition: a status other than True, False or Unknown is ignored
    for (Map<String, Object> c : conditions) {
      if ("Ready".equals(c.get("type"))) {
        if ("True".equals(c.get("status"))) {
          return new Result(Status.Current, "Resource is Ready");
        }
        if ("False".equals(c.get("status")) || "Unknown".equals(c.get("status"))) {
          return new Result(Status.InProgress, (String) c.get("message"));
        }
      }
    }
    // no known condition: kstatus assumes the resource needs no reconciling
    return new Result(Status.Current, "Resource is current");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> conditions(Map<String, Object> status) {
    Object conditions = status.get("conditions");
    return conditions == null ? List.of() : (List<Map<String, Object>>) conditions;
  }
}
