package io.mdbops.integrations.opsmanager;

/** Makes the client for one connection. Clients are meant to be cached per connection. */
@FunctionalInterface
public interface IntegrationsApiFactory {
  IntegrationsApi create(ApiConnection connection);
}
