package io.mdbops.integrations.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {

  @Test
  void showsUpToFortyCharactersAndMarksTheCut() {
    assertThat(Quote.of("a".repeat(40))).isEqualTo("\"" + "a".repeat(40) + "\"");
    assertThat(Quote.of("a".repeat(41))).isEqualTo("\"" + "a".repeat(40) + "\"...");
    assertThat(Quote.of("")).isEqualTo("\"\"");
  }

  @Test
  void countsAndEscapesWholeCharactersNeverHalfASurrogatePair() {
    String emoji = "\uD83D\uDE00";

    assertThat(Quote.of("a".repeat(39) + emoji + "b")).isEqualTo("\"" + "a".repeat(39) + "\\u{1f600}\"...");
    assertThat(Quote.length(emoji.repeat(3))).isEqualTo(3);
  }

  @Test
  void escapesEverythingButPrintableAscii() {
    assertThat(Quote.of("\"\\\n\r\t\u0000\u007f\u00a0\u2028\u202e\ufeff"))
        .isEqualTo("\"\\\"\\\\\\n\\r\\t\\u0000\\u007f\\u00a0\\u2028\\u202e\\ufeff\"");
    assertThat(Quote.of("\uD800")).as("a lone surrogate").isEqualTo("\"\\ud800\"");
  }

  @Test
  void leavesPlainFieldNamesPlain() {
    assertThat(Quote.fieldName("pagerDuty")).isEqualTo("pagerDuty");
    assertThat(Quote.fieldName("pager-duty")).isEqualTo("\"pager-duty\"");
    assertThat(Quote.fieldName("a\nb")).isEqualTo("\"a\\nb\"");
  }
}
