package io.mdbops.integrations.simulator;

import io.mdbops.integrations.opsmanager.Product;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which integration types the simulator accepts for each product it plays, unless told otherwise. */
public final class ProductTypes {

  /** The types the operator manages; accepted by every product by default. */
  public static final List<String> COMMON_TYPES = List.of(
      "PAGER_DUTY", "SLACK", "DATADOG", "OPS_GENIE", "VICTOR_OPS", "WEBHOOK", "MICROSOFT_TEAMS",
      "PROMETHEUS", "NEW_RELIC");

  private ProductTypes() {}

  /** Cloud Manager and Atlas: the common types; Ops Manager adds {@code HIP_CHAT}. */
  public static Set<String> accepted(Product product) {
    Set<String> types = new LinkedHashSet<>(COMMON_TYPES);
    if (product == Product.OPS_MANAGER) {
      types.add("HIP_CHAT");
    }
    return Set.copyOf(types);
  }
}
