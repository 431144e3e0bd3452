package io.mdbops.integrations.packaging;

import io.mdbops.integrations.cli.OperatorDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's Deployment: configuration through env vars, pod security, probes, image, scheduling. */
class ChartDeploymentTest {

  @Test
  void defaultsRunTwoReplicasWithLeaderElectionAndJsonLogs() {
    Chart.Rendered r = Chart.render();
    assertThat(r.deployment().getSpec().getReplicas()).isEqualTo(2);
    assertThat(r.container().getArgs()).containsExactly("run");
    assertThat(r.env()).containsExactly(
        entry("POD_NAME", "fieldRef:metadata.name"),
        entry("INTEGRATIONS_OPERATOR_OPERATOR_NAMESPACE", "fieldRef:metadata.namespace"),
        entry("INTEGRATIONS_OPERATOR_WATCH_NAMESPACES", ""),
        entry("INTEGRATIONS_OPERATOR_LABEL_SELECTOR", ""),
        entry("INTEGRATIONS_OPERATOR_RESYNC_INTERVAL", "5m"),
        entry("INTEGRATIONS_OPERATOR_TERMINATING_NAMESPACE_GRACE_PERIOD", "5m"),
        entry("INTEGRATIONS_OPERATOR_MAX_CONCURRENT_RECONCILES", "20"),
        entry("INTEGRATIONS_OPERATOR_LEADER_ELECTION", "true"),
        entry("INTEGRATIONS_OPERATOR_LEASE_NAME", "integrations-operator"),
        entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET", ""),
        entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACES", ""),
        entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACE_SELECTOR", ""),
        entry("INTEGRATIONS_OPERATOR_NAMESPACE_PROJECTS", ""),
        entry("INTEGRATIONS_OPERATOR_PROJECTS_FROM_NAMESPACE_ANNOTATION", "false"),
        entry("INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS", "https://cloud.mongodb.com"),
        entry("INTEGRATIONS_OPERATOR_API_TIMEOUT", "30s"),
        entry("INTEGRATIONS_OPERATOR_API_REQUESTS_PER_MINUTE", "60"),
        entry("INTEGRATIONS_OPERATOR_HTTP_PORT", "8080"),
        entry("INTEGRATIONS_OPERATOR_LOG_FORMAT", "json"),
        entry("INTEGRATIONS_OPERATOR_LOG_LEVEL", "info"),
        entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"));
  }

  @Test
  void severalReplicasRequireLeaderElection() {
    assertThatThrownBy(() -> Chart.render("leaderElection: {enabled: false}"))
        .hasMessageContaining("replicas > 1 needs leaderElection.enabled");
    assertThat(Chart.render("replicas: 1\nleaderElection: {enabled: false}").env())
        .containsEntry("INTEGRATIONS_OPERATOR_LEADER_ELECTION", "false");
  }

  @Test
  void everySettingReachesItsEnvironmentVariable() {
    Chart.Rendered r = Chart.render("""
        watchNamespaces: [team-a, team-b]
        labelSelector: shard=a
        resyncInterval: 10m
        terminatingNamespaceGracePeriod: 90s
        maxConcurrentReconciles: 5
        leaderElection: {leaseName: shard-a}
        defaultConnection: {existingSecret: cloud-manager}
        defaultConnectionNamespaces: [team-a]
        defaultConnectionNamespaceSelector: integrations.mdbops.io/default-connection=allowed
        namespaceProjects: {team-a: [5e2211c17a3e5a48f5497de3, 6f2211c17a3e5a48f5497de4], team-b: [7a2211c17a3e5a48f5497de5]}
        projectsFromNamespaceAnnotation: true
        allowedBaseUrls: [https://cloud.mongodb.com, https://opsmanager.example.com:8443]
        apiTimeout: 45s
        apiRequestsPerMinute: 30
        httpPort: 9090
        logFormat: text
        jvmOptions: -XX:MaxRAMPercentage=60
        extraEnv: [{name: EXTRA, value: "1"}]
        extraArgs: [--resync-interval=15m]
        """);
    assertThat(r.env()).contains(
        entry("INTEGRATIONS_OPERATOR_WATCH_NAMESPACES", "team-a,team-b"),
        entry("INTEGRATIONS_OPERATOR_LABEL_SELECTOR", "shard=a"),
        entry("INTEGRATIONS_OPERATOR_RESYNC_INTERVAL", "10m"),
        entry("INTEGRATIONS_OPERATOR_TERMINATING_NAMESPACE_GRACE_PERIOD", "90s"),
        entry("INTEGRATIONS_OPERATOR_MAX_CONCURRENT_RECONCILES", "5"),
        entry("INTEGRATIONS_OPERATOR_LEASE_NAME", "shard-a"),
        entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_SECRET", "cloud-manager"),
        entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACES", "team-a"),
        entry("INTEGRATIONS_OPERATOR_DEFAULT_CONNECTION_NAMESPACE_SELECTOR", "integrations.mdbops.io/default-connection=allowed"),
        entry("INTEGRATIONS_OPERATOR_NAMESPACE_PROJECTS", "team-a=5e2211c17a3e5a48f5497de3|6f2211c17a3e5a48f5497de4,team-b=7a2211c17a3e5a48f5497de5"),
        entry("INTEGRATIONS_OPERATOR_PROJECTS_FROM_NAMESPACE_ANNOTATION", "true"),
        entry("INTEGRATIONS_OPERATOR_ALLOWED_BASE_URLS", "https://cloud.mongodb.com,https://opsmanager.example.com:8443"),
        entry("INTEGRATIONS_OPERATOR_API_TIMEOUT", "45s"),
        entry("INTEGRATIONS_OPERATOR_API_REQUESTS_PER_MINUTE", "30"),
        entry("INTEGRATIONS_OPERATOR_HTTP_PORT", "9090"),
        entry("INTEGRATIONS_OPERATOR_LOG_FORMAT", "text"),
        entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60"),
        entry("EXTRA", "1"));
    assertThat(r.container().getArgs()).containsExactly("run", "--resync-interval=15m");
    assertThat(r.container().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getContainerPort()).isEqualTo(9090);
    });
  }

  @Test
  void theEnvironmentNamesAreTheOnesTheOperatorReads() {
    for (EnvVar v : Chart.render().container().getEnv()) {
      if (!v.getName().equals("POD_NAME") && !v.getName().equals("JAVA_TOOL_OPTIONS")) {
        assertThat(OperatorDefaults.environmentVariables()).as("the operator reads %s", v.getName())
            .containsValue(v.getName());
      }
    }
  }

  /**
   * The chart's values are the operator's defaults, except where a deployment wants otherwise on
   * purpose: a leader among replicas, JSON logs, the pod's own namespace.
   */
  @Test
  void theChartsDefaultsAreTheOperatorsDefaults() {
    Map<String, String> deliberate = Map.of(
        "INTEGRATIONS_OPERATOR_LEADER_ELECTION", "true",
        "INTEGRATIONS_OPERATOR_LOG_FORMAT", "json",
        "INTEGRATIONS_OPERATOR_OPERATOR_NAMESPACE", "fieldRef:metadata.namespace");
    Map<String, String> rendered = Chart.render().env();
    OperatorDefaults.environmentVariables().forEach((flag, env) -> {
      if (!rendered.containsKey(env)) {
        return; // left to the operator's own default
      }
      String expected = deliberate.getOrDefault(env, OperatorDefaults.defaultOf(flag));
      assertThat(rendered.get(env)).as("%s (%s)", env, flag).isEqualTo(expected);
    });
  }

  @Test
  void podsMeetTheRestrictedPodSecurityStandard() {
    Chart.Rendered r = Chart.render();
    PodSpec pod = r.deployment().getSpec().getTemplate().getSpec();
    PodSecurityContext psc = pod.getSecurityContext();
    assertThat(psc.getRunAsNonRoot()).isTrue();
    assertThat(psc.getRunAsUser()).isEqualTo(65532L);
    assertThat(psc.getRunAsGroup()).isEqualTo(65532L);
    assertThat(psc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    SecurityContext sc = r.container().getSecurityContext();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getRunAsNonRoot()).isTrue();
    assertThat(sc.getRunAsUser()).isEqualTo(65532L);
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getCapabilities().getAdd()).isEmpty();
    assertThat(sc.getPrivileged()).isNotEqualTo(Boolean.TRUE);
    assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    // a writable /tmp for the JVM on the read-only root filesystem
    assertThat(r.container().getVolumeMounts()).singleElement().satisfies(m -> {
      assertThat(m.getMountPath()).isEqualTo("/tmp");
      assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
        assertThat(v.getName()).isEqualTo(m.getName());
        assertThat(v.getEmptyDir()).isNotNull();
      });
    });
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getServiceAccountName()).isEqualTo("integrations-operator");
    // the service account itself hands out no token to pods that do not ask
    assertThat(r.one(ServiceAccount.class).getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void probesUseTheHealthEndpointsOnTheHttpPort() {
    Container c = Chart.render().container();
    assertThat(c.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getContainerPort()).isEqualTo(8080);
    });
    assertHttpGet(c.getLivenessProbe(), "/healthz");
    assertHttpGet(c.getReadinessProbe(), "/readyz");
    assertHttpGet(c.getStartupProbe(), "/healthz");
  }

  private static void assertHttpGet(Probe probe, String path) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @Test
  void resourcesFitASmallJvm() {
    Container c = Chart.render().container();
    assertThat(c.getResources().getRequests()).containsEntry("memory", new Quantity("256Mi"))
        .containsEntry("cpu", new Quantity("100m"));
    assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void theImageTagDefaultsToTheAppVersionAndADigestWins() throws IOException {
    String appVersion = Chart.chartYaml("appVersion");
    assertThat(Chart.render().container().getImage())
        .isEqualTo("ghcr.io/mdbops/integrations-operator:" + appVersion);
    assertThat(Chart.render("image: {repository: registry.example.com/ops/io, tag: 1.2.3}").container().getImage())
        .isEqualTo("registry.example.com/ops/io:1.2.3");
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    Container pinned = Chart.render("image: {tag: 1.2.3, digest: '" + digest + "', pullPolicy: Always}").container();
    assertThat(pinned.getImage()).isEqualTo("ghcr.io/mdbops/integrations-operator@" + digest);
    assertThat(pinned.getImagePullPolicy()).isEqualTo("Always");
    assertThat(Chart.render("image: {pullSecrets: [regcred]}").deployment().getSpec().getTemplate().getSpec()
        .getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("regcred");
  }

  @Test
  void replicasSpreadAcrossNodesByDefault() {
    Deployment d = Chart.render().deployment();
    Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
    assertThat(selector).containsOnly(
        entry("app.kubernetes.io/name", "integrations-operator"),
        entry("app.kubernetes.io/instance", "integrations-operator"));
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
    TopologySpreadConstraint spread = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().get(0);
    assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(spread.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
    assertThat(spread.getMaxSkew()).isEqualTo(1);
    assertThat(spread.getLabelSelector().getMatchLabels()).isEqualTo(selector);
  }

  @Test
  void schedulingAndPodMetadataValuesArePassedThrough() {
    Chart.Rendered r = Chart.render("""
        priorityClassName: system-cluster-critical
        nodeSelector: {kubernetes.io/os: linux}
        tolerations: [{key: dedicated, operator: Equal, value: ops, effect: NoSchedule}]
        affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: pool, operator: In, values: [ops]}]}]}}}
        topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
          - {maxSkew: 2, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {tier: ops}}}
        podAnnotations: {example.com/team: ops}
        podLabels: {team: ops}
        terminationGracePeriodSeconds: 60
        serviceAccount: {annotations: {iam.example.com/role: operator}}
        """);
    PodSpec pod = r.deployment().getSpec().getTemplate().getSpec();
    assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
    assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getValue()).isEqualTo("ops"));
    assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
    assertThat(pod.getTopologySpreadConstraints()).hasSize(2);
    assertThat(pod.getTopologySpreadConstraints().get(0).getLabelSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", "integrations-operator");
    assertThat(pod.getTopologySpreadConstraints().get(1).getLabelSelector().getMatchLabels()).containsOnly(entry("tier", "ops"));
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
    assertThat(r.deployment().getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("example.com/team", "ops");
    assertThat(r.deployment().getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team", "ops");
    assertThat(r.deployment().getSpec().getSelector().getMatchLabels()).doesNotContainKey("team");
    assertThat(r.one(ServiceAccount.class).getMetadata().getAnnotations()).containsEntry("iam.example.com/role", "operator");
  }

  @Test
  void anExistingServiceAccountIsUsedInsteadOfCreatingOne() {
    Chart.Rendered r = Chart.render("serviceAccount: {create: false, name: platform-operator}");
    assertThat(r.all(ServiceAccount.class)).isEmpty();
    assertThat(r.deployment().getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("platform-operator");
    assertThat(r.one(ClusterRoleBinding.class).getSubjects().get(0).getName()).isEqualTo("platform-operator");
  }

  @Test
  void namesFollowTheReleaseAndOverrides() {
    Chart.Rendered shard = new Chart.Rendered(Manifests.parse(templateAs("shard-a")));
    assertThat(shard.deployment().getMetadata().getName()).isEqualTo("shard-a-integrations-operator");
    assertThat(shard.env()).containsEntry("INTEGRATIONS_OPERATOR_LEASE_NAME", "shard-a-integrations-operator");
    assertThat(Chart.render("fullnameOverride: tpi").deployment().getMetadata().getName()).isEqualTo("tpi");
  }

  private static String templateAs(String release) {
    return new Helm(Chart.DIR).template().withName(release).withNamespace(Chart.NAMESPACE)
        .withKubeVersion(Chart.KUBE_VERSION).call();
  }

  @Test
  void theMetricsServiceTargetsTheHttpPort() {
    Service s = Chart.render().one(Service.class);
    assertThat(s.getMetadata().getName()).isEqualTo("integrations-operator-metrics");
    assertThat(s.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(s.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getPort()).isEqualTo(8080);
      assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
    });
    assertThat(s.getSpec().getSelector()).isEqualTo(Chart.render().deployment().getSpec().getSelector().getMatchLabels());
    assertThat(Chart.render("metrics: {service: {enabled: false}}").all(Service.class)).isEmpty();
  }
}
