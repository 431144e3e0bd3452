package io.mdbops.integrations.plan;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import java.util.List;
import java.util.Locale;

/**
 * Names of exported resources: readable and stable, so that exporting again gives the same names
 * ({@code pager-duty}, {@code microsoft-teams}); with several projects, each name ends with the
 * project's last six hex digits (all 24 when two projects share them).
 */
public final class ExportNames {

  private final List<String> projects;

  /** @param projects every project of the export */
  public ExportNames(List<String> projects) {
    this.projects = List.copyOf(projects);
  }

  /** The resource's name. */
  public String resource(IntegrationType type, String projectId) {
    String base = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return projects.size() <= 1 ? base : base + "-" + suffix(projectId);
  }

  /** The name of the Secret holding its secret fields. */
  public String secret(IntegrationType type, String projectId) {
    return resource(type, projectId) + "-credentials";
  }

  private String suffix(String projectId) {
    String shortId = tail(projectId);
    boolean shared = projects.stream().filter(p -> !p.equals(projectId)).anyMatch(p -> tail(p).equals(shortId));
    return shared ? projectId : shortId;
  }

  private static String tail(String projectId) {
    return projectId.length() <= 6 ? projectId : projectId.substring(projectId.length() - 6);
  }
}
