package io.mdbops.integrations.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mdbops.integrations.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretDataTest {

  static Secret data(String key, String base64) {
    return new SecretBuilder().withNewMetadata().withName("s").endMetadata().withData(Map.of(key, base64)).build();
  }

  @Test
  void readsBase64DataAndDropsTheTrailingNewlineEchoLeaves() {
    assertThat(SecretData.read(data("k", Fixtures.base64("tok-123\n")), "k"))
        .isEqualTo(new SecretData.Value("tok-123"));
  }

  @Test
  void fallsBackToStringData() {
    Secret s = new SecretBuilder().withNewMetadata().withName("s").endMetadata()
        .withStringData(Map.of("k", "tok-456")).build();
    assertThat(SecretData.read(s, "k")).isEqualTo(new SecretData.Value("tok-456"));
  }

  @Test
  void namesEveryProblemWithoutTheValue() {
    assertThat(SecretData.read(data("other", Fixtures.base64("x")), "k")).isInstanceOf(SecretData.Missing.class);
    assertThat(SecretData.read(data("k", Fixtures.base64("  \n")), "k")).isInstanceOf(SecretData.Empty.class);
    assertThat(SecretData.read(data("k", "%%%not-base64"), "k")).isInstanceOf(SecretData.Undecodable.class);
    assertThat(SecretData.read(data("k", "/w=="), "k")).isEqualTo(new SecretData.Undecodable("is not valid UTF-8 text"));
    SecretData.Read twoLines = SecretData.read(data("k", Fixtures.base64("tok\nmore")), "k");
    assertThat(SecretData.problem(twoLines, "k")).contains("control characters").doesNotContain("tok");
  }

  @Test
  void multilineValuesAreAllowedWhereTheyAreExpected() {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    assertThat(SecretData.read(data("ca.crt", Fixtures.base64(pem)), "ca.crt", true)).isInstanceOf(SecretData.Value.class);
  }

  @Test
  void aValueNeverShowsInToString() {
    assertThat(new SecretData.Value("hunter2").toString()).doesNotContain("hunter2");
  }
}
