package io.mdbops.integrations.opsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.MaskPrediction;
import io.mdbops.integrations.mapping.SecretForm;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The production client against the simulator over real HTTP with Digest: the two agree. */
class ClientAgainstSimulatorTest {

  static final String PUBLIC_KEY = "client-it";
  static final String PRIVATE_KEY = Fixtures.secretValue("client-priv-");

  static ApiSimulator sim;
  static OkHttpIntegrationsApiFactory factory;
  String project;
  IntegrationsApi api;

  @BeforeAll
  static void start() {
    sim = ApiSimulator.start(SimulatorOptions.defaults());
    sim.addApiKey(PUBLIC_KEY, PRIVATE_KEY);
    factory = new OkHttpIntegrationsApiFactory();
  }

  @AfterAll
  static void stop() {
    factory.close();
    sim.close();
  }

  @BeforeEach
  void freshProjectAndClient() {
    project = sim.addProject();
    api = factory.create(connection(PRIVATE_KEY));
  }

  static ApiConnection connection(String privateKey) {
    return new ApiConnection(URI.create(sim.baseUrl()), PUBLIC_KEY, privateKey, null);
  }

  static DesiredIntegration desired(IntegrationType type, Map<String, String> creds) throws Exception {
    ThirdPartyIntegration r = Fixtures.resource("ns", "r", type, "5e2211c17a3e5a48f5497de3", null);
    return DesiredIntegrations.build(r.getSpec(), SecretValues.of(r.getSpec(), ref -> creds.get(ref.getKey()), n -> "1"));
  }

  List<JournalEntry> journal() {
    return sim.journal().entries(e -> project.equals(e.projectId()));
  }

  @ParameterizedTest
  @EnumSource(IntegrationType.class)
  void writesReadsAndDeletesEveryType(IntegrationType type) throws Exception {
    Map<String, String> creds = Fixtures.credentials(type);
    DesiredIntegration d = desired(type, creds);

    List<IntegrationView> afterPut = api.put(project, d.payload());
    Map<String, Object> stored = new LinkedHashMap<>(sim.stored(project, type.name()).orElseThrow());
    stored.remove("type");
    assertThat(stored).containsAllEntriesOf(d.payload().fields());

    IntegrationView shown = api.get(project, type.name()).orElseThrow();
    assertThat(api.list(project)).containsExactly(shown);
    assertThat(afterPut).containsExactly(shown);
    // every secret comes back masked exactly as the operator's own masking predicts, or not at all
    d.secretForms().forEach((field, form) -> {
      Object live = shown.field(field);
      String value = (String) d.payload().fields().get(field);
      switch (form) {
        case LAST_FOUR, URL -> assertThat(live).as(field).isEqualTo(MaskPrediction.mask(form, value));
        case HIDDEN -> assertThat(live).as(field).isNotNull().isNotEqualTo(value);
        case WRITE_ONLY -> assertThat(live).as(field).isNull();
      }
    });
    assertThat(shown.fields().toString()).doesNotContain(creds.values());

    assertThat(api.delete(project, type.name())).isTrue();
    assertThat(api.delete(project, type.name())).isFalse();
    assertThat(api.get(project, type.name())).isEmpty();
  }

  @Test
  void onlyTheFirstRequestIsChallengedThenEachCallIsOneRoundTrip() throws Exception {
    api.list(project);
    api.put(project, desired(IntegrationType.SLACK, Fixtures.credentials(IntegrationType.SLACK)).payload());
    api.get(project, "SLACK");
    api.delete(project, "SLACK");
    assertThat(journal()).extracting(JournalEntry::method, JournalEntry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", 401),
            org.assertj.core.groups.Tuple.tuple("GET", 200),
            org.assertj.core.groups.Tuple.tuple("PUT", 200),
            org.assertj.core.groups.Tuple.tuple("GET", 200),
            org.assertj.core.groups.Tuple.tuple("DELETE", 204));
  }

  @Test
  void anExpiredNonceCostsExactlyOneExtraRoundTrip() throws Exception {
    api.list(project);
    int before = journal().size();
    sim.expireNonces();
    api.list(project);
    assertThat(journal().subList(before, journal().size())).extracting(JournalEntry::status).containsExactly(401, 200);
    api.list(project);
    assertThat(journal()).hasSize(before + 3);
  }

  @Test
  void theSimulatorsErrorsAreClassifiedAndCarryNoSecret() throws Exception {
    Map<String, String> creds = Map.of("apiKey", "not-hexadecimal-" + Fixtures.secretValue("k"));
    assertThatThrownBy(() -> api.put(project, desired(IntegrationType.DATADOG, creds).payload()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(ApiException.Kind.REJECTED);
          assertThat(e.errorCode()).isEqualTo("INVALID_INTEGRATION_SETTINGS");
          assertThat(e.getMessage()).contains("hexadecimal").doesNotContain(creds.get("apiKey"));
        });

    var pagerDuty = new IntegrationPayload("PAGER_DUTY", Map.of("serviceKey", "k-1234567", "region", "US"), Set.of("serviceKey"));
    assertThatThrownBy(() -> api.put(project, pagerDuty))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo("INTEGRATION_FIELDS_INVALID"));

    String masked = MaskPrediction.mask(SecretForm.LAST_FOUR, "xoxb-1234567890");
    var echoed = new IntegrationPayload("SLACK", Map.of("apiToken", masked, "teamName", "t"), Set.of("apiToken"));
    assertThatThrownBy(() -> api.put(project, echoed))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_INTEGRATION_SETTINGS"));
    assertThat(sim.stored(project, "SLACK")).isEmpty();

    assertThatThrownBy(() -> api.list(Fixtures.projectId()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.PROJECT_NOT_FOUND));
    assertThatThrownBy(() -> factory.create(connection("wrong-" + PRIVATE_KEY)).list(project))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
          assertThat(e.getMessage()).doesNotContain(PRIVATE_KEY);
        });
  }

  @Test
  void aLong429GoesBackToTheCallerWithTheDelayTheApiAsked() {
    sim.faults().add(FaultRule.respond(429).project(project).times(1).retryAfter(Duration.ofSeconds(7)).build());
    assertThatThrownBy(() -> api.list(project)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.kind()).isEqualTo(ApiException.Kind.RATE_LIMITED);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(e.retryable()).isTrue();
    });
  }

  @Test
  void shortOutagesAreRetriedWithinTheCallAndLongOnesReachTheCaller() throws Exception {
    sim.faults().add(FaultRule.respond(503).project(project).times(1).build());
    sim.faults().add(FaultRule.respond(429).project(project).times(1).retryAfter(Duration.ofSeconds(1)).build());
    assertThat(api.list(project)).isEmpty();
    assertThat(journal()).extracting(JournalEntry::status).containsSubsequence(503, 429, 200);

    sim.faults().add(FaultRule.respond(500).project(project).times(3).build());
    int before = journal().size();
    assertThatThrownBy(() -> api.list(project))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.SERVER));
    assertThat(journal().subList(before, journal().size())).extracting(JournalEntry::status)
        .containsExactly(500, 500, 500);
  }

  @Test
  void aDroppedConnectionIsRetriedWithinTheCall() throws Exception {
    sim.faults().add(FaultRule.reset().method("PUT").project(project).times(1).build());
    var payload = desired(IntegrationType.PAGER_DUTY, Fixtures.credentials(IntegrationType.PAGER_DUTY)).payload();
    assertThat(api.put(project, payload)).hasSize(1);
    assertThat(journal()).extracting(JournalEntry::method, JournalEntry::status)
        .endsWith(org.assertj.core.groups.Tuple.tuple("PUT", 0), org.assertj.core.groups.Tuple.tuple("PUT", 200));
  }

  @Test
  void aTimedOutWriteMayStillHaveLandedAndIsNotRetriedWithinTheCall() throws Exception {
    try (var impatient = new OkHttpIntegrationsApiFactory(
        ApiClientSettings.defaults().withCallTimeout(Duration.ofMillis(300)), ApiCallListener.NOOP)) {
      IntegrationsApi api = impatient.create(connection(PRIVATE_KEY));
      api.list(project); // Digest handshake outside the timed call
      sim.faults().add(FaultRule.hang(Duration.ofMillis(800)).method("PUT").project(project).times(1).build());
      var payload = desired(IntegrationType.SLACK, Fixtures.credentials(IntegrationType.SLACK)).payload();
      assertThatThrownBy(() -> api.put(project, payload)).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSPORT);
        assertThat(e.timedOut()).isTrue();
      });
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> sim.stored(project, "SLACK").isPresent());
      assertThat(sim.journal().count(e -> project.equals(e.projectId()) && e.method().equals("PUT"))).isEqualTo(1);
    }
  }

  @Test
  void requestsBeyondTheProjectsBudgetAreNotSent() throws Exception {
    try (var limited = new OkHttpIntegrationsApiFactory(
        ApiClientSettings.defaults().withRequestsPerMinute(6), ApiCallListener.NOOP)) {
      IntegrationsApi api = limited.create(connection(PRIVATE_KEY));
      // 6 per minute = 1 per 15 s period: the challenge and the listed request use it up
      assertThatThrownBy(() -> { api.list(project); api.list(project); })
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ApiException.Kind.THROTTLED);
            assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(16)));
          });
      assertThat(journal()).hasSizeLessThanOrEqualTo(2);
    }
  }

  @Test
  void anAccessListRefusalIsForbidden() {
    String pub = "listed-key";
    String priv = Fixtures.secretValue("listed-");
    sim.addApiKey(pub, priv);
    sim.setAccessList(pub, Set.of("10.1.2.3"));
    IntegrationsApi listed = factory.create(new ApiConnection(URI.create(sim.baseUrl()), pub, priv, null));
    assertThatThrownBy(() -> listed.list(project))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(ApiException.Kind.FORBIDDEN);
          assertThat(e.errorCode()).isEqualTo("IP_ADDRESS_NOT_ON_ACCESS_LIST");
        });
  }

  @Test
  void aPrivateCaBundleIsTrustedForItsConnection() throws Exception {
    try (ApiSimulator tls = ApiSimulator.start(SimulatorOptions.builder().tls(true).build())) {
      tls.addApiKey(PUBLIC_KEY, PRIVATE_KEY);
      String p = tls.addProject();
      IntegrationsApi trusted = factory.create(
          new ApiConnection(URI.create(tls.baseUrl()), PUBLIC_KEY, PRIVATE_KEY, tls.caCertificatePem()));
      assertThat(trusted.list(p)).isEmpty();
      IntegrationsApi untrusted = factory.create(new ApiConnection(URI.create(tls.baseUrl()), PUBLIC_KEY, PRIVATE_KEY, null));
      assertThatThrownBy(() -> untrusted.list(p))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.TRANSPORT));
    }
  }
}
