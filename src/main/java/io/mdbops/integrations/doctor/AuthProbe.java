package io.mdbops.integrations.doctor;

import java.util.Map;
import java.util.Optional;

/**
 * Authentication in three reads of the project's list: without credentials (the Digest
 * challenge), answering it (the key works; what the project holds), and answering with the same
 * nonce again: accepted, or answered {@code 401 stale=true}.
 */
final class AuthProbe {

  /**
   * What it saw.
   *
   * @param challenge the Digest challenge; empty when the API asked for no credentials
   * @param nonceReuse whether a nonce signs a second request; empty when that could not be told
   * @param nonceAnswer how the API answered the reused nonce, for the report
   * @param configured every integration the project holds, by type
   */
  record Reading(Optional<DigestChallenge> challenge, Optional<Boolean> nonceReuse, String nonceAnswer,
      Map<String, Map<String, Object>> configured) {}

  private AuthProbe() {}

  static Reading run(ProbeSession session) {
    ProbeResponse first = session.unauthenticatedRead();
    if (first.ok()) {
      return new Reading(Optional.empty(), Optional.empty(), "no credentials asked for", first.integrations());
    }
    if (first.status() != 401 || first.challenge().isEmpty()) {
      throw Answers.stop("GET integrations without credentials", first);
    }
    ProbeResponse list = session.read(null);
    if (!list.ok()) {
      throw Answers.stop("GET integrations", list);
    }
    ProbeResponse again = session.readWithReusedNonce();
    Optional<Boolean> reuse;
    String answer;
    if (again.ok()) {
      reuse = Optional.of(true);
      answer = "accepted";
    } else if (again.status() == 401) {
      reuse = Optional.of(false);
      answer = again.challenge().map(DigestChallenge::stale).orElse(false)
          ? "answered 401 with a fresh nonce, stale=true" : "answered 401 without stale=true";
    } else {
      reuse = Optional.empty();
      answer = "answered HTTP " + again.summary() + "; not measured";
    }
    session.client().reuseNonces(reuse.orElse(true));
    return new Reading(first.challenge(), reuse, answer, list.integrations());
  }
}
