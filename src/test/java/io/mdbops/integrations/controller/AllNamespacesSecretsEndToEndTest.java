package io.mdbops.integrations.controller;

import java.util.Set;

/** One Secret informer for every namespace. */
class AllNamespacesSecretsEndToEndTest extends ReferencedSecretsEndToEndTest {

  @Override
  Set<String> watchNamespaces() {
    return Set.of();
  }
}
