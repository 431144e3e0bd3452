package io.mdbops.integrations.connection;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One API client per connection Secret, shared by every resource using it (so Digest nonces, a
 * service account's access token and pooled connections are shared too), rebuilt when the Secret
 * changes (keyed by its resourceVersion: a rotated secret is used from the next pass on). A replaced
 * client is closed, which revokes the access token it held.
 */
public final class ApiClients {

  private record Entry(String clientKey, IntegrationsApi api) {}

  private final IntegrationsApiFactory factory;
  private final ConcurrentMap<String, Entry> clients = new ConcurrentHashMap<>();

  public ApiClients(IntegrationsApiFactory factory) {
    this.factory = factory;
  }

  public IntegrationsApi clientFor(ResolvedConnection connection) throws ConnectionUnavailableException {
    IntegrationsApi[] replaced = new IntegrationsApi[1];
    try {
      IntegrationsApi api = clients
          .compute(connection.secretId(), (id, current) -> {
            if (current != null && current.clientKey().equals(connection.clientKey())) {
              return current;
            }
            Entry next = new Entry(connection.clientKey(), factory.create(connection.api(), connection.nonces()));
            replaced[0] = current == null ? null : current.api();
            return next;
          })
          .api();
      if (replaced[0] != null) {
        replaced[0].close(); // outside the map's lock: it may call the API to revoke a token
      }
      return api;
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
