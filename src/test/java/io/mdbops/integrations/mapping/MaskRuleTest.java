package io.mdbops.integrations.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.simulator.SecretMask;
import io.mdbops.integrations.simulator.UrlMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules doctor recognises, written apart from the simulator that plays them (the oracle), say
 * the same as the simulator for every value: otherwise doctor would report a mode the simulator does
 * not play, and its tests would pass for the wrong reason.
 */
class MaskRuleTest {

  @ParameterizedTest
  @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "1234567890", "abcde", "abcd", "x",
      "https://hooks.example.com:8443/services/T0/B0/XyZ", "https://hooks.example.com/x?token=abc", "not a url"})
  void eachRuleShowsWhatTheSimulatorShows(String value) {
    assertThat(MaskRule.LAST_FOUR.apply(value)).isEqualTo(SecretMask.LAST_FOUR.mask(value));
    assertThat(MaskRule.FIXED_PREFIX.apply(value)).isEqualTo(SecretMask.FIXED_PREFIX.mask(value));
    assertThat(MaskRule.FULL.apply(value)).isEqualTo(SecretMask.FULL.mask(value));
    assertThat(MaskRule.HOST.apply(value)).isEqualTo(UrlMask.HOST.mask(value));
    assertThat(MaskRule.STARS.apply(value)).isEqualTo(UrlMask.STARS.mask(value));
    assertThat(MaskRule.LAST_FOUR.apply(value)).isEqualTo(UrlMask.LAST_FOUR.mask(value));
    assertThat(MaskRule.CLEAR.apply(value)).isEqualTo(value);
    assertThat(MaskRule.NOT_RETURNED.apply(value)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"last-four", "fixed-prefix", "host", "full", "stars", "clear", "not-returned"})
  void keysReadBack(String key) {
    assertThat(MaskRule.ofKey(key)).hasValueSatisfying(r -> assertThat(r.key()).isEqualTo(key));
    assertThat(MaskRule.ofKey(key.toUpperCase())).isPresent();
  }

  @Test
  void onlyRulesThatShowPartOfTheValueCanProveAMatch() {
    String a = "https://a.example.com/0123456789abcdef";
    String b = "https://b.example.com/0123456789abcdeX";
    for (MaskRule rule : MaskRule.values()) {
      boolean differs = !java.util.Objects.equals(rule.apply(a), rule.apply(b));
      assertThat(rule.revealsPartOfValue()).as(rule.key()).isEqualTo(differs);
    }
  }
}
