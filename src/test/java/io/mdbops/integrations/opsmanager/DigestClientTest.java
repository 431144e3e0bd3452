package io.mdbops.integrations.opsmanager;

import static io.mdbops.integrations.opsmanager.TestServers.PRIVATE_KEY;
import static io.mdbops.integrations.opsmanager.TestServers.PROJECT;
import static io.mdbops.integrations.opsmanager.TestServers.PUBLIC_KEY;
import static io.mdbops.integrations.opsmanager.TestServers.json;
import static io.mdbops.integrations.opsmanager.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mdbops.integrations.opsmanager.ApiException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * okhttp-digest on OkHttp 5 against an independent Digest verifier: one challenge per client, then
 * preemptive answers with the cached nonce; stale nonces and wrong keys stay bounded. These tests
 * are the tripwire for a future OkHttp or okhttp-digest upgrade.
 */
class DigestClientTest {

  private static final String PD = "{\"serviceKey\":\"******7890\",\"type\":\"PAGER_DUTY\"}";

  private MockWebServer server;
  private DigestDispatcher digest;
  private OkHttpIntegrationsApiFactory factory;
  private final AtomicInteger challengesSeen = new AtomicInteger();
  private ClientLogCapture logs;

  @BeforeEach
  void setUp() throws Exception {
    logs = new ClientLogCapture();
    server = TestServers.start();
    digest = new DigestDispatcher(PUBLIC_KEY, PRIVATE_KEY, DigestClientTest::app);
    server.setDispatcher(digest);
    ApiCallListener listener = new ApiCallListener() {
      @Override
      public void onDigestChallenge() {
        challengesSeen.incrementAndGet();
      }
    };
    factory = new OkHttpIntegrationsApiFactory(TestServers.fastSettings(), listener);
  }

  @AfterEach
  void tearDown() {
    factory.close();
    server.close();
    logs.close();
    assertThat(logs.all()).allSatisfy(line -> assertThat(line).doesNotContain(PRIVATE_KEY));
  }

  private static MockResponse app(RecordedRequest request) {
    if (request.getMethod().equals("PUT")) {
      assertThat(request.getBody().utf8()).isEqualTo("{\"type\":\"PAGER_DUTY\",\"serviceKey\":\"k-1\"}");
    }
    return json(200, request.getMethod().equals("GET") && request.getTarget().endsWith("PAGER_DUTY")
        ? PD : page(1, PD));
  }

  @Test
  void firstCallIsChallengedOnceAndTheAnswerVerifies() throws Exception {
    IntegrationsApi api = factory.create(TestServers.connection(server));

    assertThat(api.list(PROJECT)).hasSize(1);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(digest.challenges).hasValue(1);
    assertThat(digest.verified).hasValue(1);
    assertThat(challengesSeen).hasValue(1);
    RecordedRequest plain = server.takeRequest();
    RecordedRequest answered = server.takeRequest();
    assertThat(plain.getHeaders().get("Authorization")).isNull();
    assertThat(answered.getHeaders().get("Authorization"))
        .startsWith("Digest username=\"" + PUBLIC_KEY + "\"")
        .contains("uri=\"" + answered.getTarget() + "\"", "qop=auth", "nc=00000001", "algorithm=MD5")
        .doesNotContain(PRIVATE_KEY);
  }

  @Test
  void cachedNonceAnswersPreemptivelyInOneRoundTrip() throws Exception {
    IntegrationsApi api = factory.create(TestServers.connection(server));
    api.list(PROJECT);
    int before = server.getRequestCount();

    api.put(PROJECT, payload());
    api.get(PROJECT, "PAGER_DUTY");
    assertThat(api.delete(PROJECT, "PAGER_DUTY")).isTrue();

    assertThat(server.getRequestCount() - before).isEqualTo(3);
    assertThat(digest.challenges).hasValue(1);
    assertThat(challengesSeen).hasValue(1);
    assertThat(digest.verified).hasValue(4);
    List<String> ncs = digest.verifiedParams.stream().map(p -> p.get("nc")).toList();
    assertThat(ncs).containsExactly("00000001", "00000002", "00000003", "00000004");
    assertThat(digest.verifiedParams.stream().map(p -> p.get("nonce")).distinct()).hasSize(1);
  }

  @Test
  void staleNonceCostsExactlyOneExtraRoundTripAndResendsTheBody() throws Exception {
    IntegrationsApi api = factory.create(TestServers.connection(server));
    api.list(PROJECT);
    digest.expireNonces();
    int before = server.getRequestCount();

    api.put(PROJECT, payload()); // app() asserts the body of the authenticated PUT

    assertThat(server.getRequestCount() - before).isEqualTo(2);
    assertThat(digest.staleChallenges).hasValue(1);
    assertThat(digest.rejected).hasValue(0);

    api.get(PROJECT, "PAGER_DUTY"); // the new nonce is cached again
    assertThat(server.getRequestCount() - before).isEqualTo(3);
  }

  @Test
  void aServerThatRefusesReusedNoncesIsAnsweredChallengeByChallengeAfterTwoRefusals() throws Exception {
    digest.singleUseNonces = true;
    IntegrationsApi api = factory.create(TestServers.connection(server));
    int[] requests = new int[6];
    for (int i = 0; i < requests.length; i++) {
      int before = server.getRequestCount();
      api.list(PROJECT);
      requests[i] = server.getRequestCount() - before;
    }
    // every call costs two requests either way; what stops is the refused answer (a failed
    // authentication in the server's log) on every call: two, then none
    assertThat(requests).containsOnly(2);
    assertThat(digest.staleChallenges).hasValue(2);
    assertThat(digest.rejected).hasValue(0);
  }

  @Test
  void wrongKeyIsUnauthorizedWithoutLooping() {
    IntegrationsApi api = factory.create(new ApiConnection(
        TestServers.baseUri(server, "http"), PUBLIC_KEY, "not-the-key", null));

    ApiException first = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
    int afterFirst = server.getRequestCount();
    ApiException second = catchThrowableOfType(ApiException.class, () -> api.put(PROJECT, payload()));

    assertThat(first.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(first.errorCode()).isEqualTo("USER_UNAUTHORIZED");
    assertThat(first.getMessage()).isEqualTo("GET integrations in project " + PROJECT
        + ": HTTP 401 USER_UNAUTHORIZED: You are not authorized for this resource. (API key "
        + PUBLIC_KEY + ")");
    assertThat(second.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(afterFirst).isEqualTo(2); // challenge, one wrong answer
    assertThat(server.getRequestCount() - afterFirst).isEqualTo(3); // cached answer, challenge, answer
    assertThat(digest.verified).hasValue(0);
    // okhttp-digest logs these through OkHttp's internal Platform: proves that linkage still works
    assertThat(logs.okHttpMessages()).contains(
        "Previous digest authentication with same nonce failed, returning null",
        "Cached authentication expired. Sending a new request.");
  }

  @Test
  void serverThatAlwaysSaysStaleIsBounded() {
    digest.alwaysStale = true;
    IntegrationsApi api = factory.create(TestServers.connection(server));

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));

    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(server.getRequestCount()).isEqualTo(1 + DigestAuth.MAX_ANSWERS);
  }

  @Test
  void unauthorizedWithoutDigestChallengeIsReturnedAsIs() {
    server.setDispatcher(new mockwebserver3.QueueDispatcher());
    server.enqueue(TestServers.error(401, "NOT_IN_GROUP",
        "The current user is not in the group, or the group does not exist."));
    server.enqueue(new MockResponse.Builder().code(401)
        .setHeader("WWW-Authenticate", "Basic realm=\"x\"").build());
    IntegrationsApi api = factory.create(TestServers.connection(server));

    ApiException noChallenge = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));
    ApiException basic = catchThrowableOfType(ApiException.class, () -> api.list(PROJECT));

    assertThat(noChallenge.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(noChallenge.errorCode()).isEqualTo("NOT_IN_GROUP");
    assertThat(basic.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(challengesSeen).hasValue(0);
  }

  @Test
  void eachClientHasItsOwnKeyAndNonceCache() throws Exception {
    IntegrationsApi good = factory.create(TestServers.connection(server));
    IntegrationsApi bad = factory.create(new ApiConnection(
        TestServers.baseUri(server, "http"), PUBLIC_KEY, "not-the-key", null));
    good.list(PROJECT);

    assertThat(catchThrowableOfType(ApiException.class, () -> bad.list(PROJECT)).kind())
        .isEqualTo(Kind.UNAUTHORIZED);
    int before = server.getRequestCount();
    good.list(PROJECT);
    assertThat(server.getRequestCount() - before).isEqualTo(1);
  }

  @Test
  void oneClientServesManyThreadsAtOnce() throws Exception {
    IntegrationsApi api = factory.create(TestServers.connection(server));
    int threads = 8;
    int callsPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < callsPerThread; i++) {
            switch ((seed + i) % 3) {
              case 0 -> ok += api.list(PROJECT).size();
              case 1 -> ok += api.get(PROJECT, "PAGER_DUTY").isPresent() ? 1 : 0;
              default -> ok += api.put(PROJECT, payload()).size();
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(callsPerThread);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(digest.verified).hasValue(threads * callsPerThread);
    assertThat(digest.rejected).hasValue(0);
    assertThat(digest.challenges.get()).isBetween(1, threads); // at most one per thread at start
    assertThat(server.getRequestCount()).isEqualTo(threads * callsPerThread + digest.challenges.get());
  }

  private static IntegrationPayload payload() {
    return new IntegrationPayload("PAGER_DUTY", Map.of("serviceKey", "k-1"), Set.of("serviceKey"));
  }
}
