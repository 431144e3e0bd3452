package io.mdbops.integrations.controller;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.SlackSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, end to end: each mistake gets its own reason and an actionable message, makes at most a
 * bounded number of API calls while it lasts (none when the operator can tell without asking), and
 * heals by itself once fixed. All cases run side by side, as they would in a shared cluster; each
 * is asserted on its own, so one failing case does not hide the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputEndToEndTest {

  static final Duration OBSERVE = Duration.ofSeconds(10);

  static OperatorHarness h;

  @BeforeAll
  static void start() throws InterruptedException {
    h = OperatorHarness.start();
    makeEveryMistake();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** One mistake: how to make it, what the user should see, the call budget, how to fix it. */
  record Case(
      String name,
      ConditionReason reason,
      String messageFragment,
      int maxApiCalls,
      Consumer<Case> make,
      Consumer<Case> fix,
      String[] ns,
      String[] project) {

    Case(String name, ConditionReason reason, String fragment, int maxApiCalls, Consumer<Case> make, Consumer<Case> fix) {
      this(name, reason, fragment, maxApiCalls, make, fix, new String[1], new String[1]);
    }

    String namespace() {
      return ns[0];
    }

    String projectId() {
      return project[0];
    }

    ThirdPartyIntegration slack() {
      return Fixtures.resource(namespace(), "it", IntegrationType.SLACK, projectId(), CONNECTION);
    }

    String credsName() {
      return Fixtures.credentialsSecretName("it");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final String UNKNOWN_PROJECT = Fixtures.projectId();

  static final List<Case> CASES = cases();

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("missing-secret", ConditionReason.SecretNotFound, "does not exist", 0,
        c -> h.create(c.slack()),
        c -> h.create(Fixtures.secret(c.namespace(), c.credsName(), Fixtures.credentials(IntegrationType.SLACK)))));
    cases.add(new Case("missing-key", ConditionReason.SecretKeyMissing, "has no key apiToken", 0,
        c -> {
          h.create(Fixtures.secret(c.namespace(), c.credsName(), Map.of("token", "xoxb-in-the-wrong-key")));
          h.create(c.slack());
        },
        c -> h.update(Fixtures.secret(c.namespace(), c.credsName(), Fixtures.credentials(IntegrationType.SLACK)))));
    cases.add(new Case("empty-value", ConditionReason.SecretKeyMissing, "empty value at key apiToken", 0,
        c -> {
          h.create(Fixtures.secret(c.namespace(), c.credsName(), Map.of("apiToken", "\n")));
          h.create(c.slack());
        },
        c -> h.update(Fixtures.secret(c.namespace(), c.credsName(), Fixtures.credentials(IntegrationType.SLACK)))));
    cases.add(new Case("invalid-project-id", ConditionReason.InvalidSpec, "24 lower-case hexadecimal", 0,
        c -> {
          h.create(Fixtures.secret(c.namespace(), c.credsName(), Fixtures.credentials(IntegrationType.SLACK)));
          ThirdPartyIntegration r = c.slack();
          r.getSpec().setProjectId("5E2211C17A3E5A48F5497DE3");
          h.create(r);
        },
        c -> h.edit(c.namespace(), "it", r -> {
          r.getSpec().setProjectId(c.projectId());
          return r;
        })));
    cases.add(new Case("block-mismatch", ConditionReason.InvalidSpec, "spec.type is PAGER_DUTY", 0,
        c -> {
          h.create(Fixtures.secret(c.namespace(), c.credsName(), Fixtures.credentials(IntegrationType.SLACK)));
          ThirdPartyIntegration r = c.slack();
          r.getSpec().setType(IntegrationType.PAGER_DUTY);
          h.create(r);
        },
        c -> h.edit(c.namespace(), "it", r -> {
          r.getSpec().setType(IntegrationType.SLACK);
          return r;
        })));
    cases.add(new Case("unknown-project", ConditionReason.ProjectNotFound, "GROUP_NOT_FOUND", 3,
        c -> {
          c.project[0] = UNKNOWN_PROJECT;
          h.createWithCredentials(c.slack());
        },
        c -> h.sim.addProject(UNKNOWN_PROJECT)));
    cases.add(new Case("wrong-keys", ConditionReason.Unauthorized, "HTTP 401", 4,
        c -> {
          h.create(Fixtures.connectionSecret(c.namespace(), "wrong", h.sim.baseUrl(), OperatorHarness.PUBLIC_KEY, "not-the-key"));
          ThirdPartyIntegration r = c.slack();
          r.getSpec().getConnectionSecretRef().setName("wrong");
          Map<String, String> creds = Fixtures.credentials(IntegrationType.SLACK);
          h.create(Fixtures.secret(c.namespace(), c.credsName(), creds));
          h.create(r);
        },
        c -> h.update(Fixtures.connectionSecret(c.namespace(), "wrong", h.sim.baseUrl(), OperatorHarness.PUBLIC_KEY, h.privateKey))));
    cases.add(new Case("api-rejects", ConditionReason.ApiRejected, "INVALID_INTEGRATION_SETTINGS", 3,
        c -> {
          Map<String, String> creds = new HashMap<>(Map.of("apiKey", "this-is-not-hexadecimal"));
          h.create(Fixtures.secret(c.namespace(), c.credsName(), creds));
          h.create(Fixtures.resource(c.namespace(), "it", IntegrationType.DATADOG, c.projectId(), CONNECTION));
        },
        c -> h.update(Fixtures.secret(c.namespace(), c.credsName(), Fixtures.credentials(IntegrationType.DATADOG)))));
    cases.add(new Case("missing-connection", ConditionReason.SecretNotFound, "connection Secret", 0,
        c -> {
          ThirdPartyIntegration r = c.slack();
          r.getSpec().getConnectionSecretRef().setName("not-yet");
          h.createWithCredentials(r);
        },
        c -> h.create(Fixtures.connectionSecret(c.namespace(), "not-yet", h.sim.baseUrl(), OperatorHarness.PUBLIC_KEY, h.privateKey))));
    return cases;
  }

  /** Every mistake is made at once, side by side, and then left alone for {@link #OBSERVE}. */
  static void makeEveryMistake() throws InterruptedException {
    for (Case c : CASES) {
      c.ns[0] = h.namespace(c.name());
      if (c.project[0] == null) {
        c.project[0] = h.project();
      }
      c.make().accept(c);
    }
    for (Case c : CASES) {
      h.awaitReason(c.namespace(), "it", c.reason());
    }
    // not a wait for something to happen: a retry storm needs time to show, so the calls are
    // counted over a window that spans the fast backoff and a slow (credentials) retry
    Thread.sleep(OBSERVE.toMillis());
  }

  static List<Case> mistakes() {
    return CASES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  @Order(1)
  void isReportedOnceWithItsReasonAndCostsBoundedCalls(Case c) {
    ThirdPartyIntegration r = h.get(c.namespace(), "it");
    assertThat(OperatorHarness.ready(r).getReason()).isEqualTo(c.reason());
    assertThat(OperatorHarness.ready(r).getMessage()).contains(c.messageFragment());
    assertThat(OperatorHarness.ready(r).getStatus()).isEqualTo("False");
    assertThat(h.eventReasons(c.namespace(), "it")).containsExactly(c.reason().name());
    assertThat(h.events(c.namespace(), "it")).as("one Warning, not a storm")
        .allSatisfy(e -> assertThat(e.getCount()).isEqualTo(1));
    assertThat(h.calls(c.projectId())).as("API calls while broken").hasSizeLessThanOrEqualTo(c.maxApiCalls());
  }

  @Test
  @Order(2)
  void everyMistakeIsFixed() {
    CASES.forEach(c -> c.fix().accept(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  @Order(3)
  void healsOnceFixed(Case c) {
    // API-side fixes (a project created, a key granted) are noticed at the first slow retry after the
    // refused read stops being reused (a minute): within about 100 s
    h.awaitResource(c.namespace(), "it", Duration.ofSeconds(120), r -> {
      var ready = OperatorHarness.ready(r);
      return ready != null && ready.getReason() == ConditionReason.Synced
          && ready.getObservedGeneration().equals(r.getMetadata().getGeneration());
    });
    assertThat(h.sim.stored(c.projectId(), h.get(c.namespace(), "it").getSpec().getType().name())).isPresent();
  }

  @Test
  @Order(4)
  void aSpecWithoutBlocksNeverReachesTheApi() {
    String ns = h.namespace("no-block");
    String project = h.project();
    ThirdPartyIntegration r = Fixtures.resource(ns, "it", IntegrationType.SLACK, project, CONNECTION);
    r.getSpec().setSlack(null);
    h.create(r);
    ThirdPartyIntegration seen = h.awaitReason(ns, "it", ConditionReason.InvalidSpec);
    assertThat(OperatorHarness.ready(seen).getMessage()).contains("spec.slack");
    h.awaitQuiet();
    assertThat(h.calls(project)).isEmpty();
    h.edit(ns, "it", x -> {
      x.getSpec().setSlack(new SlackSpec()
          .withApiTokenSecretRef(new io.mdbops.integrations.api.v1alpha1.SecretKeySelector("it-creds", "apiToken"))
          .withTeamName("Payments"));
      return x;
    });
    h.create(Fixtures.secret(ns, "it-creds", Fixtures.credentials(IntegrationType.SLACK)));
    h.awaitReason(ns, "it", ConditionReason.Synced);
  }
}
