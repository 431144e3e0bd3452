package io.mdbops.integrations.doctor;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.Product;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One doctor run: where, which types, and what it may touch.
 *
 * @param types the types to probe, in order
 * @param allowOverwrite probe types the project already holds too (their configuration is lost)
 * @param stateDir where the ledger of what a run created is kept until it is removed
 */
public record DoctorSettings(ApiConnection connection, String projectId, Product product, List<String> types,
    boolean allowOverwrite, Path stateDir) {

  public DoctorSettings {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(stateDir, "stateDir");
    types = List.copyOf(types);
    for (String type : types) {
      if (!knownTypes().contains(type)) {
        throw new IllegalArgumentException("doctor cannot probe type " + type + "; it knows " + String.join(", ",
            knownTypes()));
      }
    }
  }

  /** The types {@code product}'s docs list, plus the undocumented ones when asked for. */
  public static List<String> defaultTypes(Product product, boolean includeUndocumented) {
    List<String> types = new ArrayList<>(ProductSupport.offeredTypes(product).stream().map(IntegrationType::name)
        .toList());
    if (includeUndocumented) {
      ProbeFields.knownTypes().stream().filter(t -> !types.contains(t)).forEach(types::add);
    }
    return types;
  }

  /** Every type doctor has made-up values for. */
  public static List<String> knownTypes() {
    return List.copyOf(ProbeFields.knownTypes());
  }

  /** Whether {@code type} is one {@code product}'s docs do not list. */
  public boolean undocumented(String type) {
    return !defaultTypes(product, false).contains(type);
  }

  /** The default {@code --state-dir}: {@code ~/.integrations-operator/doctor}. */
  public static Path defaultStateDir() {
    return Path.of(System.getProperty("user.home"), ".integrations-operator", "doctor");
  }
}
