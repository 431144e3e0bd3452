package io.mdbops.integrations.doctor;

import io.mdbops.integrations.mapping.MaskRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a read showed a secret or URL field doctor sent: the {@link MaskRule} that turns the value
 * sent into exactly what was shown, or, when none does, the shape of what was shown (counts and
 * positions only: never a character of either value).
 *
 * @param rule the rule that fits, if one does
 * @param shape for no rule: the shape seen
 */
record MaskReading(Optional<MaskRule> rule, String shape) {

  /** The order rules are tried in: the value-revealing ones first, so {@code clear} never hides a mask. */
  private static final List<MaskRule> ORDER = List.of(MaskRule.LAST_FOUR, MaskRule.FIXED_PREFIX, MaskRule.HOST,
      MaskRule.FULL, MaskRule.STARS, MaskRule.CLEAR, MaskRule.NOT_RETURNED);

  /** @param shown what the read showed; null when the field was left out */
  static MaskReading of(String sent, Object shown) {
    String text = shown == null ? null : String.valueOf(shown);
    for (MaskRule rule : ORDER) {
      if (Objects.equals(rule.apply(sent), text)) {
        return new MaskReading(Optional.of(rule), null);
      }
    }
    return new MaskReading(Optional.empty(), shape(sent, text));
  }

  /** As the profile writes it: {@code last-four: the last 4 characters kept, …} or {@code other: …}. */
  String profileText() {
    return rule.map(r -> r.key() + ": " + r.description()).orElse("other: " + shape);
  }

  private static String shape(String sent, String shown) {
    if (shown.isEmpty()) {
      return "shown as an empty value";
    }
    int stars = 0;
    while (stars < shown.length() && shown.charAt(stars) == '*') {
      stars++;
    }
    int visible = shown.length() - stars;
    if (stars > 0 && visible > 0 && sent.endsWith(shown.substring(stars))) {
      return stars + " '*' then the last " + visible + " characters";
    }
    int firstStar = shown.indexOf('*');
    if (firstStar > 0 && sent.startsWith(shown.substring(0, firstStar))) {
      return "the first " + firstStar + " characters then " + (shown.length() - firstStar) + " more";
    }
    if (visible == 0) {
      return shown.length() + " '*'";
    }
    return "a " + shown.length() + "-character value unlike the one sent";
  }
}
