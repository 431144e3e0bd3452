package io.mdbops.integrations.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Everything user-visible the suite produced besides logs: Events, statuses and metrics scrapes,
 * collected as text when each harness closes, for the leak test to scan.
 */
public final class LeakWitness {

  private static final ConcurrentLinkedQueue<String> TEXTS = new ConcurrentLinkedQueue<>();

  private LeakWitness() {}

  public static void record(String what, String text) {
    TEXTS.add(what + ": " + text);
  }

  public static List<String> texts() {
    return new ArrayList<>(TEXTS);
  }
}
