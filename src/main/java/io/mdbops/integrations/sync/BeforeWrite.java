package io.mdbops.integrations.sync;

/**
 * What must be in place before a pass writes to a project. The controller puts the resource's
 * finalizer there, so a resource carries one only once it has written something a deletion may
 * have to undo, and gets it in the same pass as that first write.
 */
@FunctionalInterface
public interface BeforeWrite {

  BeforeWrite NOTHING = () -> { };

  /** Runs once, just before the write; a failure here means nothing is written in this pass. */
  void prepare();
}
