package io.mdbops.integrations.plan;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads each project once (a list, nothing else) and exports every integration of a type the operator manages. */
public final class Exporter {

  /**
   * @param integrations by project as given, then by type
   * @param notes what was left out and why (types the operator does not manage)
   * @param errors projects that could not be read
   */
  public record Result(List<ExportedIntegration> integrations, List<String> notes, List<String> errors) {

    /** Whether any project could not be read, or any integration would be refused as exported. */
    public boolean failed() {
      return !errors.isEmpty() || integrations.stream().anyMatch(i -> !i.problems().isEmpty());
    }
  }

  private Exporter() {}

  public static Result export(IntegrationsApi api, List<String> projects, LiveManifests manifests) {
    List<ExportedIntegration> integrations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String project : projects) {
      List<IntegrationView> views;
      try {
        views = api.list(project);
      } catch (ApiException e) {
        errors.add("project " + project + " could not be read: " + e.getMessage());
        continue;
      }
      if (views.isEmpty()) {
        notes.add("project " + project + " has no integrations");
      }
      for (IntegrationView view : views.stream().sorted(Comparator.comparing(IntegrationView::type)).toList()) {
        Optional<IntegrationType> type = LiveManifests.managedType(view);
        if (type.isEmpty()) {
          notes.add(view.type() + " in project " + project + " is not a type this operator manages; not exported");
        } else {
          integrations.add(manifests.export(project, type.get(), view));
        }
      }
    }
    return new Result(integrations, notes, errors);
  }
}
