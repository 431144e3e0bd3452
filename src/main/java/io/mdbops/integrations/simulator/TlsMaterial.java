package io.mdbops.integrations.simulator;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A throwaway CA and a server certificate it signed for {@code localhost} and {@code 127.0.0.1},
 * made at start; clients trust {@link #caCertificatePem()} (what a {@code ca.crt} would hold).
 */
final class TlsMaterial {

  private final HeldCertificate ca;
  private final HandshakeCertificates server;

  private TlsMaterial(HeldCertificate ca, HandshakeCertificates server) {
    this.ca = ca;
    this.server = server;
  }

  static TlsMaterial generate() {
    long validity = Duration.ofDays(1).toMillis();
    long now = System.currentTimeMillis();
    HeldCertificate ca = new HeldCertificate.Builder()
        .commonName("integrations-operator simulator CA")
        .certificateAuthority(0)
        .validityInterval(now - 60_000, now + validity)
        .build();
    HeldCertificate leaf = new HeldCertificate.Builder()
        .commonName("localhost")
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1")
        .validityInterval(now - 60_000, now + validity)
        .signedBy(ca)
        .build();
    HandshakeCertificates server = new HandshakeCertificates.Builder()
        .heldCertificate(leaf, ca.certificate())
        .build();
    return new TlsMaterial(ca, server);
  }

  SSLContext sslContext() {
    return server.sslContext();
  }

  String caCertificatePem() {
    return ca.certificatePem();
  }
}
