package io.mdbops.integrations.sync;

import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.MaskedSecret;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.MaskPrediction;
import io.mdbops.integrations.mapping.MeasuredBehaviour;
import io.mdbops.integrations.mapping.SecretForm;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides whether the live integration differs from the desired one, without ever needing the live
 * secrets: a masked live value matches when masking the desired value the same way gives the same
 * string, or when it is what the API showed right after our own write of the same Secret key (so a
 * mask rule of the server's own is learnt once, and kept in status across restarts); a value the
 * API never shows is judged by whether its Secret changed since the last successful write. After a
 * write, {@link #verify} checks the API's answer holds what was sent.
 */
public final class LiveComparison {

  /** What the last successful write left, as the status records it. */
  public record Applied(Map<String, String> secretVersions, List<MaskedSecret> masks, Set<String> fields) {

    public Applied {
      secretVersions = Map.copyOf(secretVersions);
      masks = List.copyOf(masks);
      fields = Set.copyOf(fields);
    }

    public static Applied of(ThirdPartyIntegrationStatus status) {
      if (status == null) {
        return new Applied(Map.of(), List.of(), Set.of());
      }
      Map<String, String> versions = status.getAppliedSecrets() == null ? Map.of()
          : status.getAppliedSecrets().stream()
              .collect(Collectors.toMap(AppliedSecret::getName, AppliedSecret::getResourceVersion, (a, b) -> b));
      return new Applied(versions,
          status.getMaskedSecrets() == null ? List.of() : status.getMaskedSecrets(),
          status.getAppliedFields() == null ? Set.of() : Set.copyOf(status.getAppliedFields()));
    }

    /** How the API showed {@code field} after our write of {@code ref}, if it was recorded. */
    Optional<String> maskOf(String field, SecretKeySelector ref) {
      return masks.stream().filter(m -> field.equals(m.getField()) && Objects.equals(ref, m.getSecretKeyRef()))
          .map(MaskedSecret::getShownAs).findFirst();
    }
  }

  /** Names (never values) of what differs; empty when live matches. */
  public record Differences(List<String> items) {
    public boolean any() {
      return !items.isEmpty();
    }

    @Override
    public String toString() {
      return String.join(", ", items);
    }
  }

  /** A field the API does not hold as it was written. */
  public record Mismatch(String field, Kind kind) {
    /** How it differs. */
    public enum Kind {
      /** The spec no longer sets it; the API still holds it. */
      KEPT,
      /** The spec sets it; the API holds nothing there. */
      DROPPED,
      /** The API holds another value. */
      CHANGED
    }
  }

  private LiveComparison() {}

  public static Differences compare(DesiredIntegration desired, Optional<IntegrationView> live, Applied applied) {
    return compare(desired, live, applied, MeasuredBehaviour.ASSUMED);
  }

  /**
   * As above; a masked value also matches the form {@code measured} says this server shows (a
   * {@code doctor} profile), so an integration set up elsewhere with the same secrets is adopted
   * without a write even where the server's mask is not the documented one.
   */
  public static Differences compare(
      DesiredIntegration desired, Optional<IntegrationView> live, Applied applied, MeasuredBehaviour measured) {
    List<String> differences = new ArrayList<>();
    if (live.isEmpty()) {
      differences.add("integration not configured");
      return new Differences(differences);
    }
    desired.secretVersions().forEach((name, version) -> {
      if (!version.equals(applied.secretVersions().get(name))) {
        differences.add("Secret " + name + " changed since the last write");
      }
    });
    Map<String, Object> liveFields = live.get().fields();
    Map<String, Object> desiredFields = desired.payload().fields();
    for (FieldMapping field : desired.fields()) {
      String name = field.apiField();
      Object want = desiredFields.get(name);
      Object have = liveFields.get(name);
      boolean same;
      if (field.isSecret()) {
        Optional<String> mask = Optional.ofNullable(desired.secretRefs().get(name)).flatMap(ref -> applied.maskOf(name, ref));
        String measuredMask = want == null ? null
            : MaskPrediction.measured(measured.mask(desired.type(), name), (String) want);
        same = sameSecret(field.form(), (String) want, have, mask.orElse(null), measuredMask)
            // a field only we can know is set: written before, never shown, no longer wanted
            && !(want == null && field.form() == SecretForm.WRITE_ONLY && applied.fields().contains(name));
      } else {
        same = samePlain(want, have, desired.plainDefaults().get(name));
      }
      if (!same) {
        differences.add(name);
      }
    }
    return new Differences(differences);
  }

  /**
   * What the API's answer to a write lacks of what was sent: a plain field must read back as sent, a
   * secret field must be there (its mask format may be the server's own), a cleared field must be gone.
   */
  public static List<Mismatch> verify(DesiredIntegration desired, IntegrationView echoed) {
    List<Mismatch> mismatches = new ArrayList<>();
    Map<String, Object> desiredFields = desired.payload().fields();
    for (FieldMapping field : desired.fields()) {
      String name = field.apiField();
      Object want = desiredFields.get(name);
      Object have = echoed.fields().get(name);
      if (field.isSecret()) {
        if (want == null && isSet(have)) {
          mismatches.add(new Mismatch(name, Mismatch.Kind.KEPT));
        } else if (want != null && field.form() != SecretForm.WRITE_ONLY && !isSet(have)) {
          mismatches.add(new Mismatch(name, Mismatch.Kind.DROPPED));
        }
      } else if (!samePlain(want, have, desired.plainDefaults().get(name))) {
        Object absentMeans = desired.plainDefaults().get(name);
        Mismatch.Kind kind = normalise(want, absentMeans) == null ? Mismatch.Kind.KEPT
            : normalise(have, absentMeans) == null ? Mismatch.Kind.DROPPED : Mismatch.Kind.CHANGED;
        mismatches.add(new Mismatch(name, kind));
      }
    }
    return mismatches;
  }

  /**
   * The optional fields a write must clear explicitly: the spec does not set them, and the last
   * write set them or the project holds them.
   */
  public static Set<String> toClear(DesiredIntegration desired, Optional<IntegrationView> live, Applied applied) {
    Set<String> clear = new TreeSet<>();
    for (String name : desired.optionalFields()) {
      if (desired.payload().fields().containsKey(name)) {
        continue;
      }
      if (applied.fields().contains(name) || live.map(l -> isSet(l.fields().get(name))).orElse(false)) {
        clear.add(name);
      }
    }
    return clear;
  }

  /** The masked forms the API showed for the secret fields just written: what later reads are compared with. */
  public static List<MaskedSecret> masksShown(DesiredIntegration desired, IntegrationView echoed) {
    List<MaskedSecret> masks = new ArrayList<>();
    desired.secretRefs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Object shown = echoed.fields().get(e.getKey());
      Object sent = desired.payload().fields().get(e.getKey());
      // a value shown exactly as sent is not masked: it is compared with the Secret, never stored
      if (shown instanceof String s && !s.isEmpty() && !s.equals(sent)) {
        masks.add(new MaskedSecret(e.getKey(), e.getValue(), s));
      }
    });
    return masks;
  }

  /** Whether a plain field holds what the spec wants ({@code absentMeans} standing for an absent or empty value). */
  public static boolean samePlain(Object want, Object have, Object absentMeans) {
    Object w = normalise(want, absentMeans);
    Object h = normalise(have, absentMeans);
    return Objects.equals(w == null ? null : String.valueOf(w), h == null ? null : String.valueOf(h));
  }

  private static Object normalise(Object value, Object absentMeans) {
    if (value == null || (value instanceof String s && s.isEmpty())) {
      return absentMeans;
    }
    return value;
  }

  private static boolean isSet(Object value) {
    return value != null && !(value instanceof String s && s.isEmpty());
  }

  /**
   * Whether a secret field as the API shows it matches the desired value: through the documented mask,
   * or the mask recorded after the operator's own write; a hidden or write-only value only by presence.
   */
  public static boolean sameSecret(SecretForm form, String want, Object have, String recordedMask) {
    return sameSecret(form, want, have, recordedMask, null);
  }

  /** @param measuredMask how a {@code doctor} profile says this server shows {@code want}, or null */
  static boolean sameSecret(SecretForm form, String want, Object have, String recordedMask, String measuredMask) {
    boolean haveSet = isSet(have);
    if (want == null) {
      return !haveSet;
    }
    return switch (form) {
      case WRITE_ONLY -> true;
      case HIDDEN -> haveSet;
      case LAST_FOUR, URL -> haveSet
          && (have.equals(MaskPrediction.mask(form, want)) || have.equals(want) || have.equals(recordedMask)
              || have.equals(measuredMask));
    };
  }
}
