package io.mdbops.integrations.opsmanager;

import com.burgstaller.okhttp.AuthenticationCacheInterceptor;
import com.burgstaller.okhttp.CachingAuthenticatorDecorator;
import com.burgstaller.okhttp.digest.CachingAuthenticator;
import com.burgstaller.okhttp.digest.Credentials;
import com.burgstaller.okhttp.digest.DigestAuthenticator;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
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
 *
 * <p>The docs only say a nonce is valid "for a short amount of time". A server that refuses every
 * reused nonce would see a refused answer (a failed authentication in its log) before each call's
 * challenge; after {@value NonceReuse#REFUSALS_TO_STOP} refusals in a row the connection stops
 * answering preemptively and answers each challenge instead, at the same two requests per call.
 */
final class DigestAuth {

  /** Answers per exchange: the first challenge plus one stale-nonce retry. */
  static final int MAX_ANSWERS = 2;

  private DigestAuth() {}

  /** Adds the authenticator and the nonce cache of one key pair to a client being built. */
  static OkHttpClient.Builder install(
      OkHttpClient.Builder builder, String publicKey, String privateKey, ApiCallListener listener) {
    return install(builder, publicKey, privateKey, listener, NoncePolicy.REUSE);
  }

  /**
   * As above; with {@link NoncePolicy#ANSWER_EACH_CHALLENGE} (a server measured to refuse reused
   * nonces) no request is answered preemptively from the start, so none is refused first.
   */
  static OkHttpClient.Builder install(OkHttpClient.Builder builder, String publicKey, String privateKey,
      ApiCallListener listener, NoncePolicy nonces) {
    Map<String, CachingAuthenticator> cache = new ConcurrentHashMap<>();
    Authenticator digest =
        new CachingAuthenticatorDecorator(
            new DigestAuthenticator(new Credentials(publicKey, privateKey)), cache);
    NonceReuse reuse = new NonceReuse(nonces == NoncePolicy.REUSE);
    return builder
        .authenticator(new Guard(digest, listener))
        .addInterceptor(new PreemptiveAnswers(new AuthenticationCacheInterceptor(cache), reuse));
  }

  /** Whether answering with a cached nonce works with this server. */
  static final class NonceReuse {
    static final int REFUSALS_TO_STOP = 2;
    private static final Logger LOG = LoggerFactory.getLogger(DigestAuth.class);

    private final AtomicInteger refusedInARow = new AtomicInteger();
    private volatile boolean stopped;

    /** @param allowed false when the server is known to refuse reused nonces */
    NonceReuse(boolean allowed) {
      this.stopped = !allowed;
    }

    boolean allowed() {
      return !stopped;
    }

    void refused() {
      if (refusedInARow.incrementAndGet() >= REFUSALS_TO_STOP && !stopped) {
        stopped = true;
        LOG.info("the API refuses reused Digest nonces; this connection answers each challenge instead");
      }
    }

    void accepted() {
      refusedInARow.set(0);
    }
  }

  /** Answers preemptively with the cached nonce while the server accepts that, and learns when it does not. */
  private static final class PreemptiveAnswers implements Interceptor {
    private final Interceptor cached;
    private final NonceReuse reuse;

    PreemptiveAnswers(Interceptor cached, NonceReuse reuse) {
      this.cached = cached;
      this.reuse = reuse;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      if (!reuse.allowed()) {
        return chain.proceed(chain.request());
      }
      Response response = cached.intercept(chain);
      Response first = response;
      while (first.priorResponse() != null) {
        first = first.priorResponse();
      }
      String auth = first.request().header("Authorization");
      if (auth != null && auth.startsWith("Digest ")) {
        if (first.code() == 401) {
          reuse.refused();
        } else {
          reuse.accepted();
        }
      }
      return response;
    }
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
