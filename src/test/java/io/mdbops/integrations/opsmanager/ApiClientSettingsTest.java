package io.mdbops.integrations.opsmanager;

import static io.mdbops.integrations.opsmanager.TestServers.PROJECT;
import static io.mdbops.integrations.opsmanager.TestServers.json;
import static io.mdbops.integrations.opsmanager.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.BuildInfo;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class ApiClientSettingsTest {

  @Test
  void defaults() {
    ApiClientSettings d = ApiClientSettings.defaults();
    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.callTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.userAgent()).isEqualTo(BuildInfo.userAgent());
    assertThat(d.maxIdleConnections()).isEqualTo(5);
    assertThat(d.keepAlive()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.itemsPerPage()).isEqualTo(100);
  }

  @Test
  void rejectsNonsense() {
    ApiClientSettings d = ApiClientSettings.defaults();
    assertThatThrownBy(() -> new ApiClientSettings(Duration.ZERO, d.readTimeout(), d.writeTimeout(),
        d.callTimeout(), d.userAgent(), 5, d.keepAlive(), 100, 0, Duration.ofSeconds(2), 1, Duration.ofMillis(200), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("connectTimeout must be positive");
    assertThatThrownBy(() -> new ApiClientSettings(d.connectTimeout(), d.readTimeout(),
        d.writeTimeout(), d.callTimeout(), " ", 5, d.keepAlive(), 100, 0, Duration.ofSeconds(2), 1, Duration.ofMillis(200), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiClientSettings(d.connectTimeout(), d.readTimeout(),
        d.writeTimeout(), d.callTimeout(), "ua", 5, d.keepAlive(), 501, 0, Duration.ofSeconds(2), 1, Duration.ofMillis(200), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("itemsPerPage must be within 1..500");
  }

  @Test
  void customUserAgentIsSentAndAThrowingListenerDoesNotBreakCalls() throws Exception {
    ApiClientSettings d = TestServers.fastSettings();
    ApiCallListener broken = new ApiCallListener() {
      @Override
      public void onCall(String m, Endpoint e, int s, Duration t) {
        throw new IllegalStateException("boom");
      }
    };
    try (MockWebServer server = TestServers.start();
        OkHttpIntegrationsApiFactory factory = new OkHttpIntegrationsApiFactory(
            new ApiClientSettings(d.connectTimeout(), d.readTimeout(), d.writeTimeout(),
                d.callTimeout(), "custom-agent/1", 1, d.keepAlive(), 100, 0, Duration.ofSeconds(2), 1, Duration.ofMillis(200), Duration.ofSeconds(2)), broken)) {
      server.enqueue(json(200, page(0)));

      assertThat(factory.create(TestServers.connection(server)).list(PROJECT)).isEmpty();
      assertThat(server.takeRequest().getHeaders().get("User-Agent")).isEqualTo("custom-agent/1");
    }
  }
}
