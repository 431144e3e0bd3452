package io.mdbops.integrations.opsmanager;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * OAuth 2 Bearer authentication for one connection, the service-account counterpart of {@link
 * DigestAuth}: every request carries the connection's current access token; a 401 to a request that
 * carried one gets the token renewed and the request sent again, once. A second 401 goes back to the
 * caller (the service account lacks access, or was deleted).
 */
final class ServiceAccountAuth {

  private static final String BEARER = "Bearer ";

  private ServiceAccountAuth() {}

  static OkHttpClient.Builder install(OkHttpClient.Builder builder, ServiceAccountTokens tokens) {
    return builder.addInterceptor(new BearerHeader(tokens)).authenticator(new RenewOnce(tokens));
  }

  /** Puts the current token on each request. */
  private record BearerHeader(ServiceAccountTokens tokens) implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      return chain.proceed(chain.request().newBuilder().header("Authorization", BEARER + tokens.token()).build());
    }
  }

  /** On a 401, renews the token that was refused and sends the request again, once per exchange. */
  private record RenewOnce(ServiceAccountTokens tokens) implements Authenticator {
    @Override
    public Request authenticate(Route route, Response response) throws IOException {
      String used = response.request().header("Authorization");
      if (response.code() != 401 || used == null || !used.startsWith(BEARER) || response.priorResponse() != null) {
        return null;
      }
      String renewed = tokens.renewAfter(used.substring(BEARER.length()));
      return response.request().newBuilder().header("Authorization", BEARER + renewed).build();
    }
  }
}
