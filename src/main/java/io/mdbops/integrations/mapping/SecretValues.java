package io.mdbops.integrations.mapping;

import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;

/** Reads referenced Secret values; implemented over the operator's Secret cache. */
public interface SecretValues {

  /** The value at {@code ref}, never empty. */
  String value(SecretKeySelector ref) throws SecretUnavailableException;

  /** The resourceVersion of the Secret named {@code name} (already read through {@link #value}). */
  String resourceVersion(String name);
}
