package io.mdbops.integrations.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  static final Map<String, String> LABELS = Map.of("team", "payments", "tier", "gold", "pci", "");

  @Test
  void everyRequirementKindMatches() {
    assertThat(LabelSelector.parse("team=payments").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("team==payments,tier!=silver").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("pci,!legacy").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("tier in (gold, platinum)").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("tier notin (gold)").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("team=search").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("missing").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("team!=x,missing!=y").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("team=payments").test(null)).isFalse();
  }

  @Test
  void anEmptySelectorIsEmpty() {
    assertThat(LabelSelector.parse(" ").isEmpty()).isTrue();
  }

  @Test
  void nonsenseIsRefusedWithThePartNamed() {
    assertThatThrownBy(() -> LabelSelector.parse("team=payments,a b c"))
        .hasMessageContaining("'a b c' is not a label selector requirement");
    assertThatThrownBy(() -> LabelSelector.parse("tier in gold")).isInstanceOf(IllegalArgumentException.class);
  }
}
