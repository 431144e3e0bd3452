package io.mdbops.integrations.doctor;

import java.util.Optional;

/**
 * What DELETE answers, for a type that is there and for one that is not, and what POST answers for a
 * type that is not configured: three calls on a type doctor configured (POST leaves it configured
 * again, for the cleanup to remove).
 */
final class MissingTypeProbe {

  /**
   * What it saw, each as {@code 204} or {@code 404 INTEGRATION_NOT_CONFIGURED}.
   *
   * @param on the type it was measured on; empty when none was accepted
   */
  record Reading(Optional<String> on, String delete, String deleteMissing, String postMissing, String postAnswer) {
    static final Reading NOT_MEASURED = new Reading(Optional.empty(), null, null, null, null);
  }

  private MissingTypeProbe() {}

  static Reading run(ProbeSession session, ProbeValues values, TypeProbe.Reading on) {
    String type = on.type();
    ProbeResponse delete = session.delete(type);
    requireAnswer("DELETE " + type, delete);
    ProbeResponse again = session.delete(type);
    requireAnswer("DELETE " + type, again);
    ProbeResponse post = session.write("POST", type, values.body(type, on.accepted()));
    requireAnswer("POST " + type, post);
    return new Reading(Optional.of(type), delete.summary(), again.summary(), post.summary(),
        post.ok() ? TypeProbe.shapeOf(post) : null);
  }

  private static void requireAnswer(String what, ProbeResponse r) {
    if (!r.ok() && !Answers.isRefusal(r)) {
      throw Answers.stop(what, r);
    }
  }
}
