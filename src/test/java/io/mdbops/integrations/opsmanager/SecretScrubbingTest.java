package io.mdbops.integrations.opsmanager;

import static io.mdbops.integrations.opsmanager.TestServers.PRIVATE_KEY;
import static io.mdbops.integrations.opsmanager.TestServers.PROJECT;
import static io.mdbops.integrations.opsmanager.TestServers.PUBLIC_KEY;
import static io.mdbops.integrations.opsmanager.TestServers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mdbops.integrations.opsmanager.ApiException.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets the server echoes back never reach an exception or a log line. */
class SecretScrubbingTest {

  private static final String SERVICE_KEY = "pd-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String WEBHOOK_URL = "https://hooks.example.com/services/T0/B0/s3cr3t token";
  private static final List<String> SECRETS = List.of(SERVICE_KEY, WEBHOOK_URL, PRIVATE_KEY,
      URLEncoder.encode(WEBHOOK_URL, StandardCharsets.UTF_8));

  private MockWebServer server;
  private OkHttpIntegrationsApiFactory factory;
  private IntegrationsApi api;
  private ClientLogCapture logs;

  @BeforeEach
  void setUp() throws Exception {
    logs = new ClientLogCapture();
    server = TestServers.start();
    factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), ApiCallListener.NOOP);
    api = factory.create(TestServers.connection(server));
  }

  @AfterEach
  void tearDown() {
    factory.close();
    server.close();
    logs.close();
    assertThat(logs.all()).allSatisfy(line -> assertNoSecret(line));
  }

  @Test
  void echoedSecretsAreRedactedFromMessageDetailParametersAndCode() {
    server.enqueue(json(400, "{\"detail\":\"Invalid serviceKey " + SERVICE_KEY + " for key "
        + PRIVATE_KEY + " and url " + WEBHOOK_URL + "\",\"error\":400,"
        + "\"errorCode\":\"BAD_" + SERVICE_KEY + "\","
        + "\"parameters\":[\"" + SERVICE_KEY + "\",{\"k\":\"" + PRIVATE_KEY + "\"},\""
        + URLEncoder.encode(WEBHOOK_URL, StandardCharsets.UTF_8) + "\",\"" + PUBLIC_KEY + "\"],"
        + "\"reason\":\"Bad Request\"}"));

    ApiException e = putFails();

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.detail()).isEqualTo(
        "Invalid serviceKey <redacted> for key <redacted> and url <redacted>");
    assertThat(e.errorCode()).isEqualTo("BAD_<redacted>");
    assertThat(e.parameters())
        .containsExactly("<redacted>", "{\"k\":\"<redacted>\"}", "<redacted>", PUBLIC_KEY);
    assertThat(e.getMessage()).contains("<redacted>");
    assertNoSecret(e);
    assertThat(logs.all()).as("the capture sees our log lines").isNotEmpty();
  }

  @Test
  void secretInTheReasonOrTheRedirectLocationIsRedacted() {
    server.enqueue(json(418, "{\"reason\":\"teapot " + SERVICE_KEY + "\"}"));
    server.enqueue(new MockResponse.Builder().code(301)
        .setHeader("Location", "https://elsewhere.example.com/" + PRIVATE_KEY + "/x?k=" + SERVICE_KEY)
        .build());

    ApiException reason = putFails();
    ApiException redirect = putFails();

    assertThat(reason.getMessage()).endsWith("HTTP 418 teapot <redacted>");
    assertThat(redirect.getMessage())
        .contains("redirected to https://elsewhere.example.com/<redacted>/x;");
    assertNoSecret(reason);
    assertNoSecret(redirect);
  }

  @Test
  void secretInATransportErrorIsRedacted() {
    // okhttp-digest quotes a nonce-less challenge header in its IOException message
    server.enqueue(new MockResponse.Builder().code(401)
        .setHeader("WWW-Authenticate", "Digest realm=\"" + SERVICE_KEY + "\", opaque=\"" + PRIVATE_KEY + "\"")
        .build());

    ApiException e = putFails();

    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.getMessage()).contains("<redacted>");
    assertNoSecret(e);
  }

  @Test
  void scrubberReplacesLongestFirstAndKeepsNulls() {
    Scrubber s = Scrubber.of(List.of("abc", "abcdef")).plus(Set.of("", "xyz"));
    assertThat(s.scrub("1abcdef2abc3xyz")).isEqualTo("1<redacted>2<redacted>3<redacted>");
    assertThat(s.scrub(null)).isNull();
    assertThat(s.scrub("0123456789abcdef", 5)).isEqualTo("01234...");
    // scrubbing happens before shortening: no half secret survives the cut
    assertThat(s.scrub("01abcdef", 4)).isEqualTo("01<r...");
  }

  @Test
  void payloadAndConnectionDoNotPrintSecrets() {
    assertNoSecret(payload().toString());
    assertNoSecret(TestServers.connection(server).toString());
  }

  private ApiException putFails() {
    return catchThrowableOfType(ApiException.class, () -> api.put(PROJECT, payload()));
  }

  private static IntegrationPayload payload() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("serviceKey", SERVICE_KEY);
    fields.put("url", WEBHOOK_URL);
    fields.put("region", "US");
    return new IntegrationPayload("PAGER_DUTY", fields, Set.of("serviceKey", "url"));
  }

  private static void assertNoSecret(ApiException e) {
    List<String> texts = new ArrayList<>(e.parameters());
    texts.add(e.getMessage());
    texts.add(e.toString());
    texts.add(e.detail());
    texts.add(e.errorCode());
    texts.forEach(SecretScrubbingTest::assertNoSecret);
    assertThat(e.getCause()).isNull();
  }

  private static void assertNoSecret(String text) {
    if (text == null) {
      return;
    }
    for (String secret : SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
    assertThat(text).doesNotContain("s3cr3t");
  }
}
