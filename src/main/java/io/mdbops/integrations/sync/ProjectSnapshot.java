package io.mdbops.integrations.sync;

import io.mdbops.integrations.opsmanager.IntegrationView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every integration of a project as last read from (or written to) the API. */
public record ProjectSnapshot(List<IntegrationView> integrations, Instant readAt) {

  public ProjectSnapshot {
    integrations = List.copyOf(integrations);
  }

  public Optional<IntegrationView> ofType(String type) {
    return integrations.stream().filter(i -> type.equals(i.type())).findFirst();
  }
}
