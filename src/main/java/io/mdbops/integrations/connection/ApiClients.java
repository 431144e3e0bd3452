package io.mdbops.integrations.connection;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One API client per connection Secret, shared by every resource using it (so Digest nonces and
 * pooled connections are shared too), rebuilt when the Secret changes.
 */
public final class ApiClients {

  private record Entry(String clientKey, IntegrationsApi api) {}

  private final IntegrationsApiFactory factory;
  private final ConcurrentMap<String, Entry> clients = new ConcurrentHashMap<>();

  public ApiClients(IntegrationsApiFactory factory) {
    this.factory = factory;
  }

  public IntegrationsApi clientFor(ResolvedConnection connection) throws ConnectionUnavailableException {
    try {
      return clients
          .compute(connection.secretId(), (id, current) -> current != null
                  && current.clientKey().equals(connection.clientKey())
              ? current
              : new Entry(connection.clientKey(), factory.create(connection.api(), connection.nonces())))
          .api();
    } catch (IllegalArgumentException e) {
      // the factory's message names the problem (e.g. an unparseable ca.crt) without its content
      throw new ConnectionUnavailableException(
          ConditionReason.ConnectionInvalid,
          "connection Secret " + connection.secretId() + ": " + e.getMessage());
    }
  }

  public int size() {
    return clients.size();
  }
}
