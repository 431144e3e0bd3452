package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.prometheus.PrometheusDiscovery;
import io.mdbops.integrations.sync.Change;
import io.mdbops.integrations.sync.LiveComparison;

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

  static String removed(ThirdPartyIntegration resource, boolean existed) {
    return (existed ? "removed the " : "the ") + integration(resource)
        + (existed ? " from project " : " was already gone from project ") + resource.getSpec().getProjectId();
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
