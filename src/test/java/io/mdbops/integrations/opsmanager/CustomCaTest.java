package io.mdbops.integrations.opsmanager;

import static io.mdbops.integrations.opsmanager.TestServers.PRIVATE_KEY;
import static io.mdbops.integrations.opsmanager.TestServers.PROJECT;
import static io.mdbops.integrations.opsmanager.TestServers.PUBLIC_KEY;
import static io.mdbops.integrations.opsmanager.TestServers.json;
import static io.mdbops.integrations.opsmanager.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mdbops.integrations.opsmanager.ApiException.Kind;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS is always verified; a ca.crt bundle replaces the platform roots for its connection. */
class CustomCaTest {

  private static HeldCertificate ca;
  private static HeldCertificate otherCa;
  private static HeldCertificate serverCert;
  private static HeldCertificate wrongNameCert;

  private MockWebServer server;
  private OkHttpIntegrationsApiFactory factory;

  @BeforeAll
  static void certificates() {
    ca = new HeldCertificate.Builder().commonName("Test Root CA").certificateAuthority(0).ecdsa256()
        .build();
    otherCa = new HeldCertificate.Builder().commonName("Other CA").certificateAuthority(0).ecdsa256()
        .build();
    serverCert = new HeldCertificate.Builder().commonName("om").addSubjectAlternativeName("127.0.0.1")
        .signedBy(ca).ecdsa256().build();
    wrongNameCert = new HeldCertificate.Builder().commonName("om")
        .addSubjectAlternativeName("om.example.com").signedBy(ca).ecdsa256().build();
  }

  @BeforeEach
  void setUp() throws Exception {
    server = TestServers.start();
    factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), ApiCallListener.NOOP);
  }

  @AfterEach
  void tearDown() {
    factory.close();
    server.close();
  }

  @Test
  void serverSignedByTheBundledCaIsTrusted() throws Exception {
    serve(serverCert);
    server.enqueue(json(200, page(0)));

    assertThat(api(ca.certificatePem()).list(PROJECT)).isEmpty();
    assertThat(server.takeRequest().getHandshake()).isNotNull();
  }

  @Test
  void aBundleOfSeveralCertificatesTrustsEachOfThem() throws Exception {
    serve(serverCert);
    server.enqueue(json(200, page(0)));
    String bundle = "# other\n" + otherCa.certificatePem() + "\nsubject=Test Root CA\n" + ca.certificatePem();

    assertThat(api(bundle).list(PROJECT)).isEmpty();
  }

  @Test
  void anotherCaIsRefusedBeforeAnyRequest() {
    serve(serverCert);

    ApiException e = catchThrowableOfType(ApiException.class, () -> api(otherCa.certificatePem()).list(PROJECT));

    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.getMessage()).startsWith("GET integrations in project " + PROJECT + ": TLS failure, ");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void withoutBundleThePlatformRootsApplyAndAPrivateCaIsRefused() {
    serve(serverCert);

    ApiException e = catchThrowableOfType(ApiException.class, () -> api(null).list(PROJECT));

    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void hostnameIsVerifiedEvenWithATrustedCa() {
    serve(wrongNameCert);

    ApiException e = catchThrowableOfType(ApiException.class, () -> api(ca.certificatePem()).list(PROJECT));

    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.getMessage()).contains("TLS failure", "SSLPeerUnverifiedException");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void clientsWithDifferentTrustShareTheFactoryWithoutMixingUp() throws Exception {
    serve(serverCert);
    server.enqueue(json(200, page(0)));
    IntegrationsApi trusting = api(ca.certificatePem());
    IntegrationsApi distrusting = api(otherCa.certificatePem());

    assertThat(trusting.list(PROJECT)).isEmpty();
    // the pooled connection of the trusting client must not be reused by the other one
    assertThat(catchThrowableOfType(ApiException.class, () -> distrusting.list(PROJECT)).kind())
        .isEqualTo(Kind.TRANSPORT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "   \n",
    "not a certificate at all",
    "-----BEGIN CERTIFICATE-----\nTUlJQ2RqQ0NBZDhDQVFFd0RRWUpLb1pJaHZjTkFRRUZCUUF3Z1lNeEN6QUpCZ05W\n-----END CERTIFICATE-----\n",
    "-----BEGIN CERTIFICATE-----\n!!!! not base64 !!!!\n-----END CERTIFICATE-----\n",
    "-----BEGIN RSA PRIVATE KEY-----\nTUlJQ2RqQ0NBZDhDQVFFd0RRWUpL\n-----END RSA PRIVATE KEY-----\n",
  })
  void invalidBundleFailsClientCreationWithoutQuotingIt(String pem) {
    assertThatThrownBy(() -> api(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ca.crt is not a valid PEM certificate bundle")
        .hasNoCause()
        .satisfies(e -> {
          assertThat(e.getMessage()).doesNotContain("BEGIN", "TUlJ", "!!!!", "not a certificate");
        });
  }

  @Test
  void unterminatedBlockAfterAValidOneIsInvalid() {
    String pem = ca.certificatePem() + "-----BEGIN CERTIFICATE-----\nTUlJQ2Rq\n";
    assertThatThrownBy(() -> api(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ca.crt is not a valid PEM certificate bundle (a certificate block is not terminated)");
  }

  private void serve(HeldCertificate cert) {
    HandshakeCertificates serverTls =
        new HandshakeCertificates.Builder().heldCertificate(cert, ca.certificate()).build();
    server.useHttps(serverTls.sslSocketFactory());
  }

  private IntegrationsApi api(String caPem) {
    return factory.create(
        new ApiConnection(TestServers.baseUri(server, "https"), PUBLIC_KEY, PRIVATE_KEY, caPem));
  }
}
