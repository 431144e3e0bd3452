package io.mdbops.integrations.opsmanager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Loopback-only mock servers and canned API responses. */
final class TestServers {

  static final String PROJECT = "5e2211c17a3e5a48f5497de3";
  static final String PUBLIC_KEY = "abcdefgh";
  static final String PRIVATE_KEY = "4d1f0c3a-2b7e-4f1e-9a55-c0ffee000001";

  private TestServers() {}

  static MockWebServer start() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  /**
   * MockWebServer writes headers and body separately; with Nagle on, every exchange on a reused
   * connection waits ~40 ms for the client's delayed ACK. TCP_NODELAY keeps the tests fast.
   */
  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket s = super.accept();
          s.setTcpNoDelay(true);
          return s;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress addr)
        throws IOException {
      throw new UnsupportedOperationException();
    }
  }

  static URI baseUri(MockWebServer server, String scheme) {
    return URI.create(scheme + "://127.0.0.1:" + server.getPort());
  }

  static ApiConnection connection(MockWebServer server) {
    return new ApiConnection(baseUri(server, "http"), PUBLIC_KEY, PRIVATE_KEY, null);
  }

  /** Short timeouts (yet long enough for a loaded 2-core CI machine) so failure tests stay fast; no retries and no request budget, so each enqueued response answers exactly one call. */
  static ApiClientSettings fastSettings() {
    ApiClientSettings d = ApiClientSettings.defaults();
    return new ApiClientSettings(
        Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(5),
        d.userAgent(), d.maxIdleConnections(), d.keepAlive(), d.itemsPerPage(), 0, Duration.ofSeconds(2), 1, Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse error(int code, String errorCode, String detail) {
    return json(code, "{\"detail\":\"" + detail + "\",\"error\":" + code + ",\"errorCode\":\""
        + errorCode + "\",\"parameters\":[],\"reason\":\"Some Reason\"}");
  }

  static String page(int totalCount, String... items) {
    return "{\"links\":[{\"href\":\"http://x/self\",\"rel\":\"self\"}],\"results\":["
        + String.join(",", items) + "],\"totalCount\":" + totalCount + "}";
  }
}
