package io.mdbops.integrations.sync;

/** Why a pass wrote the integration, or that it did not. Named like the Events that report them. */
public enum Change {
  None,
  Created,
  Adopted,
  Updated,
  SecretRotated,
  DriftCorrected
}
