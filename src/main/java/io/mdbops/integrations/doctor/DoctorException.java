package io.mdbops.integrations.doctor;

/**
 * Why a doctor run cannot go on (the key refused, the project unknown, the server unreachable). The
 * message is for the person running it: it never holds a value doctor sent.
 */
public final class DoctorException extends RuntimeException {

  public DoctorException(String message) {
    super(message, null, false, false);
  }
}
