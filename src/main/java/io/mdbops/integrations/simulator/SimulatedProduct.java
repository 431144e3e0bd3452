package io.mdbops.integrations.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which product the simulator plays; decides the integration types accepted by default. */
public enum SimulatedProduct {
  /** Cloud Manager: the nine types the operator manages. */
  CLOUD_MANAGER(List.of()),
  /** Ops Manager: the nine types plus {@code HIP_CHAT}. */
  OPS_MANAGER(List.of("HIP_CHAT"));

  /** The types the operator manages; accepted by both products by default. */
  public static final List<String> COMMON_TYPES = List.of(
      "PAGER_DUTY", "SLACK", "DATADOG", "OPS_GENIE", "VICTOR_OPS", "WEBHOOK", "MICROSOFT_TEAMS",
      "PROMETHEUS", "NEW_RELIC");

  private final List<String> extraTypes;

  SimulatedProduct(List<String> extraTypes) {
    this.extraTypes = extraTypes;
  }

  /** The types accepted in the path unless {@link SimulatorOptions.Builder#acceptedTypes} says otherwise. */
  public Set<String> defaultTypes() {
    Set<String> types = new LinkedHashSet<>(COMMON_TYPES);
    types.addAll(extraTypes);
    return Set.copyOf(types);
  }
}
