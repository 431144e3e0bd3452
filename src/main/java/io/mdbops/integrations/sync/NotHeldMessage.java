package io.mdbops.integrations.sync;

import java.util.List;
import java.util.stream.Collectors;

/** The condition message for a write the API accepted but did not hold: each field, and why. */
final class NotHeldMessage {

  private NotHeldMessage() {}

  static String of(Target target, List<LiveComparison.Mismatch> mismatches) {
    String product = target.connection().product().displayName();
    String fields = mismatches.stream().map(m -> switch (m.kind()) {
      case KEPT -> "it still holds " + m.field() + ", which the spec no longer sets (this server keeps fields a PUT"
          + " leaves out, and did not clear it when sent an empty value)";
      case DROPPED -> "it holds no " + m.field() + ", which the spec sets (this " + product
          + " may not have that field)";
      case CHANGED -> "it shows another " + m.field() + " than the spec sets";
    }).collect(Collectors.joining("; "));
    return "the API accepted the write of the " + target.type() + " integration but does not hold it: " + fields
        + ". No further write until the spec, a Secret or the project changes: change the field in the " + product
        + " UI, or the spec to what the server keeps";
  }
}
