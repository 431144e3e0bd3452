package io.mdbops.integrations.opsmanager;

import static io.mdbops.integrations.opsmanager.TestServers.PROJECT;
import static io.mdbops.integrations.opsmanager.TestServers.connection;
import static io.mdbops.integrations.opsmanager.TestServers.error;
import static io.mdbops.integrations.opsmanager.TestServers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mdbops.integrations.opsmanager.ApiException.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification and messages of every failure, over real HTTP exchanges. */
class ApiErrorsTest {

  private MockWebServer server;
  private OkHttpIntegrationsApiFactory factory;
  private IntegrationsApi api;

  @BeforeEach
  void setUp() throws Exception {
    server = TestServers.start();
    factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), ApiCallListener.NOOP);
    api = factory.create(connection(server));
  }

  @AfterEach
  void tearDown() {
    factory.close();
    server.close();
  }

  @Test
  void badRequestCarriesCodeDetailAndParameters() {
    server.enqueue(json(400, "{\"detail\":\"At least one integration field is invalid.\",\"error\":400,"
        + "\"errorCode\":\"INTEGRATION_FIELDS_INVALID\",\"parameters\":[\"region\",7],"
        + "\"reason\":\"Bad Request\"}"));

    ApiException e = putFails();

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("INTEGRATION_FIELDS_INVALID");
    assertThat(e.detail()).isEqualTo("At least one integration field is invalid.");
    assertThat(e.parameters()).containsExactly("region", "7");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("PUT PAGER_DUTY in project " + PROJECT
        + ": HTTP 400 INTEGRATION_FIELDS_INVALID: At least one integration field is invalid.");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "401, USER_UNAUTHORIZED, UNAUTHORIZED",
    "401, NOT_IN_GROUP, UNAUTHORIZED",
    "403, IP_ADDRESS_NOT_ON_ACCESS_LIST, FORBIDDEN",
    "404, GROUP_NOT_FOUND, PROJECT_NOT_FOUND",
    "404, INVALID_GROUP_ID, PROJECT_NOT_FOUND",
    "404, NOT_IN_GROUP, PROJECT_NOT_FOUND",
    "404, ATLAS_GROUP, PROJECT_NOT_FOUND",
    "404, RESOURCE_NOT_FOUND, REJECTED",
    "404, INTEGRATION_NOT_CONFIGURED, REJECTED",
    "409, INTEGRATION_ALREADY_CONFIGURED, REJECTED",
    "410, VERSION_GONE, REJECTED",
    "429, RATE_LIMITED, RATE_LIMITED",
    "500, UNEXPECTED_ERROR, SERVER",
    "503, SERVICE_UNAVAILABLE, SERVER",
  })
  void statusAndErrorCodeDecideTheKind(int status, String errorCode, Kind kind) {
    server.enqueue(error(status, errorCode, "Something about " + errorCode + "."));

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.errorCode()).isEqualTo(errorCode);
    assertThat(e.retryable()).isEqualTo(kind.retryable());
    String key = status == 401 || status == 403 ? " (API key " + TestServers.PUBLIC_KEY + ")" : "";
    assertThat(e.getMessage()).isEqualTo("GET integrations in project " + PROJECT + ": HTTP "
        + status + " " + errorCode + ": Something about " + errorCode + "." + key);
  }

  @Test
  void rateLimitedWithRetryAfterSeconds() {
    server.enqueue(error(429, "RATE_LIMITED", "Resource is limited.").newBuilder()
        .setHeader("Retry-After", "55").build());

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.get(PROJECT, "SLACK"));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(55));
    assertThat(e.getMessage()).endsWith("HTTP 429 RATE_LIMITED: Resource is limited. (retry after 55 s)");
  }

  @Test
  void rateLimitedWithRetryAfterHttpDate() {
    String in2Minutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", in2Minutes).build());

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.get(PROJECT, "SLACK"));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).hasValueSatisfying(
        d -> assertThat(d).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
  }

  @Test
  void retryAfterParsing() {
    Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);
    assertThat(ApiErrors.parseRetryAfter("0", clock)).isEqualTo(Duration.ZERO);
    assertThat(ApiErrors.parseRetryAfter(" 120 ", clock)).isEqualTo(Duration.ofSeconds(120));
    assertThat(ApiErrors.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", clock))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(ApiErrors.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", clock))
        .isEqualTo(Duration.ZERO); // in the past
    assertThat(ApiErrors.parseRetryAfter("soon", clock)).isNull();
    assertThat(ApiErrors.parseRetryAfter("-5", clock)).isNull();
    assertThat(ApiErrors.parseRetryAfter("99999999999999999999999", clock)).isNull();
    assertThat(ApiErrors.parseRetryAfter(null, clock)).isNull();
  }

  @Test
  void rateLimitedWithoutUsableRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "soon").build());
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.get(PROJECT, "SLACK"));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void nonJsonErrorBodyIsNotQuoted() {
    server.enqueue(new MockResponse.Builder()
        .status("HTTP/1.1 503 Service Unavailable")
        .setHeader("Content-Type", "text/html")
        .body("<html><body><h1>503</h1>upstream says hi</body></html>")
        .build());

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.delete(PROJECT, "SLACK"));

    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.errorCode()).isNull();
    assertThat(e.detail()).isNull();
    assertThat(e.getMessage())
        .isEqualTo("DELETE SLACK in project " + PROJECT + ": HTTP 503 Service Unavailable");
  }

  @Test
  void emptyErrorBodyUsesTheStatusLine() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 500 Internal Server Error").build());
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.getMessage())
        .isEqualTo("GET integrations in project " + PROJECT + ": HTTP 500 Internal Server Error");
  }

  @Test
  void malformedAndOddJsonErrorBodiesAreTolerated() {
    server.enqueue(json(400, "{\"detail\": \"cut off"));
    server.enqueue(json(400, "[1,2]"));
    server.enqueue(json(409, "{\"errorCode\":{\"nested\":1},\"detail\":null,\"parameters\":\"x\"}"));

    for (int i = 0; i < 3; i++) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
      assertThat(e.kind()).isEqualTo(Kind.REJECTED);
      assertThat(e.errorCode()).isNull();
      assertThat(e.detail()).isNull();
      assertThat(e.parameters()).isEmpty();
    }
  }

  @Test
  void longDetailIsShortened() {
    server.enqueue(error(400, "INVALID_ATTRIBUTE", "x".repeat(5000)));
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
    assertThat(e.detail()).hasSizeLessThan(400);
    assertThat(e.getMessage()).hasSizeLessThan(500);
  }

  @Test
  void unreadableSuccessBodyIsAServerError() {
    server.enqueue(json(200, "not json"));
    server.enqueue(json(200, "{\"results\":{}}"));
    server.enqueue(json(200, "{\"results\":[{\"no\":\"type\"}]}"));

    for (String why : List.of("not valid JSON", "list response has no results array",
        "integration without a type")) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
      assertThat(e.kind()).isEqualTo(Kind.SERVER);
      assertThat(e.getMessage()).isEqualTo("GET integrations in project " + PROJECT
          + ": HTTP 200 with an unreadable response (" + why + ")");
    }
  }

  @Test
  void oversizedBodiesAreNotRead() {
    String huge = "{\"results\":[],\"pad\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";
    server.enqueue(json(200, huge));
    server.enqueue(json(400, huge));

    ApiException ok = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
    ApiException bad = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));

    assertThat(ok.kind()).isEqualTo(Kind.SERVER);
    assertThat(ok.getMessage()).endsWith("(body larger than 4194304 bytes)");
    assertThat(bad.kind()).isEqualTo(Kind.REJECTED);
    assertThat(bad.detail()).isNull();
  }

  @Test
  void redirectIsNotFollowedAndTheTargetGetsNothing() throws Exception {
    try (MockWebServer elsewhere = TestServers.start()) {
      String target = "http://127.0.0.1:" + elsewhere.getPort() + "/login?session=abc";
      server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", target).build());
      server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", target).build());

      ApiException get = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
      ApiException put = putFails();

      assertThat(get.kind()).isEqualTo(Kind.REJECTED);
      assertThat(get.httpStatus()).isEqualTo(302);
      assertThat(get.getMessage()).isEqualTo("GET integrations in project " + PROJECT
          + ": HTTP 302: the API endpoint redirected to http://127.0.0.1:" + elsewhere.getPort()
          + "/login; redirects are not followed, check the base URL");
      assertThat(put.kind()).isEqualTo(Kind.REJECTED);
      assertThat(put.httpStatus()).isEqualTo(307);
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void connectionRefusedIsTransport() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    IntegrationsApi closed = factory.create(new ApiConnection(
        URI.create("http://127.0.0.1:" + port), TestServers.PUBLIC_KEY, TestServers.PRIVATE_KEY, null));

    ApiException e = catchThrowableOfType(ApiException.class, () -> closed.list(PROJECT));

    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.retryable()).isTrue();
    assertThat(e.httpStatus()).isZero();
    assertThat(e.getCause()).isNull();
    assertThat(e.getMessage()).startsWith("GET integrations in project " + PROJECT + ": ConnectException");
  }

  @Test
  void readTimeoutIsTransport() {
    server.enqueue(json(200, "{}").newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
    long start = System.nanoTime();

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.get(PROJECT, "SLACK"));

    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.getMessage())
        .startsWith("GET SLACK in project " + PROJECT + ": SocketTimeoutException");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void connectionDroppedMidResponseIsTransport() {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .body("{\"results\":[")
        .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket())
        .build());
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
  }

  private ApiException putFails() {
    return catchThrowableOfType(ApiException.class, () -> api.put(PROJECT,
        new IntegrationPayload("PAGER_DUTY", Map.of("serviceKey", "k"), Set.of("serviceKey"))));
  }
}
