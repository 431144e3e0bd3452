package io.mdbops.integrations.packaging;

import static io.mdbops.integrations.packaging.Chart.NAMESPACE;
import static io.mdbops.integrations.packaging.Chart.RESOURCE_RULES;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Least privilege: exactly the rules the operator needs, only where it needs them. */
class ChartRbacTest {

  static final Set<String> SECRET_WRITES = Set.of("create", "update", "patch", "delete", "deletecollection", "*");
  static final String AGGREGATE = "rbac.authorization.k8s.io/aggregate-to-";
  static final List<String> AGGREGATED = List.of("integrations-operator-edit", "integrations-operator-view");

  @Test
  void watchingAllNamespacesUsesOneClusterRoleWithExactlyTheResourceRulesAndGetOnNamespaces() {
    Chart.Rendered r = Chart.render();
    ClusterRole role = clusterRole(r, "integrations-operator");
    // get on Namespaces: is a resource's namespace being deleted (bounds how long its deletion waits)
    assertThat(role.getRules()).containsExactlyElementsOf(
        Stream.concat(RESOURCE_RULES.stream(), Stream.of(Chart.NAMESPACE_GET)).toList());
    ClusterRoleBinding binding = r.one(ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects()).singleElement().satisfies(this::isOperatorServiceAccount);
    // only the leader-election Role besides
    assertThat(r.all(Role.class)).extracting(o -> o.getMetadata().getName())
        .containsExactly("integrations-operator-leader-election");
  }

  @Test
  void aListOfNamespacesGetsARolePerNamespaceAndClusterWideOnlyGetOnThoseNamespaces() {
    Chart.Rendered r = Chart.render("watchNamespaces: [team-a, team-b]");
    // besides the roles aggregated into admin/edit/view, which grant the operator nothing, only get
    // on its own Namespaces by name (is one being deleted?)
    assertThat(r.all(ClusterRole.class)).extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(Stream.concat(AGGREGATED.stream(),
            Stream.of("integrations-operator-namespaces")).toList());
    assertThat(clusterRole(r, "integrations-operator-namespaces").getRules()).containsExactly(
        new PolicyRuleBuilder(Chart.NAMESPACE_GET).withResourceNames("team-a", "team-b").build());
    assertThat(r.all(ClusterRoleBinding.class)).singleElement().satisfies(b -> {
      assertThat(b.getRoleRef().getName()).isEqualTo("integrations-operator-namespaces");
      assertThat(b.getSubjects()).singleElement().satisfies(this::isOperatorServiceAccount);
    });
    for (String ns : List.of("team-a", "team-b")) {
      Role role = roleIn(r, ns, "integrations-operator");
      assertThat(role.getRules()).containsExactlyElementsOf(RESOURCE_RULES);
      RoleBinding binding = bindingIn(r, ns, "integrations-operator");
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(binding.getRoleRef().getName()).isEqualTo("integrations-operator");
      assertThat(binding.getSubjects()).singleElement().satisfies(this::isOperatorServiceAccount);
    }
    // the default connection Secret lives in the release namespace: read-only access there
    assertThat(roleIn(r, NAMESPACE, "integrations-operator-secrets").getRules())
        .containsExactly(Chart.rule("", "secrets", "get", "list", "watch"));
    assertThat(bindingIn(r, NAMESPACE, "integrations-operator-secrets").getSubjects())
        .singleElement().satisfies(this::isOperatorServiceAccount);
    assertThat(r.all(Role.class)).extracting(o -> o.getMetadata().getNamespace())
        .containsOnly("team-a", "team-b", NAMESPACE);
  }

  @Test
  void scrapeConfigsAreWritableOnlyWhenTheChartEnablesThem() {
    PolicyRule scrapeConfigs = Chart.rule("monitoring.coreos.com", "scrapeconfigs", "get", "create", "update", "delete");
    assertThat(Chart.render().all(ClusterRole.class)).flatExtracting(ClusterRole::getRules)
        .noneMatch(rule -> rule.getApiGroups().contains("monitoring.coreos.com"));

    List<PolicyRule> expected = Stream.concat(RESOURCE_RULES.stream(), Stream.of(scrapeConfigs)).toList();
    assertThat(clusterRole(Chart.render("rbac:\n  scrapeConfigs: true"), "integrations-operator").getRules())
        .containsExactlyElementsOf(Stream.concat(expected.stream(), Stream.of(Chart.NAMESPACE_GET)).toList());
    Chart.Rendered namespaced = Chart.render("watchNamespaces: [team-a]\nrbac:\n  scrapeConfigs: true");
    assertThat(roleIn(namespaced, "team-a", "integrations-operator").getRules()).containsExactlyElementsOf(expected);
  }

  @Test
  void namespacesAreReadOnlyWhenALabelSelectorOrTheProjectAnnotationNeedsThem() {
    assertThat(Chart.render().all(ClusterRole.class)).extracting(o -> o.getMetadata().getName())
        .doesNotContain("integrations-operator-namespaces");
    for (String values : List.of(
        "defaultConnectionNamespaceSelector: integrations.mdbops.io/default-connection=allowed",
        "projectsFromNamespaceAnnotation: true",
        "watchNamespaces: [team-a]\nprojectsFromNamespaceAnnotation: true")) {
      Chart.Rendered r = Chart.render(values);
      ClusterRole namespaces = r.all(ClusterRole.class).stream()
          .filter(c -> c.getMetadata().getName().equals("integrations-operator-namespaces")).findFirst().orElseThrow();
      assertThat(namespaces.getRules()).as(values).containsExactly(Chart.rule("", "namespaces", "get", "list", "watch"));
      assertThat(r.all(ClusterRoleBinding.class)).extracting(b -> b.getRoleRef().getName())
          .contains("integrations-operator-namespaces");
    }
  }

  @Test
  void watchingTheReleaseNamespaceItselfNeedsNoExtraSecretsRole() {
    Chart.Rendered r = Chart.render("watchNamespaces: [team-a, " + NAMESPACE + "]");
    assertThat(r.all(Role.class)).extracting(o -> o.getMetadata().getName())
        .doesNotContain("integrations-operator-secrets");
    assertThat(roleIn(r, NAMESPACE, "integrations-operator").getRules()).containsExactlyElementsOf(RESOURCE_RULES);
  }

  @Test
  void theLeaseRulesAreARoleInTheReleaseNamespaceNamingTheLease() {
    Chart.Rendered r = Chart.render("leaderElection: {leaseName: shard-a}");
    Role role = roleIn(r, NAMESPACE, "integrations-operator-leader-election");
    assertThat(role.getRules()).containsExactly(
        Chart.rule("coordination.k8s.io", "leases", "create"),
        new PolicyRuleBuilder(
            Chart.rule("coordination.k8s.io", "leases", "get", "list", "watch", "update", "patch"))
            .withResourceNames("shard-a").build());
    assertThat(r.env()).containsEntry("INTEGRATIONS_OPERATOR_LEASE_NAME", "shard-a").containsEntry("INTEGRATIONS_OPERATOR_LEADER_ELECTION", "true");
    assertThat(bindingIn(r, NAMESPACE, "integrations-operator-leader-election").getSubjects())
        .singleElement().satisfies(this::isOperatorServiceAccount);
  }

  @Test
  void withoutLeaderElectionThereAreNoLeaseRules() {
    Chart.Rendered r = Chart.render("leaderElection: {enabled: false}\nreplicas: 1");
    assertThat(rules(r)).noneMatch(rule -> rule.getResources().contains("leases"));
    assertThat(r.env()).containsEntry("INTEGRATIONS_OPERATOR_LEADER_ELECTION", "false");
  }

  @Test
  void rbacCanBeLeftToTheCluster() {
    Chart.Rendered r = Chart.render("rbac: {create: false}");
    assertThat(Stream.of(Role.class, RoleBinding.class, ClusterRole.class, ClusterRoleBinding.class)
        .flatMap(t -> r.all(t).stream())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "",
      "watchNamespaces: [team-a, team-b]",
      "watchNamespaces: [integrations-operator]",
      "leaderElection: {enabled: false}\nreplicas: 1",
      "defaultConnection: {create: true, publicKey: p, privateKey: k}\nnetworkPolicy: {enabled: true}",
      "metrics: {serviceMonitor: {enabled: true}}\nprometheusRule: {enabled: true}\ngrafanaDashboard: {enabled: true}",
      "releaseFinalizersOnUninstall: true",
      "releaseFinalizersOnUninstall: true\nwatchNamespaces: [team-a]"})
  void noWildcardsNoSecretWritesAndLeasesOnlyInTheReleaseNamespace(String values) {
    Chart.Rendered r = Chart.renderWithHooks(values);
    List<PolicyRule> rules = rules(r);
    assertThat(rules).isNotEmpty();
    for (PolicyRule rule : rules) {
      assertThat(rule.getVerbs()).as("verbs of %s", rule).doesNotContain("*");
      assertThat(rule.getResources()).as("resources of %s", rule).noneMatch(s -> s.contains("*"));
      assertThat(rule.getApiGroups()).as("apiGroups of %s", rule).doesNotContain("*");
      assertThat(rule.getNonResourceURLs()).as("nonResourceURLs of %s", rule).isEmpty();
      if (rule.getResources().contains("secrets")) {
        assertThat(rule.getVerbs()).as("Secret verbs").doesNotContainAnyElementsOf(SECRET_WRITES);
      }
    }
    assertThat(r.all(ClusterRole.class)).flatExtracting(ClusterRole::getRules)
        .noneMatch(rule -> rule.getResources().contains("leases"));
    assertThat(r.all(Role.class))
        .filteredOn(role -> role.getRules().stream().anyMatch(rule -> rule.getResources().contains("leases")))
        .allSatisfy(role -> assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE));
  }

  @Test
  void namespaceEditorsManageIntegrationsAndViewersReadThemThroughTheBuiltInRoles() {
    for (String values : List.of("", "watchNamespaces: [team-a]")) {
      Chart.Rendered r = Chart.render(values);
      ClusterRole edit = clusterRole(r, "integrations-operator-edit");
      assertThat(edit.getMetadata().getLabels()).as(values)
          .containsEntry(AGGREGATE + "admin", "true").containsEntry(AGGREGATE + "edit", "true")
          .doesNotContainKey(AGGREGATE + "view");
      assertThat(edit.getRules()).containsExactly(Chart.rule("integrations.mdbops.io", "thirdpartyintegrations",
          "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"));
      ClusterRole view = clusterRole(r, "integrations-operator-view");
      assertThat(view.getMetadata().getLabels()).as(values).containsEntry(AGGREGATE + "view", "true")
          .doesNotContainKeys(AGGREGATE + "admin", AGGREGATE + "edit");
      assertThat(view.getRules())
          .containsExactly(Chart.rule("integrations.mdbops.io", "thirdpartyintegrations", "get", "list", "watch"));
      // aggregation is their only use: nobody is bound to them directly
      assertThat(Stream.concat(
          r.all(ClusterRoleBinding.class).stream().map(b -> b.getRoleRef().getName()),
          r.all(RoleBinding.class).stream().map(b -> b.getRoleRef().getName())))
          .doesNotContainAnyElementsOf(AGGREGATED);
    }
  }

  @Test
  void theAggregatedRolesCanBeLeftOut() {
    for (String values : List.of("rbac: {aggregateToDefaultRoles: false}", "rbac: {create: false}")) {
      assertThat(Chart.render(values).all(ClusterRole.class)).as(values)
          .noneMatch(c -> c.getMetadata().getLabels().keySet().stream().anyMatch(k -> k.startsWith(AGGREGATE)));
    }
  }

  private void isOperatorServiceAccount(Subject s) {
    assertThat(s.getKind()).isEqualTo("ServiceAccount");
    assertThat(s.getName()).isEqualTo("integrations-operator");
    assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
  }

  private static List<PolicyRule> rules(Chart.Rendered r) {
    return Stream.concat(
        r.all(ClusterRole.class).stream().flatMap(c -> c.getRules().stream()),
        r.all(Role.class).stream().flatMap(c -> c.getRules().stream())).toList();
  }

  private static ClusterRole clusterRole(Chart.Rendered r, String name) {
    return named(r.all(ClusterRole.class), null, name);
  }

  private static Role roleIn(Chart.Rendered r, String ns, String name) {
    return named(r.all(Role.class), ns, name);
  }

  private static RoleBinding bindingIn(Chart.Rendered r, String ns, String name) {
    return named(r.all(RoleBinding.class), ns, name);
  }

  private static <T extends HasMetadata> T named(List<T> objects, String ns, String name) {
    return objects.stream()
        .filter(o -> Objects.equals(ns, o.getMetadata().getNamespace()) && name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + ns + " among " + objects.stream()
            .map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()).toList()));
  }
}
