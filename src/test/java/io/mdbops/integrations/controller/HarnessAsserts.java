package io.mdbops.integrations.controller;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.OperatorHarness;

final class HarnessAsserts {
  private HarnessAsserts() {}

  static ConditionReason ready(ThirdPartyIntegration r) {
    var c = OperatorHarness.ready(r);
    return c == null ? null : c.getReason();
  }
}
