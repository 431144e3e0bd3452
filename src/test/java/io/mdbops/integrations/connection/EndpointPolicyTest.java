package io.mdbops.integrations.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The base URL check, on hostile inputs, without any network access (names are never resolved). */
class EndpointPolicyTest {

  final EndpointPolicy policy = new EndpointPolicy(List.of(
      URI.create("https://cloud.mongodb.com"),
      URI.create("https://om.example.com:8443/opsmanager"),
      URI.create("http://127.0.0.1:9000")));

  @ParameterizedTest
  @CsvSource({
      "https://cloud.mongodb.com, https://cloud.mongodb.com",
      "https://cloud.mongodb.com/, https://cloud.mongodb.com",
      "HTTPS://Cloud.MongoDB.com, https://cloud.mongodb.com",
      "https://cloud.mongodb.com:443, https://cloud.mongodb.com:443",
      "https://om.example.com:8443/opsmanager, https://om.example.com:8443/opsmanager",
      "https://om.example.com:8443/opsmanager/, https://om.example.com:8443/opsmanager",
      "https://om.example.com:8443/opsmanager/eu, https://om.example.com:8443/opsmanager/eu",
      "http://127.0.0.1:9000, http://127.0.0.1:9000"})
  void allowedEndpointsPassNormalised(String given, String normalised) throws Exception {
    assertThat(policy.check(given)).isEqualTo(URI.create(normalised));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://evil.example.com",
      "https://cloud.mongodb.com.evil.example.com",
      "https://cloud.mongodb.com.",
      "https://cloud.mongodb.com:444",
      "https://om.example.com:8443/opsmanager-evil",
      "https://om.example.com:8443",
      "https://om.example.com/opsmanager",
      "https://169.254.169.254",
      "https://[::1]:9000",
      "https://127.0.0.1:9000",
      "http://127.0.0.1:9001",
      "https://xn--cloud-mongodb-com",
      "https://[fe80::1]"})
  void endpointsNotOnTheListAreRefused(String url) {
    assertRefused(url, ConditionReason.EndpointNotAllowed);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.1/",
      "http://192.168.1.1",
      "http://cloud.mongodb.com",
      "http://metadata.google.internal",
      "http://0177.0.0.1/",
      "http://2130706433/",
      "http://[::ffff:169.254.169.254]/",
      "http://127.0.0.1.nip.io:9000"})
  void plainHttpOnlyEverGoesToLoopback(String url) {
    assertRefused(url, ConditionReason.EndpointNotAllowed);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://user:password@cloud.mongodb.com",
      "https://cloud.mongodb.com@evil.example.com",
      "https://cloud.mongodb.com?x=1",
      "https://cloud.mongodb.com#@evil.example.com",
      "ftp://cloud.mongodb.com",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "jar:https://cloud.mongodb.com!/x",
      "gopher://cloud.mongodb.com:70/",
      "//cloud.mongodb.com",
      "cloud.mongodb.com",
      "https://clоud.mongodb.com",
      "https://cloud.mongodb.com\\n.evil",
      "https://",
      "",
      "https://[::1",
      "http://1.2.3.4.5/"})
  void malformedOrDisguisedUrlsAreInvalid(String url) {
    assertRefused(url, ConditionReason.ConnectionInvalid);
  }

  @ParameterizedTest
  @CsvSource({"localhost, true", "127.0.0.1, true", "127.255.0.9, true", "[::1], true", "::1, true",
      "10.0.0.1, false", "0177.0.0.1, false", "2130706433, false", "127.0.0.1.nip.io, false",
      "256.0.0.1, false", "[::ffff:169.254.169.254], false", "example.com, false"})
  void loopbackIsDecidedFromTheTextAlone(String host, boolean loopback) {
    assertThat(EndpointPolicy.isLoopback(host)).isEqualTo(loopback);
  }

  private void assertRefused(String url, ConditionReason reason) {
    assertThatThrownBy(() -> policy.check(url))
        .isInstanceOfSatisfying(ConnectionUnavailableException.class, e -> {
          assertThat(e.reason()).as(url).isEqualTo(reason);
          assertThat(e.getMessage()).doesNotContain("password");
        });
  }

  /** plan's policy: the user's own connections, any well-formed endpoint, still no plain http off loopback. */
  @Test
  void anyWellFormedTakesEveryHttpsEndpointButNoPlainHttpElsewhere() throws Exception {
    EndpointPolicy any = EndpointPolicy.anyWellFormed();
    assertThat(any.check("https://opsmanager.example.com:8443/")).isEqualTo(URI.create("https://opsmanager.example.com:8443"));
    assertThat(any.check("http://127.0.0.1:8090")).isEqualTo(URI.create("http://127.0.0.1:8090"));
    assertThatThrownBy(() -> any.check("http://opsmanager.example.com"))
        .isInstanceOfSatisfying(ConnectionUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(ConditionReason.EndpointNotAllowed));
    assertThatThrownBy(() -> any.check("https://user:pw@example.com")).isInstanceOf(ConnectionUnavailableException.class);
  }
}
