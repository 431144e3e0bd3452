package io.mdbops.integrations.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void lastFourMatchesTheDocumentedExample() {
    // the API page: "apiToken": "1234567890" comes back as "******7890"
    assertThat(Masking.mask(SecretForm.LAST_FOUR, "1234567890")).isEqualTo("******7890");
  }

  @Test
  void shortValuesAreAllStars() {
    assertThat(Masking.mask(SecretForm.LAST_FOUR, "abcd")).isEqualTo("****");
    assertThat(Masking.mask(SecretForm.LAST_FOUR, "abcde")).isEqualTo("*bcde");
  }

  @Test
  void urlsKeepSchemeHostAndPortOnly() {
    assertThat(Masking.mask(SecretForm.URL, "https://hooks.example.com/services/T0/B0/XyZ"))
        .isEqualTo("https://hooks.example.com/****");
    assertThat(Masking.mask(SecretForm.URL, "https://hooks.example.com:8443/x?token=abc"))
        .isEqualTo("https://hooks.example.com:8443/****");
  }

  @Test
  void urlUserInfoNeverSurvivesMasking() {
    assertThat(Masking.mask(SecretForm.URL, "https://user:hunter2@hooks.example.com/x"))
        .isEqualTo("https://hooks.example.com/****")
        .doesNotContain("hunter2");
  }

  @Test
  void aValueThatIsNotAUrlIsMaskedWhole() {
    assertThat(Masking.mask(SecretForm.URL, "not a url")).isEqualTo("*********");
  }

  @Test
  void hiddenFormsHaveNoComparableMask() {
    assertThat(Masking.mask(SecretForm.HIDDEN, "s3cret")).isNull();
    assertThat(Masking.mask(SecretForm.WRITE_ONLY, "s3cret")).isNull();
  }
}
