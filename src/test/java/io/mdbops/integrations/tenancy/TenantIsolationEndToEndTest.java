package io.mdbops.integrations.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may use which credentials, reach which endpoint and touch which project, end to end, on
 * loopback only: the operator's default connection, the endpoint allow-list (including a redirect to
 * an address that is not on it), and per-namespace project restrictions from configuration and from
 * a Namespace annotation.
 */
class TenantIsolationEndToEndTest {

  static final String SHARED = "shared-connection";
  static final String SELECTOR_LABEL = "integrations.mdbops.io/default-connection";
  static final String RESTRICTED_PROJECT = Fixtures.projectId();

  static HttpServer bystander;
  static HttpServer redirector;
  static final AtomicInteger bystanderHits = new AtomicInteger();
  static final AtomicInteger redirectorHits = new AtomicInteger();
  static OperatorHarness h;

  @BeforeAll
  static void start() throws IOException {
    bystander = server(exchange -> {
      bystanderHits.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    redirector = server(exchange -> {
      redirectorHits.incrementAndGet();
      exchange.getResponseHeaders().set("Location",
          "http://127.0.0.1:" + bystander.getAddress().getPort() + exchange.getRequestURI());
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    h = OperatorHarness.start(c -> c
            .defaultConnectionSecret(SHARED)
            .defaultConnectionNamespaces(Set.of("team-listed"))
            .defaultConnectionNamespaceSelector(SELECTOR_LABEL + "=allowed")
            .namespaceProjects(Map.of("team-restricted", Set.of(RESTRICTED_PROJECT)))
            .projectsFromNamespaceAnnotation(true)
            .allowedBaseUrls(List.of(
                URI.create(c.build().allowedBaseUrls().get(0).toString()),
                URI.create("http://127.0.0.1:" + redirector.getAddress().getPort()))),
        s -> s);
    h.create(Fixtures.connectionSecret(OperatorHarness.OPERATOR_NAMESPACE, SHARED, h.sim.baseUrl(),
        OperatorHarness.PUBLIC_KEY, h.privateKey));
  }

  @AfterAll
  static void stop() {
    h.close();
    bystander.stop(0);
    redirector.stop(0);
  }

  static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", handler);
    s.start();
    return s;
  }

  static void namespace(String name, Map<String, String> labels, Map<String, String> annotations) {
    h.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .withLabels(labels).withAnnotations(annotations).endMetadata().build()).createOr(n -> n.update());
  }

  /** A resource without connectionSecretRef: it asks for the operator's default connection. */
  static void onDefaultConnection(String ns, String project) {
    h.createWithCredentials(Fixtures.resource(ns, "it", IntegrationType.SLACK, project, null));
  }

  @Test
  void onlyListedOrLabelledNamespacesMayUseTheDefaultConnection() {
    namespace("team-listed", Map.of(), Map.of());
    namespace("team-labelled", Map.of(SELECTOR_LABEL, "allowed"), Map.of());
    namespace("team-other", Map.of(), Map.of());
    String listed = h.project();
    String labelled = h.project();
    String other = h.project();
    onDefaultConnection("team-listed", listed);
    onDefaultConnection("team-labelled", labelled);
    onDefaultConnection("team-other", other);

    h.awaitReason("team-listed", "it", ConditionReason.Synced);
    h.awaitReason("team-labelled", "it", ConditionReason.Synced);
    var refused = h.awaitReason("team-other", "it", ConditionReason.ConnectionNotAllowed);
    assertThat(OperatorHarness.ready(refused).getMessage()).contains("team-other may not use the operator's default connection");
    assertThat(h.calls(other)).isEmpty();

    // a cluster administrator takes the label away: the namespace loses the connection at once
    namespace("team-labelled", Map.of(), Map.of());
    h.awaitReason("team-labelled", "it", ConditionReason.ConnectionNotAllowed);
  }

  @Test
  void anEndpointNotOnTheListIsNeverContacted() {
    String ns = h.namespace("own-endpoint");
    h.create(Fixtures.connectionSecret(ns, "elsewhere",
        "http://127.0.0.1:" + bystander.getAddress().getPort(), OperatorHarness.PUBLIC_KEY, h.privateKey));
    var r = Fixtures.resource(ns, "it", IntegrationType.SLACK, h.project(), "elsewhere");
    h.createWithCredentials(r);
    var refused = h.awaitReason(ns, "it", ConditionReason.EndpointNotAllowed);
    assertThat(OperatorHarness.ready(refused).getMessage()).contains("not on the operator's list of allowed API endpoints");
    assertThat(bystanderHits).hasValue(0);
  }

  @Test
  void aRedirectIsNeverFollowedAndItsTargetNeverContacted() {
    String ns = h.namespace("redirected");
    h.create(Fixtures.connectionSecret(ns, "redirecting",
        "http://127.0.0.1:" + redirector.getAddress().getPort(), OperatorHarness.PUBLIC_KEY, h.privateKey));
    h.createWithCredentials(Fixtures.resource(ns, "it", IntegrationType.SLACK, h.project(), "redirecting"));
    var refused = h.awaitReason(ns, "it", ConditionReason.EndpointNotAllowed);
    assertThat(OperatorHarness.ready(refused).getMessage()).contains("never follows redirects");
    assertThat(redirectorHits.get()).isPositive();
    assertThat(bystanderHits).hasValue(0);
  }

  @Test
  void aNamespaceRestrictedByConfigurationMayTargetOnlyItsProjects() {
    h.sim.addProject(RESTRICTED_PROJECT);
    namespace("team-restricted", Map.of(), Map.of());
    h.create(Fixtures.connectionSecret("team-restricted", OperatorHarness.CONNECTION, h.sim.baseUrl(),
        OperatorHarness.PUBLIC_KEY, h.privateKey));
    String elsewhere = h.project();
    h.createWithCredentials(Fixtures.resource("team-restricted", "allowed", IntegrationType.SLACK,
        RESTRICTED_PROJECT, OperatorHarness.CONNECTION));
    h.createWithCredentials(Fixtures.resource("team-restricted", "not-allowed", IntegrationType.SLACK,
        elsewhere, OperatorHarness.CONNECTION));
    h.awaitReason("team-restricted", "allowed", ConditionReason.Synced);
    var refused = h.awaitReason("team-restricted", "not-allowed", ConditionReason.ProjectNotAllowed);
    assertThat(OperatorHarness.ready(refused).getMessage()).contains(elsewhere);
    assertThat(h.calls(elsewhere)).isEmpty();
  }

  @Test
  void aNamespaceAnnotationRestrictsProjectsAndWideningItLetsTheResourceThrough() {
    String allowed = h.project();
    String wanted = h.project();
    namespace("team-annotated", Map.of(), Map.of(NamespacePolicy.ALLOWED_PROJECTS_ANNOTATION, allowed));
    h.create(Fixtures.connectionSecret("team-annotated", OperatorHarness.CONNECTION, h.sim.baseUrl(),
        OperatorHarness.PUBLIC_KEY, h.privateKey));
    h.createWithCredentials(Fixtures.resource("team-annotated", "it", IntegrationType.PAGER_DUTY, wanted,
        OperatorHarness.CONNECTION));
    h.awaitReason("team-annotated", "it", ConditionReason.ProjectNotAllowed);
    assertThat(h.calls(wanted)).isEmpty();

    namespace("team-annotated", Map.of(), Map.of(NamespacePolicy.ALLOWED_PROJECTS_ANNOTATION, allowed + ", " + wanted));
    h.awaitReason("team-annotated", "it", ConditionReason.Synced);
    assertThat(h.sim.stored(wanted, "PAGER_DUTY")).isPresent();
  }
}
