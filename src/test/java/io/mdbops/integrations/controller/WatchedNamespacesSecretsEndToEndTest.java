package io.mdbops.integrations.controller;

import java.util.Set;

/** One Secret informer, and one store, per watched namespace. */
class WatchedNamespacesSecretsEndToEndTest extends ReferencedSecretsEndToEndTest {

  @Override
  Set<String> watchNamespaces() {
    return Set.of(TEAM_A, TEAM_B);
  }
}
