package io.mdbops.integrations.plan;

import io.mdbops.integrations.connection.ResolvedConnection;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import io.mdbops.integrations.sync.ProjectKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live integrations of each project, read once (one list per project and API identity, as the
 * operator reads them) and only read: this class never calls anything but {@link IntegrationsApi#list}.
 */
public final class LiveProjects {

  /** A project's integrations, or why they could not be read. */
  public sealed interface Read {}

  public record Listed(List<IntegrationView> integrations) implements Read {

    public Optional<IntegrationView> ofType(String type) {
      return integrations.stream().filter(v -> type.equals(v.type())).findFirst();
    }
  }

  /** @param message safe to print: the client scrubs secrets from its errors */
  public record Failed(String message) implements Read {}

  private final IntegrationsApiFactory factory;
  private final Map<String, IntegrationsApi> clients = new HashMap<>();
  private final Map<ProjectKey, Read> reads = new LinkedHashMap<>();

  public LiveProjects(IntegrationsApiFactory factory) {
    this.factory = factory;
  }

  /** The project as seen through {@code connection}, read on first use. */
  public Read read(ResolvedConnection connection, String projectId) {
    return reads.computeIfAbsent(ProjectKey.of(connection, projectId), key -> {
      try {
        return new Listed(client(connection).list(projectId));
      } catch (ApiException e) {
        return new Failed("project " + projectId + " could not be read at " + connection.baseUrl() + ": "
            + e.getMessage());
      } catch (IllegalArgumentException e) {
        // the factory names what is wrong with the connection (say, an unreadable ca.crt), never a key
        return new Failed("connection " + connection.secretId() + ": " + e.getMessage());
      }
    });
  }

  /** Every project read so far, in the order first read. */
  public Map<ProjectKey, Read> all() {
    return new LinkedHashMap<>(reads);
  }

  private IntegrationsApi client(ResolvedConnection connection) {
    return clients.computeIfAbsent(connection.clientKey(), k -> factory.create(connection.api()));
  }
}
