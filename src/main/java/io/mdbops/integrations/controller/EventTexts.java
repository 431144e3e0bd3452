package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.prometheus.PrometheusDiscovery;
import io.mdbops.integrations.sync.Change;
import io.mdbops.integrations.sync.LiveComparison;
import java.time.Duration;
import java.util.Optional;

/** What the Events of a pass say, in words a user reads in {@code kubectl describe}. */
final class EventTexts {

  private EventTexts() {}

  static String written(ThirdPartyIntegration resource, Change change, LiveComparison.Differences differences) {
    String what = integration(resource) + " in project " + resource.getSpec().getProjectId();
    return switch (change) {
      case Created -> "created the " + what;
      case Adopted -> "took over the existing " + what + " and made it match the spec";
      case Updated -> "updated the " + what + " (" + differences + ")";
      case SecretRotated -> "re-sent the rotated Secrets of the " + what;
      case DriftCorrected -> "undid a change made outside Kubernetes to the " + what + " (" + differences + ")";
      case None -> "the " + what + " matches";
    };
  }

  /** @param note what the removal adds: the project is gone, or it used a deleted Secret's kept credentials */
  static String removed(ThirdPartyIntegration resource, boolean existed, Optional<String> note) {
    return (existed ? "removed the " : "the ") + integration(resource)
        + (existed ? " from project " : " was already gone from project ") + resource.getSpec().getProjectId()
        + note.map(n -> ": " + n).orElse("");
  }

  /**
   * Why a deletion is held up and the ways out: fix the cause, or let the resource go with Retain;
   * in a namespace being deleted, also when the operator lets it go by itself.
   */
  static String removalHeldUp(String problem, ConditionReason reason, Optional<NamespaceTeardown.Teardown> teardown) {
    String fix = switch (reason) {
      case ApiUnavailable, RateLimited -> null;
      case SecretNotFound, SecretKeyMissing, ConnectionInvalid -> "restore the connection Secret";
      case Unauthorized, Forbidden, ProjectNotFound -> "restore the API key or its access to the project";
      default -> "fix the cause above";
    };
    String retry = fix == null
        ? "; retrying with backoff (setting spec.deletionPolicy to Retain deletes this resource at once and leaves"
            + " the integration in place)"
        : "; retrying with backoff. Two ways out: " + fix + ", or set spec.deletionPolicy to Retain to delete this"
            + " resource and leave the integration in place";
    return problem + retry + teardown.map(t -> ". Namespace " + t.namespace() + " is being deleted: unless the"
        + " removal succeeds by " + t.giveUpAt() + " (" + shortly(t.bound()) + " after the deletion began), the"
        + " operator then lets this resource go and leaves the integration in place").orElse("");
  }

  /** The deletion of a resource in a namespace being deleted stops waiting for a removal that kept failing. */
  static String leftBehind(ThirdPartyIntegration resource, NamespaceTeardown.Teardown teardown, String problem) {
    return "namespace " + teardown.namespace() + " is being deleted and the removal kept failing for "
        + shortly(teardown.bound()) + ": released the finalizer and left the " + integration(resource)
        + " of project " + resource.getSpec().getProjectId() + " in place; remove it in the project's Integrations"
        + " page if it should go. Last failure: " + problem;
  }

  /** 5m, 90s, 1500ms: a bound as the flag is written. */
  private static String shortly(Duration d) {
    long millis = d.toMillis();
    return millis % 60_000 == 0 ? d.toMinutes() + "m" : millis % 1000 == 0 ? d.toSeconds() + "s" : millis + "ms";
  }

  static String scrapeConfig(ThirdPartyIntegration resource, PrometheusDiscovery.Action action) {
    String which = "ScrapeConfig " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    return switch (action) {
      case Created -> "created " + which + ": Prometheus discovers the hosts of project "
          + resource.getSpec().getProjectId() + " through it";
      case Updated -> "updated " + which + " to match spec.prometheus";
      case Deleted -> "deleted " + which + ": spec.prometheus.scrapeConfig.create is no longer true";
    };
  }

  private static String integration(ThirdPartyIntegration resource) {
    return resource.getSpec().getType() + " integration";
  }
}
