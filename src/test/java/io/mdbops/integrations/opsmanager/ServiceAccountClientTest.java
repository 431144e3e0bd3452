package io.mdbops.integrations.opsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client with a service account (OAuth 2 client credentials) against the simulator's token
 * endpoint: one token per connection, kept until shortly before it expires, renewed once when the
 * API refuses it, the endpoint's refusals classified in its own words, revoked when the factory
 * closes, and neither the secret nor a token in any log line or message.
 */
class ServiceAccountClientTest {

  private static final String CLIENT_ID = "mdb_sa_id_client-test";
  private final String clientSecret = Fixtures.secretValue("mdb_sa_sk_");
  private ApiSimulator sim;
  private OkHttpIntegrationsApiFactory factory;
  private String project;

  @BeforeEach
  void start() {
    sim = ApiSimulator.start(SimulatorOptions.builder().api(ApiGeneration.ATLAS_V2).tokenRequestsPerMinute(3).build());
    sim.addServiceAccount(CLIENT_ID, clientSecret);
    project = sim.addProject();
    factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), ApiCallListener.NOOP);
  }

  @AfterEach
  void stop() {
    factory.close();
    Fixtures.SECRET_VALUES.addAll(sim.issuedAccessTokens());
    sim.close();
  }

  private ApiConnection connection(String secret) {
    return ApiConnection.serviceAccount(URI.create(sim.baseUrl()), CLIENT_ID, secret, null, ApiGeneration.ATLAS_V2);
  }

  private long tokenRequests() {
    return sim.journal().count(e -> "/api/oauth/token".equals(e.path()));
  }

  @Test
  void oneTokenServesEveryCallOfTheConnectionEvenConcurrently() throws Exception {
    IntegrationsApi api = factory.create(connection(clientSecret));
    List<CompletableFuture<List<IntegrationView>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return api.list(project);
        } catch (ApiException e) {
          throw new IllegalStateException(e.getMessage());
        }
      }));
    }
    for (var call : calls) {
      assertThat(call.get()).isEmpty();
    }
    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(sim.journal().entries(e -> project.equals(e.projectId())))
        .hasSize(8).allMatch(e -> e.status() == 200 && CLIENT_ID.equals(e.publicKey()));
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallSucceeds() throws Exception {
    IntegrationsApi api = factory.create(connection(clientSecret));
    api.list(project);
    sim.revokeAccessTokens();

    assertThat(api.list(project)).isEmpty();

    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(sim.journal().entries(e -> project.equals(e.projectId())).stream().map(JournalEntry::status))
        .containsExactly(200, 401, 200);
  }

  @Test
  void aTokenIsRenewedBeforeItExpires() throws Exception {
    try (ApiSimulator shortLived = ApiSimulator.start(
        SimulatorOptions.builder().api(ApiGeneration.ATLAS_V2).tokenTtl(Duration.ofSeconds(1)).build())) {
      shortLived.addServiceAccount(CLIENT_ID, clientSecret);
      String p = shortLived.addProject();
      IntegrationsApi api = factory.create(ApiConnection.serviceAccount(
          URI.create(shortLived.baseUrl()), CLIENT_ID, clientSecret, null, ApiGeneration.ATLAS_V2));
      api.list(p);
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
        api.list(p);
        return shortLived.journal().count(e -> "/api/oauth/token".equals(e.path())) >= 2;
      });
      // renewed ahead of time: the API never had to refuse an expired token
      assertThat(shortLived.journal().entries(e -> p.equals(e.projectId()))).allMatch(e -> e.status() == 200);
      Fixtures.SECRET_VALUES.addAll(shortLived.issuedAccessTokens());
    }
  }

  @Test
  void aWrongSecretIsUnauthorizedInTheEndpointsWordsAndAskedOnlyOnceAWhile() {
    String wrong = Fixtures.secretValue("mdb_sa_sk_wrong");
    IntegrationsApi api = factory.create(connection(wrong));

    ApiException first = catchThrowableOfType(ApiException.class, () -> api.list(project));
    ApiException second = catchThrowableOfType(ApiException.class, () -> api.list(project));

    assertThat(first.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
    assertThat(first.errorCode()).isEqualTo("invalid_client");
    assertThat(first.getMessage()).contains("service account " + CLIENT_ID, "HTTP 401", "invalid_client",
        "Invalid client credentials.").doesNotContain(wrong);
    assertThat(second.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
    assertThat(tokenRequests()).as("a refusal stands for a while").isEqualTo(1);
    assertThat(sim.journal().count(e -> project.equals(e.projectId()))).as("nothing sent without a token").isZero();
  }

  @Test
  void theTokenEndpointsRateLimitIsRateLimitedWithItsDelay() throws Exception {
    for (int i = 0; i < 3; i++) {
      factory.create(connection(clientSecret)).list(project); // each new client asks for its own token
    }
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> factory.create(connection(clientSecret)).list(project));

    assertThat(e.kind()).isEqualTo(ApiException.Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).isPresent();
    assertThat(e.getMessage()).contains("HTTP 429", "rate_limited",
        "Resource /api/oauth/token is limited to 3 requests every 1 minutes.");
  }

  @Test
  void closingTheFactoryRevokesTheTokensItsClientsHold() throws Exception {
    factory.create(connection(clientSecret)).list(project);
    assertThat(sim.liveAccessTokens()).isEqualTo(1);

    factory.close();

    assertThat(sim.liveAccessTokens()).isZero();
    assertThat(sim.journal().entries(e -> "/api/oauth/revoke".equals(e.path())))
        .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(200));
  }

  @Test
  void aClosedClientRevokesItsTokenAndAsksForNoOther() throws Exception {
    IntegrationsApi api = factory.create(connection(clientSecret));
    api.list(project);
    api.close();
    assertThat(sim.liveAccessTokens()).isZero();
    assertThat(catchThrowableOfType(ApiException.class, () -> api.list(project)).kind())
        .isEqualTo(ApiException.Kind.TRANSPORT);
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void neitherTheSecretNorATokenIsEverLogged() {
    List<String> logged;
    try (ClientLogCapture logs = new ClientLogCapture()) {
      IntegrationsApi api = factory.create(connection(clientSecret));
      // a renewal, a refused write, a revocation and a refused secret: everything that logs
      catchThrowableOfType(ApiException.class, () -> {
        api.list(project);
        sim.revokeAccessTokens();
        api.put(project, new IntegrationPayload("PAGER_DUTY", Map.of("serviceKey", "k", "region", "APAC"), Set.of()));
      });
      factory.close();
      factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), ApiCallListener.NOOP);
      catchThrowableOfType(ApiException.class, () -> factory.create(connection("mdb_sa_sk_wrong")).list(project));
      logged = logs.all();
    }
    assertThat(logged).isNotEmpty();
    List<String> secrets = new ArrayList<>(sim.issuedAccessTokens());
    secrets.add(clientSecret);
    assertThat(sim.issuedAccessTokens()).hasSize(2);
    for (String line : logged) {
      for (String secret : secrets) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  @Test
  void aBearerRequestCarriesTheTokenAndTheTokenRequestCarriesTheClientCredentials() throws Exception {
    try (MockWebServer server = TestServers.start()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"access_token\":\"tok-123\",\"expires_in\":3600,\"token_type\":\"Bearer\"}").build());
      server.enqueue(new MockResponse.Builder().code(200)
          .addHeader("Content-Type", "application/vnd.atlas.2023-01-01+json")
          .body("{\"results\":[],\"totalCount\":0}").build());
      IntegrationsApi api = factory.create(ApiConnection.serviceAccount(
          URI.create(server.url("/").toString()), "id", "sec", null, ApiGeneration.ATLAS_V2));
      api.list(TestServers.PROJECT);

      RecordedRequest token = server.takeRequest();
      assertThat(token.getTarget()).isEqualTo("/api/oauth/token");
      assertThat(token.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("id", "sec"));
      assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials");
      assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
      RecordedRequest list = server.takeRequest();
      assertThat(list.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
      assertThat(list.getHeaders().get("Accept")).isEqualTo("application/vnd.atlas.2023-01-01+json");
    }
  }
}
