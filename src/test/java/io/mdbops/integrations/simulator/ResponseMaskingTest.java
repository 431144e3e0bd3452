package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.ResponseMasking.Rule.FULL;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.LAST_FOUR;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.NONE;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.URL;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.WRITE_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseMaskingTest {

  @ParameterizedTest
  @CsvSource({
      "1234567890, ******7890",
      "12345, *2345",
      "1234, ****",
      "ab, **",
      "a, *",
      "'', ''"})
  void lastFourKeepsTheLastFourOfLongerValuesOnly(String value, String masked) {
    assertThat(ResponseMasking.apply(LAST_FOUR, value)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({
      "https://hooks.example.com/services/T000/B000/XXXX, https://hooks.example.com/****",
      "https://hooks.example.com, https://hooks.example.com/****",
      "http://10.0.0.7:8080/hook?token=abc, http://10.0.0.7:8080/****",
      "https://user:pass@hooks.example.com/x, https://hooks.example.com/****",
      "not a url at all, ****"})
  void urlsKeepSchemeHostAndPortOnly(String value, String masked) {
    assertThat(ResponseMasking.apply(URL, value)).isEqualTo(masked);
  }

  @Test
  void fullAndWriteOnlyAndNone() {
    assertThat(ResponseMasking.apply(FULL, "x")).isEqualTo("******");
    assertThat(ResponseMasking.apply(FULL, "a much longer secret")).isEqualTo("******");
    assertThat(ResponseMasking.apply(WRITE_ONLY, "secret")).isNull();
    assertThat(ResponseMasking.apply(NONE, "plain")).isEqualTo("plain");
  }

  @ParameterizedTest
  @CsvSource({
      "LAST_FOUR, ******7890, true",
      "LAST_FOUR, *7890, true",
      "LAST_FOUR, ****, true",
      "LAST_FOUR, 1234567890, false",
      "LAST_FOUR, *abc, false",
      "LAST_FOUR, ab**cdef, false",
      "FULL, ******, true",
      "FULL, ***, false",
      "FULL, s3cret, false",
      "URL, https://hooks.example.com/****, true",
      "URL, https://hooks.example.com/a/****, false",
      "URL, https://hooks.example.com/services/T000, false",
      "NONE, ******7890, false",
      "WRITE_ONLY, ******, false"})
  void recognisesWhatMaskingProduces(ResponseMasking.Rule rule, String value, boolean masked) {
    assertThat(ResponseMasking.isMaskOutput(rule, value)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({
      "LAST_FOUR, 1234567890, ******7890",
      "LAST_FOUR, abc, ***",
      "FIXED_PREFIX, 1234567890, ******7890",
      "FIXED_PREFIX, 0123456789abcdef0123456789abcdef, ******cdef",
      "FIXED_PREFIX, 12345, ******2345",
      "FIXED_PREFIX, abc, **********",
      "FULL, 1234567890, ******",
      "FULL, abc, ******"})
  void secretFormats(SecretMask format, String value, String masked) {
    ResponseMasking.Formats formats = new ResponseMasking.Formats(UrlMask.HOST, format);

    assertThat(ResponseMasking.apply(formats, LAST_FOUR, value)).isEqualTo(masked);
    assertThat(ResponseMasking.isMaskOutput(formats, LAST_FOUR, masked)).isTrue();
    assertThat(ResponseMasking.isMaskOutput(formats, LAST_FOUR, value)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "HOST, https://hooks.example.com/services/T000, https://hooks.example.com/****",
      "STARS, https://hooks.example.com/services/T000, ****",
      "LAST_FOUR, https://hooks.example.com/services/T000, ***********************************T000"})
  void urlFormats(UrlMask format, String value, String masked) {
    ResponseMasking.Formats formats = new ResponseMasking.Formats(format, SecretMask.LAST_FOUR);

    assertThat(ResponseMasking.apply(formats, URL, value)).isEqualTo(masked);
    assertThat(ResponseMasking.isMaskOutput(formats, URL, masked)).isTrue();
    assertThat(ResponseMasking.isMaskOutput(formats, URL, value)).isFalse();
  }

  @Test
  void anEmptyValueIsNeverShownAsStars() {
    for (UrlMask url : UrlMask.values()) {
      for (SecretMask secret : SecretMask.values()) {
        ResponseMasking.Formats formats = new ResponseMasking.Formats(url, secret);
        for (ResponseMasking.Rule rule : List.of(LAST_FOUR, FULL, URL, NONE)) {
          assertThat(ResponseMasking.apply(formats, rule, "")).as(rule + " " + formats).isEmpty();
        }
      }
    }
  }

  @Test
  void viewMasksByFieldAndDropsWriteOnlyFields() {
    TypeSchema prometheus = TypeSchemas.of("PROMETHEUS").orElseThrow();
    Map<String, Object> stored = Map.of("type", "PROMETHEUS", "username", "u", "password", "p4ssw0rd",
        "tlsPemPassword", "abcdefgh", "enabled", true);

    assertThat(ResponseMasking.view(prometheus, stored))
        .isEqualTo(Map.of("type", "PROMETHEUS", "username", "u", "tlsPemPassword", "****efgh", "enabled", true));
  }
}
