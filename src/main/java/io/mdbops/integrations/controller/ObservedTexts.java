package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sync.Observation;
import java.util.stream.Collectors;

/** What the Ready condition and the Events of an observed resource say (field names, never values). */
final class ObservedTexts {

  private ObservedTexts() {}

  static String message(ThirdPartyIntegration resource, Observation observation) {
    String what = "the " + resource.getSpec().getType() + " integration of project " + resource.getSpec().getProjectId();
    String head;
    if (!observation.configured()) {
      head = "observed only: project " + resource.getSpec().getProjectId() + " has no " + resource.getSpec().getType()
          + " integration; the operator does not create it (set spec.managementPolicy to Manage to let it)";
    } else if (observation.inSync()) {
      head = "observed only: " + what + " matches this resource";
    } else {
      head = "observed only: " + what + " differs from this resource in " + String.join(", ", observation.differences())
          + "; the operator does not change it (set spec.managementPolicy to Manage to apply this resource)";
    }
    if (observation.notCompared().isEmpty()) {
      return head;
    }
    return head + "; not compared: " + observation.notCompared().entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }
}
