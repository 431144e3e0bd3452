package io.mdbops.integrations.controller;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.mdbops.integrations.Main;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sandbox.Kubeconfig;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakWitness;
import io.mdbops.integrations.testing.OperatorHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19 end to end: no deletion wedges a namespace. A namespace being deleted (a Namespace object
 * with a deletionTimestamp and phase Terminating: the embedded API does not cascade), a connection
 * Secret deleted before its resource, a project deleted in the simulator, a key revoked or taken off
 * the project, and an operator that is gone. Each checks the resource is gone, the integration
 * removed or reported left behind, and that nothing else in the simulator changed.
 */
class DeletionEndToEndTest {

  static final Duration GRACE = Duration.ofSeconds(3);
  static final String LEFT_BEHIND = "integrations_operator_integrations_left_behind_total";

  static OperatorHarness h;

  @BeforeAll
  static void start() {
    h = OperatorHarness.start(c -> c.terminatingNamespaceGracePeriod(GRACE), s -> s);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** A namespace being deleted, with the harness's connection Secret; its Namespace object says so. */
  static String terminatingNamespace(String prefix) {
    String ns = h.namespace(prefix);
    h.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
            .withDeletionTimestamp(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).endMetadata()
            .withNewStatus().withPhase("Terminating").endStatus().build())
        .create();
    return ns;
  }

  /** Another project with an integration no deletion here may touch, and what it held. */
  record Bystander(String project, Map<String, Map<String, Object>> stored) {

    void untouched() {
      assertThat(h.sim.storedAll(project)).as("the other project's integrations").isEqualTo(stored);
    }
  }

  /** A bystander project whose integration is stored as the UI would have stored it. */
  static Bystander bystander() {
    String other = h.project();
    h.sim.putStored(other, "DATADOG", Map.of("apiKey", Fixtures.secretValue("dd"), "region", "US"));
    return new Bystander(other, h.sim.storedAll(other));
  }

  /** The resource written and Synced, its integration in the simulator. */
  static ThirdPartyIntegration synced(String ns, String name, IntegrationType type, String project, String connection) {
    h.createWithCredentials(Fixtures.resource(ns, name, type, project, connection));
    ThirdPartyIntegration r = h.awaitReason(ns, name, ConditionReason.Synced);
    assertThat(h.sim.stored(project, type.name())).isPresent();
    return r;
  }

  /** A connection Secret of its own, with a key pair the simulator accepts for these projects only. */
  static String ownKey(String ns, String... projects) {
    String publicKey = "key-" + ns;
    String privateKey = Fixtures.secretValue("own-");
    h.sim.addApiKey(publicKey, privateKey, java.util.Set.of(projects));
    h.create(Fixtures.connectionSecret(ns, "own", h.sim.baseUrl(), publicKey, privateKey));
    return publicKey;
  }

  /** Deletes every Secret of the namespace, as a namespace's deletion does first, and waits until the operator saw it. */
  static void deleteSecrets(String ns, String... names) {
    for (String name : names) {
      h.client.secrets().inNamespace(ns).withName(name).delete();
    }
    await().atMost(OperatorHarness.WAIT).until(() -> List.of(names).stream()
        .allMatch(name -> h.operator().cachedSecret(ns, name).isEmpty()));
  }

  static List<String> deletes(String project) {
    return h.calls(project).stream().filter(e -> e.method().equals("DELETE"))
        .map(e -> e.status() + (e.errorCode() == null ? "" : " " + e.errorCode())).toList();
  }

  /**
   * The one Event on the Namespace (kept in namespace default, as for every cluster-scoped object):
   * where a deletion in a namespace being deleted says what it left behind.
   */
  static Event onNamespace(String ns) {
    h.operator().flushEvents();
    String uid = h.client.namespaces().withName(ns).get().getMetadata().getUid();
    List<Event> events = h.client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> "Namespace".equals(e.getInvolvedObject().getKind()) && ns.equals(e.getInvolvedObject().getName()))
        .toList();
    assertThat(events).singleElement().satisfies(e -> assertThat(e.getInvolvedObject().getUid())
        .as("kubectl describe namespace finds it by uid").isEqualTo(uid));
    return events.get(0);
  }

  static Event last(String ns, String name) {
    List<Event> events = h.events(ns, name);
    return events.get(events.size() - 1);
  }

  @Test
  void aNamespaceTeardownThatDeletesTheConnectionSecretFirstStillRemovesTheIntegration() {
    String ns = terminatingNamespace("teardown");
    String project = h.project();
    Bystander other = bystander();
    synced(ns, "slack", IntegrationType.SLACK, project, CONNECTION);

    deleteSecrets(ns, CONNECTION, Fixtures.credentialsSecretName("slack"));
    h.delete(ns, "slack");
    h.awaitGone(ns, "slack");

    assertThat(h.sim.stored(project, "SLACK")).isEmpty();
    assertThat(deletes(project)).containsExactly("204");
    assertThat(last(ns, "slack").getReason()).isEqualTo("Deleted");
    assertThat(last(ns, "slack").getMessage()).isEqualTo("removed the SLACK integration from project " + project
        + ": through connection Secret " + ns + "/" + CONNECTION + " as the operator kept it from this resource's"
        + " last write (the Secret was deleted first)");
    other.untouched();
    assertThat(h.metric(LEFT_BEHIND, "project=\"" + project + "\"")).isZero();
  }

  @Test
  void aTeardownWhoseConnectionIsLostLetsGoWithinTheBoundAndReportsWhatItLeft() {
    String ns = terminatingNamespace("lost");
    String project = h.project();
    Bystander other = bystander();
    synced(ns, "slack", IntegrationType.SLACK, project, CONNECTION);
    // a restart while the Secret is gone: the new process never saw the connection
    h.stopOperator();
    h.client.secrets().inNamespace(ns).withName(CONNECTION).delete();
    h.startOperator();
    h.awaitReason(ns, "slack", ConditionReason.SecretNotFound);

    h.delete(ns, "slack");
    ThirdPartyIntegration held = h.awaitResource(ns, "slack", r -> r.getStatus() != null && r.getStatus().ready()
        .filter(c -> c.getReason() == ConditionReason.Deleting).isPresent());
    Instant giveUpAt = Instant.parse(held.getMetadata().getDeletionTimestamp()).plus(GRACE);
    assertThat(OperatorHarness.ready(held).getMessage()).contains("connection Secret " + ns + "/" + CONNECTION
        + " does not exist").contains("Namespace " + ns + " is being deleted: unless the removal succeeds by "
        + giveUpAt + " (3s after the deletion began)");
    h.awaitGone(ns, "slack");

    // gone once the bound (from the deletion's timestamp, whole seconds) had passed, and soon after
    assertThat(Instant.now()).isBetween(giveUpAt, giveUpAt.plusSeconds(5));
    assertThat(h.sim.stored(project, "SLACK")).as("left in place").isPresent();
    assertThat(deletes(project)).isEmpty();
    assertThat(h.eventReasons(ns, "slack")).as("a namespace being deleted takes no new Event")
        .doesNotContain("LeftBehind");
    Event leftBehind = onNamespace(ns);
    assertThat(leftBehind.getType()).isEqualTo("Warning");
    assertThat(leftBehind.getReason()).isEqualTo("LeftBehind");
    assertThat(leftBehind.getMessage()).startsWith("namespace " + ns + " is being deleted and the removal kept"
        + " failing for 3s: released the finalizer and left the SLACK integration of project " + project + " in place");
    assertThat(h.metric(LEFT_BEHIND, "project=\"" + project + "\"", "type=\"SLACK\"")).isEqualTo(1);
    other.untouched();
  }

  @Test
  void aProjectDeletedInTheApiCountsAsRemovedAndTheEventSaysSo() {
    String ns = h.namespace("project-gone");
    String project = h.project();
    Bystander other = bystander();
    synced(ns, "webhook", IntegrationType.WEBHOOK, project, CONNECTION);

    h.sim.removeProject(project);
    h.delete(ns, "webhook");
    h.awaitGone(ns, "webhook");

    assertThat(deletes(project)).containsExactly("404 GROUP_NOT_FOUND");
    assertThat(last(ns, "webhook").getReason()).isEqualTo("Deleted");
    assertThat(last(ns, "webhook").getMessage()).isEqualTo("the WEBHOOK integration was already gone from project "
        + project + ": project " + project + " no longer exists at " + h.sim.baseUrl()
        + " (the API answered GROUP_NOT_FOUND), and its integrations went with it");
    other.untouched();
    assertThat(h.metric(LEFT_BEHIND, "project=\"" + project + "\"")).isZero();
  }

  @Test
  void aRevokedKeyInANamespaceBeingDeletedIsLeftBehindWithinTheBound() {
    String ns = terminatingNamespace("revoked");
    String project = h.project();
    Bystander other = bystander();
    String key = ownKey(ns, project);
    synced(ns, "pd", IntegrationType.PAGER_DUTY, project, "own");

    h.sim.removeApiKey(key);
    h.delete(ns, "pd");
    h.awaitGone(ns, "pd");

    assertThat(deletes(project)).isNotEmpty().allMatch(d -> d.equals("401 USER_UNAUTHORIZED"));
    assertThat(h.eventReasons(ns, "pd")).containsSubsequence("Created", "Deleting");
    assertThat(onNamespace(ns).getReason()).isEqualTo("LeftBehind");
    assertThat(onNamespace(ns).getMessage()).contains("Last failure: removing the PAGER_DUTY integration of project "
        + project + " failed: DELETE PAGER_DUTY in project " + project + ": HTTP 401 USER_UNAUTHORIZED");
    assertThat(h.sim.stored(project, "PAGER_DUTY")).as("left in place").isPresent();
    assertThat(h.metric(LEFT_BEHIND, "project=\"" + project + "\"", "type=\"PAGER_DUTY\"")).isEqualTo(1);
    other.untouched();
  }

  @Test
  void aKeyTakenOffTheProjectOutsideATeardownKeepsTheDeletionWaitingUntilRetainLetsItGo() {
    String ns = h.namespace("not-in-group");
    String project = h.project();
    Bystander other = bystander();
    String key = ownKey(ns, project, other.project());
    synced(ns, "slack", IntegrationType.SLACK, project, "own");

    h.sim.revokeProject(key, project);
    h.delete(ns, "slack");
    ThirdPartyIntegration held = h.awaitReason(ns, "slack", ConditionReason.Deleting);
    assertThat(OperatorHarness.ready(held).getMessage()).contains("HTTP 401 NOT_IN_GROUP")
        .contains("Two ways out: restore the API key or its access to the project, or set spec.deletionPolicy to"
            + " Retain to delete this resource and leave the integration in place")
        .doesNotContain("being deleted");
    // well past the bound: outside a namespace teardown nothing lets go by itself
    await().pollDelay(GRACE.plusSeconds(1)).atMost(GRACE.plusSeconds(2)).until(() -> true);
    assertThat(h.get(ns, "slack")).isNotNull();

    h.edit(ns, "slack", r -> {
      r.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
      return r;
    });
    h.awaitGone(ns, "slack");
    assertThat(h.eventReasons(ns, "slack")).containsSubsequence("Deleting", "Retained");
    assertThat(h.sim.stored(project, "SLACK")).as("retained").isPresent();
    // each refusal comes with a fresh Digest challenge, which the client answers once
    assertThat(deletes(project)).contains("401 NOT_IN_GROUP").allMatch(d -> d.startsWith("401 "));
    other.untouched();
    assertThat(h.metric(LEFT_BEHIND, "project=\"" + project + "\"")).isZero();
  }

  @Test
  void anOperatorThatIsGoneLeavesResourcesTheCommandReleasesWithTheirIntegrationsInPlace(@TempDir Path scratch)
      throws Exception {
    String ns = h.namespace("uninstalled");
    String bystanderNs = h.namespace("bystander");
    String project = h.project();
    synced(ns, "slack", IntegrationType.SLACK, project, CONNECTION);
    synced(ns, "webhook", IntegrationType.WEBHOOK, project, CONNECTION);
    synced(bystanderNs, "kept", IntegrationType.PAGER_DUTY, project, CONNECTION);
    h.awaitQuiet();
    Map<String, Map<String, Object>> before = h.sim.storedAll(project);
    long calls = h.sim.journal().recorded();
    h.stopOperator();
    try {
      h.delete(ns, "slack"); // a deletion that would hang forever without the operator
      Path kubeconfig = Kubeconfig.write(scratch.resolve("kubeconfig"), h.kube.url(), ns);
      StringWriter out = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out, true));
      int code = cli.execute("release-finalizers", "--namespace", ns, "--kubeconfig", kubeconfig.toString());
      LeakWitness.record("command", out.toString());

      assertThat(code).as(out.toString()).isZero();
      assertThat(out.toString()).isEqualTo(String.join("\n",
          "released " + ns + "/slack: the SLACK integration of project " + project + " left in place",
          "released " + ns + "/webhook: the WEBHOOK integration of project " + project + " left in place",
          "released 2 resources in namespace " + ns + "; their integrations were left in place", ""));
      h.awaitGone(ns, "slack");
      h.delete(ns, "webhook");
      h.awaitGone(ns, "webhook");
      assertThat(h.get(bystanderNs, "kept").getMetadata().getFinalizers())
          .containsExactly(ThirdPartyIntegrationReconciler.FINALIZER);
      assertThat(h.sim.storedAll(project)).as("every integration left in place").isEqualTo(before);
      assertThat(h.sim.journal().recorded()).as("no API call: nothing was removed").isEqualTo(calls);
    } finally {
      h.startOperator();
    }
  }
}
