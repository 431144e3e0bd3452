package io.mdbops.integrations.opsmanager;

import com.burgstaller.okhttp.AuthenticationCacheInterceptor;
import com.burgstaller.okhttp.CachingAuthenticatorDecorator;
import com.burgstaller.okhttp.digest.CachingAuthenticator;
import com.burgstaller.okhttp.digest.Credentials;
import com.burgstaller.okhttp.digest.DigestAuthenticator;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Digest for one connection, with okhttp-digest: the first request is challenged, later ones
 * answer preemptively with the cached nonce ({@code nc} counting up); a {@code stale=true} 401 costs
 * one extra round trip. The guard in front of the library hands every other 401 back to the caller:
 * a 401 without a Digest challenge, and any exchange that was already answered twice.
 */
final class DigestAuth {

  /** Answers per exchange: the first challenge plus one stale-nonce retry. */
  static final int MAX_ANSWERS = 2;

  private DigestAuth() {}

  /** Adds the authenticator and the nonce cache of one key pair to a client being built. */
  static OkHttpClient.Builder install(
      OkHttpClient.Builder builder, String publicKey, String privateKey, ApiCallListener listener) {
    Map<String, CachingAuthenticator> cache = new ConcurrentHashMap<>();
    Authenticator digest =
        new CachingAuthenticatorDecorator(
            new DigestAuthenticator(new Credentials(publicKey, privateKey)), cache);
    return builder
        .authenticator(new Guard(digest, listener))
        .addInterceptor(new AuthenticationCacheInterceptor(cache));
  }

  private static final class Guard implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(DigestAuth.class);

    private final Authenticator digest;
    private final ApiCallListener listener;

    Guard(Authenticator digest, ApiCallListener listener) {
      this.digest = digest;
      this.listener = listener;
    }

    @Override
    public Request authenticate(Route route, Response response) throws IOException {
      if (response.code() != 401 || !hasDigestChallenge(response)) {
        return null; // surfaces as-is (401 → UNAUTHORIZED); proxies are not authenticated
      }
      try {
        listener.onDigestChallenge();
      } catch (RuntimeException e) {
        LOG.warn("ApiCallListener.onDigestChallenge failed: {}", e.getClass().getName());
      }
      if (answers(response) >= MAX_ANSWERS) {
        return null;
      }
      try {
        return digest.authenticate(route, response);
      } catch (RuntimeException e) {
        // e.g. an algorithm the JDK does not know; the library's message is not ours to forward
        throw new IOException("cannot answer the Digest challenge (" + e.getClass().getSimpleName() + ")");
      }
    }

    private static boolean hasDigestChallenge(Response response) {
      // the library only understands challenges that start with "Digest" (case-sensitive)
      return response.headers("WWW-Authenticate").stream().anyMatch(h -> h.startsWith("Digest "));
    }

    /** How many requests of this exchange already carried a Digest answer. */
    private static int answers(Response response) {
      int n = 0;
      for (Response r = response; r != null; r = r.priorResponse()) {
        String auth = r.request().header("Authorization");
        if (auth != null && auth.startsWith("Digest ")) {
          n++;
        }
      }
      return n;
    }
  }
}
