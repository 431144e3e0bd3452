package io.mdbops.integrations.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsTest {

  static ApiSimulator sim;
  static String project;

  @BeforeAll
  static void start() {
    sim = ApiSimulator.start(SimulatorOptions.builder().tls(true).build());
    project = sim.addProject();
    sim.addApiKey(SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void servesHttpsWithACertificateSignedByTheExposedCa() {
    assertThat(sim.baseUrl()).matches("https://127\\.0\\.0\\.1:\\d+");
    assertThat(sim.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");

    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      try (SimulatorClient api = trusting(sim.caCertificatePem(), "https://" + host + ":" + sim.port())) {
        assertThat(api.put(SimFixture.path(project, "SLACK"), TypeCase.of("SLACK").body()).code()).isEqualTo(200);
        Reply list = api.get(SimFixture.path(project, null));
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.json().at("/links/0/href").asText()).startsWith("https://" + host + ":");
      }
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCaIsRefused() {
    try (SimulatorClient api = SimulatorClient.digest(sim.baseUrl(), SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY)) {
      assertThatThrownBy(() -> api.get(SimFixture.path(project, null)))
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void plainHttpHasNoCa() {
    try (ApiSimulator http = ApiSimulator.start(SimulatorOptions.defaults())) {
      assertThat(http.baseUrl()).startsWith("http://127.0.0.1:");
      assertThatThrownBy(http::caCertificatePem).isInstanceOf(IllegalStateException.class);
    }
  }

  static SimulatorClient trusting(String caPem, String baseUrl) {
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(Certificates.decodeCertificatePem(caPem))
        .build();
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
    return SimulatorClient.digest(baseUrl, SimFixture.PUBLIC_KEY, SimFixture.PRIVATE_KEY, builder);
  }
}
