package io.mdbops.integrations.simulator;

import java.util.Map;

/**
 * Told about every request the simulator answered, bodies included, after the answer was written:
 * for tests that check the traffic against a contract (MongoDB's OpenAPI spec). Never given the
 * {@code Authorization} header. Called on the serving thread; must be fast and must not throw.
 */
@FunctionalInterface
public interface ExchangeObserver {

  /**
   * One request and its answer.
   *
   * @param requestHeaders {@code Accept} and {@code Content-Type}, when sent
   * @param status the status sent; 0 when the connection was dropped without one
   * @param responseHeaders every header the simulator set, {@code Content-Type} included
   * @param responseBody the body bytes; empty when there was none
   */
  record Exchange(String method, String path, String rawQuery, Map<String, String> requestHeaders,
      byte[] requestBody, int status, Map<String, String> responseHeaders, byte[] responseBody) {}

  void observed(Exchange exchange);
}
