package io.mdbops.integrations.connection;

import io.mdbops.integrations.api.v1alpha1.ApiProfileStatus;
import io.mdbops.integrations.mapping.MeasuredBehaviour;
import io.mdbops.integrations.opsmanager.NoncePolicy;

/**
 * A {@code doctor} profile a connection Secret holds, as the operator uses it.
 *
 * @param digest short id of the profile's text
 * @param measuredAt when doctor measured it
 * @param source where it was read, e.g. {@code Secret payments/ops-manager key profile}
 */
public record ConnectionProfile(MeasuredBehaviour behaviour, String digest, String measuredAt, String source) {

  /** How the connection's client answers Digest challenges. */
  public NoncePolicy nonces() {
    return behaviour.nonceReuse().orElse(true) ? NoncePolicy.REUSE : NoncePolicy.ANSWER_EACH_CHALLENGE;
  }

  /** What the status of a resource using it says. */
  public ApiProfileStatus status() {
    return new ApiProfileStatus(digest, measuredAt, source);
  }
}
