package io.mdbops.integrations.opsmanager;

/** Makes the client for one connection. Clients are meant to be cached per connection. */
@FunctionalInterface
public interface IntegrationsApiFactory {
  IntegrationsApi create(ApiConnection connection);

  /**
   * The client for a connection whose server's nonce handling is known (a {@code doctor} profile);
   * factories that do not speak Digest ignore it.
   */
  default IntegrationsApi create(ApiConnection connection, NoncePolicy nonces) {
    return create(connection);
  }
}
