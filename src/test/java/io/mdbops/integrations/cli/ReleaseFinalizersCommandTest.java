package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.Main;
import io.mdbops.integrations.OperatorMain;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.controller.ThirdPartyIntegrationReconciler;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.sandbox.Kubeconfig;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakWitness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code release-finalizers} against an embedded Kubernetes API: what it releases, prints and refuses. */
class ReleaseFinalizersCommandTest {

  static final String PROJECT = "5e2211c17a3e5a48f5497de3";
  static final String OTHER_FINALIZER = "example.com/keep-me";

  static EmbeddedKubernetes kube;
  @TempDir
  static Path dir;
  static Path kubeconfig;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start() {
    kube = EmbeddedKubernetes.start(0);
    kubeconfig = Kubeconfig.write(dir.resolve("kubeconfig"), kube.url(), "integrations-operator");
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  static Run run(ReleaseFinalizersCommand command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // the jar's command line, or this command alone (to set what no flag sets)
    CommandLine cli = command == null ? Main.commandLine() : CommandLines.configured(new CommandLine(command));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(command == null ? List.of("release-finalizers") : List.of());
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    LeakWitness.record("command", out + err.toString());
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(null, args);
  }

  /** A resource as the operator leaves it: with its finalizer (and, here, someone else's). */
  static void resource(String ns, String name, IntegrationType type, String... finalizers) {
    ThirdPartyIntegration r = Fixtures.resource(ns, name, type, PROJECT, "api");
    r.getMetadata().setFinalizers(List.of(finalizers));
    kube.client().resources(ThirdPartyIntegration.class).resource(r).create();
  }

  static List<String> finalizers(String ns, String name) {
    return kube.client().resources(ThirdPartyIntegration.class).inNamespace(ns).withName(name).get()
        .getMetadata().getFinalizers();
  }

  @Test
  void releasesTheSelectedNamespaceOnlyKeepingOtherFinalizersAndPrintsWhatItLeft() {
    resource("rf-a", "slack", IntegrationType.SLACK, ThirdPartyIntegrationReconciler.FINALIZER);
    resource("rf-a", "webhook", IntegrationType.WEBHOOK, OTHER_FINALIZER, ThirdPartyIntegrationReconciler.FINALIZER);
    resource("rf-a", "never-managed", IntegrationType.PAGER_DUTY);
    resource("rf-b", "slack", IntegrationType.SLACK, ThirdPartyIntegrationReconciler.FINALIZER);

    Run run = run("--namespace", "rf-a", "--kubeconfig", kubeconfig.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("""
        released rf-a/slack: the SLACK integration of project %1$s left in place
        released rf-a/webhook: the WEBHOOK integration of project %1$s left in place
        released 2 resources in namespace rf-a; their integrations were left in place
        """.formatted(PROJECT));
    assertThat(finalizers("rf-a", "slack")).isEmpty();
    assertThat(finalizers("rf-a", "webhook")).containsExactly(OTHER_FINALIZER);
    assertThat(finalizers("rf-b", "slack")).containsExactly(ThirdPartyIntegrationReconciler.FINALIZER);
    assertThat(run("--namespace", "rf-a", "--kubeconfig", kubeconfig.toString()).out())
        .isEqualTo("no resource in namespace rf-a carried the operator's finalizer\n");
  }

  @Test
  void allReleasesEveryNamespaceAndAResourceBeingDeletedIsGoneAtOnce() {
    resource("rf-c", "pd", IntegrationType.PAGER_DUTY, ThirdPartyIntegrationReconciler.FINALIZER);
    resource("rf-d", "pd", IntegrationType.PAGER_DUTY, ThirdPartyIntegrationReconciler.FINALIZER);
    kube.client().resources(ThirdPartyIntegration.class).inNamespace("rf-d").withName("pd").delete();

    Run run = run("--all", "--kubeconfig", kubeconfig.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("released rf-c/pd: the PAGER_DUTY integration of project " + PROJECT
        + " left in place\n", "released rf-d/pd: ").contains("in any namespace; their integrations were left in place");
    assertThat(kube.client().resources(ThirdPartyIntegration.class).inNamespace("rf-d").withName("pd").get()).isNull();
    assertThat(kube.client().resources(ThirdPartyIntegration.class).inAnyNamespace().list().getItems())
        .allSatisfy(r -> assertThat(r.getMetadata().getFinalizers()).doesNotContain(ThirdPartyIntegrationReconciler.FINALIZER));
  }

  @Test
  void aLabelSelectorReleasesOneShardOnly() {
    resource("rf-h", "a", IntegrationType.SLACK, ThirdPartyIntegrationReconciler.FINALIZER);
    resource("rf-h", "b", IntegrationType.WEBHOOK, ThirdPartyIntegrationReconciler.FINALIZER);
    for (String shard : List.of("a", "b")) {
      kube.client().resources(ThirdPartyIntegration.class).inNamespace("rf-h").withName(shard)
          .edit(r -> {
            r.getMetadata().setLabels(Map.of("shard", shard));
            return r;
          });
    }

    Run run = run("--namespace", "rf-h", "--label-selector", "shard=a", "--kubeconfig", kubeconfig.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("released rf-h/a: the SLACK integration of project " + PROJECT + " left in place\n"
        + "released 1 resource in namespace rf-h with labels shard=a; their integrations were left in place\n");
    assertThat(finalizers("rf-h", "b")).containsExactly(ThirdPartyIntegrationReconciler.FINALIZER);
  }

  @Test
  void aResourceWhoseSpecTheOperatorCannotReadIsReleasedToo() {
    GenericKubernetesResource odd = Serialization.unmarshal("""
        apiVersion: integrations.mdbops.io/v1alpha1
        kind: ThirdPartyIntegration
        metadata: {name: odd, namespace: rf-e, finalizers: [%s]}
        spec: {projectId: 12, type: [SLACK]}
        """.formatted(ThirdPartyIntegrationReconciler.FINALIZER), GenericKubernetesResource.class);
    kube.client().genericKubernetesResources("integrations.mdbops.io/v1alpha1", "ThirdPartyIntegration")
        .resource(odd).create();

    Run run = run("--namespace", "rf-e", "--kubeconfig", kubeconfig.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("released rf-e/odd: its integration (if any) left in place\n");
  }

  @Test
  void stopOperatorScalesTheDeploymentToZeroFirst() {
    createDeployment("stop-a");
    resource("rf-f", "slack", IntegrationType.SLACK, ThirdPartyIntegrationReconciler.FINALIZER);

    Run run = run("--namespace", "rf-f", "--stop-operator", "ops-a/stop-a", "--kubeconfig", kubeconfig.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("stopped the operator: Deployment ops-a/stop-a scaled to zero, no pod left\n"
        + "released rf-f/slack:");
    assertThat(kube.client().apps().deployments().inNamespace("ops-a").withName("stop-a").get().getSpec().getReplicas())
        .isZero();
  }

  @Test
  void stopOperatorReleasesNothingWhileTheOperatorsPodsStillRun() {
    createDeployment("stop-b");
    kube.client().pods().inNamespace("ops-a").resource(new PodBuilder().withNewMetadata().withName("stop-b-1")
        .withLabels(Map.of("app", "stop-b")).endMetadata().withNewSpec().addNewContainer().withName("operator")
        .withImage("operator").endContainer().endSpec().build()).create();
    resource("rf-g", "slack", IntegrationType.SLACK, ThirdPartyIntegrationReconciler.FINALIZER);
    ReleaseFinalizersCommand command = new ReleaseFinalizersCommand();
    command.stopTimeout = Duration.ofMillis(300);

    Run run = run(command, "--namespace", "rf-g", "--stop-operator", "ops-a/stop-b", "--kubeconfig", kubeconfig.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("1 of its pods still run").contains("nothing was released");
    assertThat(finalizers("rf-g", "slack")).containsExactly(ThirdPartyIntegrationReconciler.FINALIZER);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("--kubeconfig", kubeconfig.toString()).code()).isEqualTo(2);
    Run both = run("--all", "--namespace", "a", "--kubeconfig", kubeconfig.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("give either --namespace NS or --all");
    assertThat(run("--namespace", "Not_A_Namespace").code()).isEqualTo(2);
    assertThat(run("--namespace", "", "--kubeconfig", kubeconfig.toString()).code()).as("never all by accident").isEqualTo(2);
    assertThat(run("--all", "--label-selector", "shard in (a", "--kubeconfig", kubeconfig.toString()).code()).isEqualTo(2);
    assertThat(run("--all", "--kubeconfig", dir.resolve("missing").toString()).code()).isEqualTo(2);
  }

  @Test
  void anUnreachableApiExitsOne(@TempDir Path elsewhere) {
    Path dead = Kubeconfig.write(elsewhere.resolve("kubeconfig"), "http://127.0.0.1:1", "default");
    Run run = run("--all", "--kubeconfig", dead.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: ");
  }

  @Test
  void theOperatorImageHasTheCommandToo() {
    assertThat(CommandLines.configured(new CommandLine(new OperatorMain())).getSubcommands())
        .containsKey("release-finalizers");
  }

  private static void createDeployment(String name) {
    kube.client().apps().deployments().inNamespace("ops-a").resource(new DeploymentBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
        .withNewSpec().addNewContainer().withName("operator").withImage("operator").endContainer().endSpec()
        .endTemplate().endSpec().build()).create();
  }
}
