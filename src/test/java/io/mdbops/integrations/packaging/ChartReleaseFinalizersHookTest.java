package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.mdbops.integrations.cli.CommandLines;
import io.mdbops.integrations.OperatorMain;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * releaseFinalizersOnUninstall: a pre-delete hook Job running release-finalizers with a service
 * account and RBAC of its own, made before it and only as wide as the command needs.
 */
class ChartReleaseFinalizersHookTest {

  static final String HOOK = "integrations-operator-release-finalizers";
  static final String ON = "releaseFinalizersOnUninstall: true\n";

  static Job job(Chart.Rendered r) {
    return r.one(Job.class);
  }

  static List<String> args(Chart.Rendered r) {
    return job(r).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
  }

  @Test
  void offByDefault() {
    Chart.Rendered r = Chart.renderWithHooks("");
    assertThat(r.all(Job.class)).isEmpty();
    assertThat(r.objects()).noneMatch(o -> o.getMetadata().getAnnotations() != null
        && o.getMetadata().getAnnotations().containsKey("helm.sh/hook"));
  }

  @Test
  void aPreDeleteJobStopsTheOperatorThenReleasesEveryNamespaceWithTheOperatorsImageAndSecurity() {
    Chart.Rendered r = Chart.renderWithHooks(ON);
    Job job = job(r);
    assertThat(job.getMetadata().getName()).isEqualTo(HOOK);
    assertThat(job.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(job.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "pre-delete")
        .containsEntry("helm.sh/hook-weight", "0")
        .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
    assertThat(args(r)).containsExactly("release-finalizers", "--all",
        "--stop-operator", Chart.NAMESPACE + "/" + r.deployment().getMetadata().getName());

    PodSpec pod = job.getSpec().getTemplate().getSpec();
    PodSpec operator = r.deployment().getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo(HOOK);
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getSecurityContext()).isEqualTo(operator.getSecurityContext());
    assertThat(pod.getContainers().get(0).getImage()).isEqualTo(r.container().getImage());
    assertThat(pod.getContainers().get(0).getSecurityContext()).isEqualTo(r.container().getSecurityContext());
    // the command waits for the operator's pods to be gone: its own must not look like one
    Map<String, String> selector = r.deployment().getSpec().getSelector().getMatchLabels();
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
        .as("the hook's pod matches the operator's selector %s", selector).isFalse();
  }

  @Test
  void itsArgumentsAreOnesTheCommandAccepts() {
    for (String values : List.of(ON, ON + "watchNamespaces: [team-a, team-b]\nlabelSelector: shard=a")) {
      List<String> args = args(Chart.renderWithHooks(values));
      CommandLine cli = CommandLines.configured(new CommandLine(new OperatorMain()));
      CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
      assertThat(parsed.subcommand().commandSpec().name()).as(values).isEqualTo("release-finalizers");
    }
  }

  @Test
  void aListOfNamespacesAndALabelSelectorNarrowWhatItReleasesAndItsRbac() {
    Chart.Rendered r = Chart.renderWithHooks(ON + "watchNamespaces: [team-a, team-b]\nlabelSelector: shard=a");
    assertThat(args(r)).containsSequence("--namespace", "team-a,team-b").containsSequence("--label-selector", "shard=a")
        .doesNotContain("--all");
    assertThat(hooks(r, ClusterRole.class)).isEmpty();
    assertThat(hooks(r, ClusterRoleBinding.class)).isEmpty();
    for (String ns : List.of("team-a", "team-b")) {
      assertThat(hooks(r, Role.class)).filteredOn(o -> ns.equals(o.getMetadata().getNamespace())).singleElement()
          .satisfies(role -> assertThat(role.getRules()).containsExactly(
              Chart.rule("integrations.mdbops.io", "thirdpartyintegrations", "list", "patch")));
      assertThat(hooks(r, RoleBinding.class)).filteredOn(o -> ns.equals(o.getMetadata().getNamespace()))
          .singleElement().satisfies(b -> assertThat(b.getSubjects()).singleElement()
              .satisfies(s -> assertThat(s.getName()).isEqualTo(HOOK)));
    }
  }

  @Test
  void itsRbacIsItsOwnMadeBeforeTheJobAndOnlyWhatTheCommandNeeds() {
    Chart.Rendered r = Chart.renderWithHooks(ON);
    assertThat(hooks(r, ServiceAccount.class)).singleElement()
        .satisfies(sa -> assertThat(sa.getMetadata().getName()).isEqualTo(HOOK));
    assertThat(hooks(r, ClusterRole.class)).singleElement().satisfies(role -> assertThat(role.getRules())
        .containsExactly(Chart.rule("integrations.mdbops.io", "thirdpartyintegrations", "list", "patch")));
    assertThat(hooks(r, Role.class)).singleElement().satisfies(role -> {
      assertThat(role.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
      assertThat(role.getRules()).containsExactly(
          new PolicyRuleBuilder(Chart.rule("apps", "deployments", "get", "patch"))
              .withResourceNames(r.deployment().getMetadata().getName()).build(),
          Chart.rule("", "pods", "list"));
    });
    assertThat(Stream.concat(
            hooks(r, ClusterRoleBinding.class).stream().flatMap(b -> b.getSubjects().stream()),
            hooks(r, RoleBinding.class).stream().flatMap(b -> b.getSubjects().stream())))
        .hasSize(2).allSatisfy(s -> {
          assertThat(s.getName()).isEqualTo(HOOK);
          assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE);
        });
    Stream.of(ServiceAccount.class, ClusterRole.class, ClusterRoleBinding.class, Role.class, RoleBinding.class)
        .flatMap(kind -> hooks(r, kind).stream())
        .forEach(o -> assertThat(o.getMetadata().getAnnotations()).as(o.getKind())
            .containsEntry("helm.sh/hook", "pre-delete").containsEntry("helm.sh/hook-weight", "-10")
            .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded"));
    // the operator's own objects are unchanged by the option
    assertThat(r.objects().size() - Chart.renderWithHooks("").objects().size()).isEqualTo(6);
  }

  @Test
  void withRbacLeftToTheClusterOnlyTheServiceAccountAndTheJobAreMade() {
    Chart.Rendered r = Chart.renderWithHooks(ON + "rbac: {create: false}");
    assertThat(hooks(r, ServiceAccount.class)).hasSize(1);
    assertThat(Stream.of(ClusterRole.class, ClusterRoleBinding.class, Role.class, RoleBinding.class)
        .flatMap(kind -> hooks(r, kind).stream())).isEmpty();
    assertThat(r.all(Job.class)).hasSize(1);
  }

  private static <T extends HasMetadata> List<T> hooks(Chart.Rendered r, Class<T> kind) {
    return r.all(kind).stream().filter(o -> o.getMetadata().getAnnotations() != null
        && o.getMetadata().getAnnotations().containsKey("helm.sh/hook")).toList();
  }
}
