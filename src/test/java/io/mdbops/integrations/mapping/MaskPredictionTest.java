package io.mdbops.integrations.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.simulator.ResponseMasking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskPredictionTest {

  @Test
  void lastFourMatchesTheDocumentedExample() {
    // the API page: "apiToken": "1234567890" comes back as "******7890"
    assertThat(MaskPrediction.mask(SecretForm.LAST_FOUR, "1234567890")).isEqualTo("******7890");
  }

  @Test
  void shortValuesAreAllStars() {
    assertThat(MaskPrediction.mask(SecretForm.LAST_FOUR, "abcd")).isEqualTo("****");
    assertThat(MaskPrediction.mask(SecretForm.LAST_FOUR, "abcde")).isEqualTo("*bcde");
  }

  @Test
  void urlsKeepSchemeHostAndPortOnly() {
    assertThat(MaskPrediction.mask(SecretForm.URL, "https://hooks.example.com/services/T0/B0/XyZ"))
        .isEqualTo("https://hooks.example.com/****");
    assertThat(MaskPrediction.mask(SecretForm.URL, "https://hooks.example.com:8443/x?token=abc"))
        .isEqualTo("https://hooks.example.com:8443/****");
  }

  @Test
  void urlUserInfoNeverSurvivesMasking() {
    assertThat(MaskPrediction.mask(SecretForm.URL, "https://user:hunter2@hooks.example.com/x"))
        .isEqualTo("https://hooks.example.com/****")
        .doesNotContain("hunter2");
  }

  @Test
  void aValueThatIsNotAUrlIsMaskedWhole() {
    assertThat(MaskPrediction.mask(SecretForm.URL, "not a url")).isEqualTo("****");
  }

  /**
   * The operator's prediction and the simulator's masking are written apart on purpose (the
   * simulator is the test oracle), so this keeps them saying the same for the documented rules:
   * otherwise every end-to-end test would pass or fail for the wrong reason.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1234567890", "abcd", "abcde", "x", "https://hooks.example.com/services/T0/B0/XyZ",
      "https://hooks.example.com:8443/x?token=abc", "https://user:pw@hooks.example.com/x", "not a url",
      "http://[::1]:9/p", "mailto:someone@example.com"})
  void agreesWithTheSimulatorsDefaultMasking(String value) {
    assertThat(MaskPrediction.mask(SecretForm.LAST_FOUR, value))
        .isEqualTo(ResponseMasking.apply(ResponseMasking.Rule.LAST_FOUR, value));
    assertThat(MaskPrediction.mask(SecretForm.URL, value))
        .isEqualTo(ResponseMasking.apply(ResponseMasking.Rule.URL, value));
  }

  @Test
  void hiddenFormsHaveNoComparableMask() {
    assertThat(MaskPrediction.mask(SecretForm.HIDDEN, "s3cret")).isNull();
    assertThat(MaskPrediction.mask(SecretForm.WRITE_ONLY, "s3cret")).isNull();
  }

  @Test
  void aShownValueIsReadWithoutKnowingTheServersMaskRule() {
    String key = "1234567890";
    assertThat(MaskPrediction.read("******7890", key)).isEqualTo(MaskPrediction.Reading.MATCHES);
    assertThat(MaskPrediction.read("****7890", key)).as("another number of stars").isEqualTo(MaskPrediction.Reading.MATCHES);
    assertThat(MaskPrediction.read("******7891", key)).isEqualTo(MaskPrediction.Reading.DIFFERS);
    assertThat(MaskPrediction.read("******", key)).as("all stars say nothing").isEqualTo(MaskPrediction.Reading.HIDDEN);
    assertThat(MaskPrediction.read(key, key)).as("not masked at all").isEqualTo(MaskPrediction.Reading.MATCHES);
    assertThat(MaskPrediction.read("123456789", key)).isEqualTo(MaskPrediction.Reading.DIFFERS);
    String url = "https://hooks.example.com/services/T0/B0/XyZ";
    assertThat(MaskPrediction.read("https://hooks.example.com/****", url)).isEqualTo(MaskPrediction.Reading.MATCHES);
    assertThat(MaskPrediction.read("https://other.example.com/****", url)).isEqualTo(MaskPrediction.Reading.DIFFERS);
    assertThat(MaskPrediction.read("*******************************************XyZ", url))
        .isEqualTo(MaskPrediction.Reading.MATCHES);
    assertThat(MaskPrediction.read("**7890", "90")).as("shorter than what is shown").isEqualTo(MaskPrediction.Reading.DIFFERS);
  }
}
