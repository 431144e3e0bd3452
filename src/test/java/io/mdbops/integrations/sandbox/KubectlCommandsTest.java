package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl commands that used to hang or misbehave against the sandbox's API: each works as on a real
 * cluster or fails at once with one line saying why. Every run has a short deadline (see {@link Kubectl}),
 * so a hang fails its test.
 */
class KubectlCommandsTest {

  @TempDir
  static Path dir;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(Kubectl.BINARY), "kubectl is not installed at " + Kubectl.BINARY);
    kubectl = new Kubectl(dir);
  }

  @AfterAll
  static void stop() {
    if (kubectl != null) {
      kubectl.close();
    }
  }

  @Test
  void createSecretGenericStoresTheSecret() {
    assertThat(kubectl.run("create", "secret", "generic", "api-token", "--from-literal=token=s3cr3t",
        "--from-literal=user=me").succeeded().out()).isEqualTo("secret/api-token created\n");
    assertThat(kubectl.run("get", "secret", "api-token", "-o", "jsonpath={.type} {.data.token} {.data.user}")
        .succeeded().out()).isEqualTo("Opaque czNjcjN0 bWU=");
  }

  @Test
  void createConfigmapStoresTheConfigmap() {
    assertThat(kubectl.run("create", "configmap", "settings", "--from-literal=level=debug").succeeded().out())
        .isEqualTo("configmap/settings created\n");
    assertThat(kubectl.run("get", "configmap", "settings", "-o", "jsonpath={.data.level}").out()).isEqualTo("debug");
  }

  @Test
  void createNamespaceCreatesItAndASecondTimeSaysItExists() {
    assertThat(kubectl.run("create", "namespace", "team-a").succeeded().out()).isEqualTo("namespace/team-a created\n");
    assertThat(kubectl.run("get", "namespace", "team-a", "-o", "name").succeeded().out())
        .isEqualTo("namespace/team-a\n");
    assertThat(kubectl.run("create", "namespace", "team-a").failed().err())
        .isEqualTo("Error from server (AlreadyExists): namespaces \"team-a\" already exists\n");
  }

  @Test
  void authCanIAnswersYesAndWhoamiNamesTheSandboxUser() {
    assertThat(kubectl.run("auth", "can-i", "create", "thirdpartyintegrations").succeeded().out()).isEqualTo("yes\n");
    assertThat(kubectl.run("auth", "can-i", "delete", "secrets", "-n", "other").succeeded().out()).isEqualTo("yes\n");
    assertThat(kubectl.run("auth", "can-i", "--list").succeeded().out()).containsPattern("\\*\\.\\*\\s+\\[\\]\\s+\\[\\]\\s+\\[\\*\\]");
    assertThat(kubectl.run("auth", "whoami").succeeded().out()).containsPattern("Username\\s+sandbox");
  }

  @Test
  void eventsAreSelectedByTheFieldsARealServerSelectsThemBy() {
    event("slack.1", "slack", "Synced", "Normal");
    event("slack.2", "slack", "ApiRejected", "Warning");
    event("webhook.1", "webhook", "Synced", "Normal");

    assertThat(names("--field-selector", "involvedObject.name=slack")).containsExactly("slack.1", "slack.2");
    assertThat(names("--field-selector", "involvedObject.name=slack,type=Warning")).containsExactly("slack.2");
    assertThat(names("--field-selector", "reason=Synced,involvedObject.kind=ThirdPartyIntegration"))
        .containsExactly("slack.1", "webhook.1");
    assertThat(names("--field-selector", "involvedObject.name!=slack,involvedObject.namespace=demo"))
        .containsExactly("webhook.1");
    assertThat(names("--field-selector", "metadata.name=webhook.1")).containsExactly("webhook.1");
    assertThat(kubectl.run("get", "events", "--field-selector", "message=x").failed().err())
        .contains("field label not supported: message");
    assertThat(kubectl.run("events", "--for", "thirdpartyintegration/slack").succeeded().out())
        .contains("ApiRejected").doesNotContain("webhook");
    List<String> table = kubectl.run("get", "events", "--field-selector", "involvedObject.name=slack").succeeded()
        .out().lines().toList();
    assertThat(table.get(0)).matches("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE");
    assertThat(table.get(2)).matches("\\d+s\\s+Warning\\s+ApiRejected\\s+thirdpartyintegration/slack\\s+ApiRejected slack");
  }

  private static List<String> names(String... selector) {
    List<String> args = new java.util.ArrayList<>(List.of("get", "events", "-o", "jsonpath={.items[*].metadata.name}"));
    args.addAll(List.of(selector));
    return List.of(kubectl.run(args.toArray(String[]::new)).succeeded().out().split(" "));
  }

  private static void event(String name, String object, String reason, String type) {
    kubectl.kube.client().v1().events().inNamespace("demo").resource(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace("demo").endMetadata()
        .withNewInvolvedObject().withApiVersion("integrations.mdbops.io/v1alpha1").withKind("ThirdPartyIntegration")
        .withName(object).withNamespace("demo").endInvolvedObject()
        .withReason(reason).withType(type).withMessage(reason + " " + object)
        .withNewSource().withComponent("integrations-operator").endSource().build()).create();
  }

  @Test
  void setBasedLabelSelectorsSelectAsOnARealServer() {
    configMap("dev-web", Map.of("env", "dev", "tier", "web"));
    configMap("test-web", Map.of("env", "test", "tier", "web"));
    configMap("prod-web", Map.of("env", "prod", "tier", "web"));
    configMap("unlabelled", Map.of());

    assertThat(configMaps("env in (dev, test)")).containsExactly("dev-web", "test-web");
    assertThat(configMaps("env notin (prod)")).containsExactly("dev-web", "test-web", "unlabelled");
    assertThat(configMaps("tier=web,env notin (prod,test)")).containsExactly("dev-web");
    assertThat(configMaps("!env")).containsExactly("unlabelled");
    assertThat(configMaps("env,env!=dev")).containsExactly("prod-web", "test-web");
  }

  private static void configMap(String name, Map<String, String> labels) {
    kubectl.kube.client().configMaps().inNamespace("sel").resource(new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace("sel").withLabels(labels).endMetadata().build()).create();
  }

  private static List<String> configMaps(String selector) {
    String out = kubectl.run("get", "configmaps", "-n", "sel", "-l", selector, "-o",
        "jsonpath={.items[*].metadata.name}").succeeded().out();
    return out.isBlank() ? List.of() : java.util.Arrays.stream(out.split(" ")).sorted().toList();
  }

  @Test
  void patchingTheStatusSubresourceWritesTheStatus() {
    Path tpi = kubectl.file("status.yaml", "apiVersion: integrations.mdbops.io/v1alpha1\nkind: ThirdPartyIntegration\n"
        + "metadata: {name: status}\nspec:\n  projectId: 5e2211c17a3e5a48f5497de3\n  type: WEBHOOK\n"
        + "  webhook: {urlSecretRef: {name: s, key: url}}\n");
    kubectl.run("apply", "-f", tpi.toString()).succeeded();
    kubectl.run("patch", "tpi", "status", "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"observedGeneration\":7}}").succeeded();
    assertThat(kubectl.run("get", "tpi", "status", "-o", "jsonpath={.status.observedGeneration}").out())
        .isEqualTo("7");
  }

  @Test
  void explainOfABuiltInKindSaysInOneLineThatItHasNoSchema() {
    assertThat(kubectl.run("explain", "secret").failed().err())
        .isEqualTo("error: GVK map[group: kind:Secret version:v1] not found in OpenAPI schema\n");
  }

  @Test
  void aServerDryRunOfABuiltInKindStoresNothing() {
    Path secret = kubectl.file("dry.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: dry}\n"
        + "data: {token: b2xk}\n");
    kubectl.run("apply", "-f", secret.toString()).succeeded();
    kubectl.file("dry.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: dry}\ndata: {token: bmV3}\n");
    assertThat(kubectl.run("apply", "--dry-run=server", "-f", secret.toString()).succeeded().out())
        .isEqualTo("secret/dry configured (server dry run)\n");
    assertThat(kubectl.run("create", "configmap", "dry", "--from-literal=a=b", "--dry-run=server").succeeded().out())
        .isEqualTo("configmap/dry created (server dry run)\n");

    assertThat(kubectl.run("get", "secret", "dry", "-o", "jsonpath={.data.token}").out()).isEqualTo("b2xk");
    assertThat(kubectl.run("get", "configmap", "dry").failed().err()).contains("NotFound");
  }

  @Test
  void aTypoInASecretIsRefusedAsARealServerRefusesIt() {
    Path typo = kubectl.file("typo-secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: typo}\n"
        + "stringdata: {token: x}\n");
    assertThat(kubectl.run("apply", "-f", typo.toString()).failed().err().strip())
        .isEqualTo("Error from server (BadRequest): error when creating \"" + typo + "\": Secret in version \"v1\""
            + " cannot be handled as a Secret: strict decoding error: unknown field \"stringdata\"");
    Kubectl.Run warned = kubectl.run("apply", "--validate=warn", "-f", typo.toString()).succeeded();
    assertThat(warned.err()).contains("Warning: unknown field \"stringdata\"");
    assertThat(kubectl.run("get", "secret", "typo", "-o", "jsonpath={.stringdata}").succeeded().out()).isEmpty();

    Path fixed = kubectl.file("typo-secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: typo,"
        + " labels: {app: x}}\nstringData: {token: x}\ntype: Opaque\n");
    kubectl.run("apply", "-f", fixed.toString()).succeeded();
  }

  @Test
  void healthChecksAnswerOk() {
    assertThat(kubectl.run("get", "--raw", "/readyz").succeeded().out()).isEqualTo("ok");
    assertThat(kubectl.run("get", "--raw", "/healthz").succeeded().out()).isEqualTo("ok");
  }

  @Test
  void getCrdListsTheInstalledCrd() {
    assertThat(kubectl.run("get", "crd").succeeded().out())
        .containsPattern("NAME\\s+CREATED AT\n")
        .containsPattern("thirdpartyintegrations.integrations.mdbops.io\\s+\\d{4}-\\d\\d-\\d\\dT");
    assertThat(kubectl.run("get", "crd", "thirdpartyintegrations.integrations.mdbops.io", "-o",
        "jsonpath={.spec.names.shortNames}").succeeded().out()).isEqualTo("[\"tpi\"]");
  }

  @Test
  void whatTheSandboxCannotDoFailsAtOnceWithOneLine() {
    assertThat(kubectl.run("create", "serviceaccount", "robot").failed().err().strip())
        .isEqualTo("error: failed to create serviceaccount: the sandbox's API server reads JSON only and kubectl"
            + " sent this kind as protobuf: write it as YAML and use kubectl apply -f");
    assertThat(kubectl.run("get", "tpi", "--watch").failed().err().strip())
        .isEqualTo("Error from server (MethodNotAllowed): " + Refusals.NO_HTTP_WATCH);
    Path tpi = kubectl.file("ssa.yaml", "apiVersion: integrations.mdbops.io/v1alpha1\nkind: ThirdPartyIntegration\n"
        + "metadata: {name: ssa}\nspec:\n  projectId: 5e2211c17a3e5a48f5497de3\n  type: WEBHOOK\n"
        + "  webhook: {urlSecretRef: {name: s, key: url}}\n");
    assertThat(kubectl.run("apply", "--server-side", "-f", tpi.toString()).failed().err().strip())
        .isEqualTo("error: Server-side apply not available on the server: (" + Refusals.NO_SERVER_SIDE_APPLY + ")");
  }

  @Test
  void aProtobufBodyTheSandboxCannotReadLeavesNoStackTraceInTheOutput() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
    root.addHandler(handler);
    try {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(kubectl.kube.url() + "/api/v1/namespaces/demo/serviceaccounts"))
          .timeout(Duration.ofSeconds(5))
          .header("Content-Type", "application/vnd.kubernetes.protobuf")
          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'k', '8', 's', 0, 10, 3, (byte) 0xff, 1, 2}))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(415);
      kubectl.run("create", "serviceaccount", "robot2").failed();
    } finally {
      root.removeHandler(handler);
    }
    assertThat(logged).extracting(LogRecord::getMessage).isEmpty();
  }
}
