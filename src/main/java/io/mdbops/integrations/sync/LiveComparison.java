package io.mdbops.integrations.sync;

import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import io.mdbops.integrations.mapping.MaskPrediction;
import io.mdbops.integrations.mapping.SecretForm;
import io.mdbops.integrations.opsmanager.IntegrationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether the live integration differs from the desired one, without ever needing the live
 * secrets: a masked live value matches when masking the desired value the same way gives the same
 * string; a value the API never shows is judged by whether its Secret changed since the last
 * successful write.
 */
public final class LiveComparison {

  /** The live shape our own last write produced, for masks we do not know the rule of. */
  public record Echo(Map<String, Object> fields, Map<String, String> secretVersions) {}

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

  private LiveComparison() {}

  public static Differences compare(
      DesiredIntegration desired,
      Optional<IntegrationView> live,
      Map<String, String> appliedSecretVersions,
      Echo echo) {
    List<String> differences = new ArrayList<>();
    if (live.isEmpty()) {
      differences.add("integration not configured");
      return new Differences(differences);
    }
    desired.secretVersions().forEach((name, version) -> {
      if (!version.equals(appliedSecretVersions.get(name))) {
        differences.add("Secret " + name + " changed since the last write");
      }
    });
    Map<String, Object> liveFields = live.get().fields();
    Map<String, Object> desiredFields = desired.payload().fields();
    boolean echoValid = echo != null && echo.secretVersions().equals(desired.secretVersions());
    for (FieldMapping field : IntegrationFields.of(desired.type())) {
      String name = field.apiField();
      Object want = desiredFields.get(name);
      Object have = liveFields.get(name);
      boolean same = field.isSecret()
          ? sameSecret(field.form(), (String) want, have, echoValid ? echo.fields().get(name) : null)
          : samePlain(want, have, desired.plainDefaults().get(name));
      if (!same) {
        differences.add(name);
      }
    }
    return new Differences(differences);
  }

  static boolean samePlain(Object want, Object have, Object absentMeans) {
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

  static boolean sameSecret(SecretForm form, String want, Object have, Object echoed) {
    boolean haveSet = have != null && !(have instanceof String s && s.isEmpty());
    if (want == null) {
      return !haveSet;
    }
    return switch (form) {
      case WRITE_ONLY -> true;
      case HIDDEN -> haveSet;
      case LAST_FOUR, URL -> haveSet
          && (have.equals(MaskPrediction.mask(form, want)) || have.equals(want) || have.equals(echoed));
    };
  }
}
