package io.mdbops.integrations.sync;

import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.MaskPrediction;
import io.mdbops.integrations.mapping.SecretForm;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an observed resource (management policy Observe) finds when it compares itself with the
 * project, field by field, without writing: plain fields as they are; secret fields through the
 * API's mask, whatever the server's mask rule; and a secret whose value is not at hand (Secret or
 * key missing or empty, such as an exported skeleton) or never shown is compared by presence only
 * and reported as not compared, never as a failure.
 *
 * @param differences API field names (never values) that differ, or that the integration is absent
 * @param notCompared secret fields whose values could not be compared, each with why
 */
public record Observation(List<String> differences, Map<String, String> notCompared) {

  /** The item {@link #differences} holds when the project has no integration of the type. */
  public static final String NOT_CONFIGURED = "integration not configured";

  public Observation {
    differences = List.copyOf(differences);
    notCompared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notCompared));
  }

  public boolean inSync() {
    return differences.isEmpty();
  }

  public boolean configured() {
    return !differences.contains(NOT_CONFIGURED);
  }

  /**
   * @param unread secret fields the spec sets whose values could not be read, each with why
   * @param applied what this resource's own last write left, if it ever managed the integration
   *     (the masks the server showed then are recognised again)
   */
  public static Observation of(DesiredIntegration desired, Optional<IntegrationView> live,
      Map<String, String> unread, LiveComparison.Applied applied) {
    Map<String, String> notCompared = new LinkedHashMap<>();
    if (live.isEmpty()) {
      return new Observation(List.of(NOT_CONFIGURED), unread);
    }
    List<String> differences = new ArrayList<>();
    Map<String, Object> liveFields = live.get().fields();
    Map<String, Object> desiredFields = desired.payload().fields();
    for (FieldMapping field : desired.fields()) {
      String name = field.apiField();
      Object have = liveFields.get(name);
      if (!field.isSecret()) {
        if (!LiveComparison.samePlain(desiredFields.get(name), have, desired.plainDefaults().get(name))) {
          differences.add(name);
        }
        continue;
      }
      boolean shown = have instanceof String s && !s.isEmpty();
      boolean neverShown = field.form() == SecretForm.WRITE_ONLY;
      if (unread.containsKey(name)) {
        // set by the spec, value not at hand: only its presence can be compared
        if (!shown && !neverShown) {
          differences.add(name);
        } else {
          notCompared.put(name, unread.get(name));
        }
        continue;
      }
      String want = (String) desiredFields.get(name);
      if (want == null) {
        if (shown) {
          differences.add(name); // the project holds a value the resource does not set
        }
      } else if (!shown) {
        if (neverShown) {
          notCompared.put(name, "the API never shows it");
        } else {
          differences.add(name);
        }
      } else if (!shownMatches((String) have, want, name, desired, applied, notCompared)) {
        differences.add(name);
      }
    }
    return new Observation(differences, notCompared);
  }

  private static boolean shownMatches(String shown, String want, String name, DesiredIntegration desired,
      LiveComparison.Applied applied, Map<String, String> notCompared) {
    if (Optional.ofNullable(desired.secretRefs().get(name)).flatMap(ref -> applied.maskOf(name, ref))
        .map(shown::equals).orElse(false)) {
      return true;
    }
    return switch (MaskPrediction.read(shown, want)) {
      case MATCHES -> true;
      case DIFFERS -> false;
      case HIDDEN -> {
        notCompared.put(name, "the API shows it fully masked");
        yield true;
      }
    };
  }
}
