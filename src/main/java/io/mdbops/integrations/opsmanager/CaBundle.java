package io.mdbops.integrations.opsmanager;

import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

/** A PEM bundle of CA certificates that, alone, is trusted for one connection. */
public final class CaBundle {

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final Pattern BLOCK =
      Pattern.compile(Pattern.quote(BEGIN) + "[\\s\\S]*?-----END CERTIFICATE-----");
  private static final String INVALID = "ca.crt is not a valid PEM certificate bundle";

  private CaBundle() {}

  /**
   * Trust material holding exactly the certificates of the bundle (no platform roots).
   *
   * @throws IllegalArgumentException when the bundle holds no certificate or a block is broken;
   *     the message never quotes the PEM
   */
  public static HandshakeCertificates trustOnly(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException(INVALID + " (it is empty)");
    }
    HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder();
    Matcher m = BLOCK.matcher(pem);
    int found = 0;
    while (m.find()) {
      found++;
      X509Certificate cert;
      try {
        cert = Certificates.decodeCertificatePem(m.group());
      } catch (Exception e) { // Kotlin code: may throw checked CertificateException undeclared
        throw new IllegalArgumentException(INVALID + " (certificate " + found + " cannot be decoded)");
      }
      trust.addTrustedCertificate(cert);
    }
    int begins = countBegins(pem);
    if (found == 0) {
      throw new IllegalArgumentException(INVALID + " (no certificate found)");
    }
    if (begins != found) {
      throw new IllegalArgumentException(INVALID + " (a certificate block is not terminated)");
    }
    return trust.build();
  }

  private static int countBegins(String pem) {
    int n = 0;
    for (int i = pem.indexOf(BEGIN); i >= 0; i = pem.indexOf(BEGIN, i + 1)) {
      n++;
    }
    return n;
  }
}
