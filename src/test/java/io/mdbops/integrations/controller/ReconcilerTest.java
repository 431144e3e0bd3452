package io.mdbops.integrations.controller;

import static io.mdbops.integrations.opsmanager.FakeIntegrationsApi.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.DeletionPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.PrometheusScrapeConfigSpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusStatus;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.metrics.OperatorMetrics;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import io.mdbops.integrations.prometheus.FakeScrapeConfigs;
import io.mdbops.integrations.prometheus.PrometheusDiscovery;
import io.mdbops.integrations.prometheus.PrometheusDiscoveryTest;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.sync.CoreRig;
import io.mdbops.integrations.testing.MetricsText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reconciler over the real core and an in-memory API: what one pass writes to the status, which
 * Events it records, what it counts and when it looks again.
 */
class ReconcilerTest {

  record Event(String type, String reason, String message) {}

  final CoreRig rig = new CoreRig();
  final String project = rig.project();
  final List<ThirdPartyIntegrationStatus> statusWrites = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<String> finalizerWrites = new ArrayList<>();
  boolean failFinalizer;
  /** Events on Namespaces, by namespace name. */
  final Map<String, List<Event>> namespaceEvents = new HashMap<>();
  final FakeScrapeConfigs scrapeConfigs = new FakeScrapeConfigs();
  final OperatorMetrics metrics = new OperatorMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), rig.clock);
  final Verdicts verdicts = new Verdicts(rig.statuses, new RetryPolicy(CoreRig.RESYNC));
  final PassEffects effects = new PassEffects(
      new EventSink() {
        @Override
        public void record(ThirdPartyIntegration resource, String type, String reason, String message) {
          events.add(new Event(type, reason, message));
        }

        @Override
        public void recordOnNamespace(String namespace, String uid, String type, String reason, String message) {
          namespaceEvents.computeIfAbsent(namespace, n -> new ArrayList<>()).add(new Event(type, reason, message));
        }
      },
      metrics,
      (resource, context, next) -> {
        statusWrites.add(next);
        resource.setStatus(next); // what the cache holds after the write
      });
  final ThirdPartyIntegrationReconciler reconciler = new ThirdPartyIntegrationReconciler(
      new ResourceIndex("ops", null, Set.of()),
      rig.sync,
      new PrometheusDiscovery(rig.connections, rig.secrets, scrapeConfigs),
      verdicts,
      effects,
      new ResourceDeletion(rig.removal, new NamespaceTeardown(this::namespace, GRACE, rig.clock), verdicts, effects,
          new FinalizerWriter() {
            @Override
            public void add(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
              if (failFinalizer) {
                throw new KubernetesClientException("the API server is unavailable", 503, null);
              }
              finalizerWrites.add("add after " + rig.api.calls().stream().map(FakeIntegrationsApi.Call::method).toList());
              resource.addFinalizer(ThirdPartyIntegrationReconciler.FINALIZER);
            }

            @Override
            public void remove(ThirdPartyIntegration resource, Context<ThirdPartyIntegration> context) {
              finalizerWrites.add("remove");
              resource.removeFinalizer(ThirdPartyIntegrationReconciler.FINALIZER);
            }
          }),
      new WakeUpSource(),
      metrics);

  /** A pass on a resource that exists, and one on a resource Kubernetes no longer holds. */
  static final Context<ThirdPartyIntegration> LIVE = context(false);
  static final Context<ThirdPartyIntegration> DELETED = context(true);

  @SuppressWarnings("unchecked")
  static Context<ThirdPartyIntegration> context(boolean deleted) {
    return (Context<ThirdPartyIntegration>) Proxy.newProxyInstance(Context.class.getClassLoader(),
        new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
          case "isPrimaryResourceDeleted" -> deleted;
          case "isPrimaryResourceFinalStateUnknown" -> false;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  /** A pass over a resource being deleted, as JOSDK runs it. */
  record Deletion(UpdateControl<ThirdPartyIntegration> control, boolean released) {
    boolean isRemoveFinalizer() {
      return released;
    }

    Optional<Long> getScheduleDelay() {
      return control.getScheduleDelay();
    }
  }

  /** Marks {@code r} deleted (once) and runs a pass; a released resource is then gone, as Kubernetes tells. */
  Deletion cleanup(ThirdPartyIntegration r) {
    if (r.getMetadata().getDeletionTimestamp() == null) {
      r.getMetadata().setDeletionTimestamp(rig.clock.instant().toString());
    }
    UpdateControl<ThirdPartyIntegration> control = reconciler.reconcile(r, LIVE);
    boolean released = !r.hasFinalizer(ThirdPartyIntegrationReconciler.FINALIZER);
    if (released) {
      reconciler.reconcile(r, DELETED);
    }
    return new Deletion(control, released);
  }

  static final Duration GRACE = Duration.ofMinutes(5);
  /** The Namespaces the API server holds; a namespace missing here is read as forbidden when {@link #forbidden}. */
  final Map<String, Namespace> namespaces = new HashMap<>();
  boolean forbidden;

  Namespace namespace(String name) {
    if (forbidden) {
      throw new KubernetesClientException("namespaces is forbidden", 403, null);
    }
    return namespaces.get(name);
  }

  /** The resource's namespace is being deleted since now. */
  void terminating(String name) {
    namespaces.put(name, new NamespaceBuilder().withNewMetadata().withName(name)
        .withDeletionTimestamp(rig.clock.instant().toString()).endMetadata()
        .withNewStatus().withPhase("Terminating").endStatus().build());
  }

  /** A resource that wrote its integration and was then deleted, whose removal now fails with 401. */
  ThirdPartyIntegration deletedWithRevokedKey() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    r.getMetadata().setDeletionTimestamp(rig.clock.instant().toString());
    for (int i = 0; i < 10; i++) {
      rig.api.failOn("DELETE", error(401, "USER_UNAUTHORIZED"));
    }
    return r;
  }

  @Test
  void aFirstPassCreatesWritesTheStatusOnceAndSaysSo() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    UpdateControl<ThirdPartyIntegration> control = reconciler.reconcile(r, LIVE);
    assertThat(statusWrites).hasSize(1);
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.Synced);
    assertThat(events).extracting(Event::reason).containsExactly("Created");
    assertThat(control.getScheduleDelay()).isEmpty();
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_integration_writes_total",
        "cause", "Created", "type", "SLACK")).isEqualTo(1);
  }

  // ---- the finalizer: added in the pass of the first write, just before it, and only where needed

  @Test
  void theFinalizerIsAddedInTheFirstPassJustBeforeTheFirstWriteAndOnlyOnce() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    assertThat(finalizerWrites).containsExactly("add after [LIST]");
    assertThat(rig.api.calls()).extracting(FakeIntegrationsApi.Call::method).containsExactly("LIST", "PUT");
    assertThat(r.hasFinalizer(ThirdPartyIntegrationReconciler.FINALIZER)).isTrue();

    r.getSpec().getSlack().setChannelName("#elsewhere");
    r.getMetadata().setGeneration(2L);
    reconciler.reconcile(r, LIVE);
    assertThat(rig.api.stored(project, "SLACK").orElseThrow()).containsEntry("channelName", "#elsewhere");
    assertThat(finalizerWrites).as("already there").hasSize(1);
  }

  @Test
  void whenTheFinalizerCannotBeAddedNothingIsWritten() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    failFinalizer = true;
    assertThatThrownBy(() -> reconciler.reconcile(r, LIVE)).isInstanceOf(KubernetesClientException.class);
    assertThat(rig.api.calls()).extracting(FakeIntegrationsApi.Call::method).containsExactly("LIST");
    assertThat(rig.api.stored(project, "SLACK")).isEmpty();
  }

  @Test
  void aResourceThatNeverWritesCarriesNoFinalizerAndGoesAtOnce() {
    ThirdPartyIntegration invalid = rig.resource("invalid", IntegrationType.SLACK, project);
    invalid.getSpec().setProjectId("not-a-project-id");
    ThirdPartyIntegration observed = rig.resource("observed", IntegrationType.DATADOG, project);
    observed.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    rig.api.store(project, "DATADOG", Map.of("type", "DATADOG", "apiKey", "****************************1234"));
    for (ThirdPartyIntegration r : List.of(invalid, observed)) {
      reconciler.reconcile(r, LIVE);
      assertThat(r.hasFinalizer(ThirdPartyIntegrationReconciler.FINALIZER)).as(r.getMetadata().getName()).isFalse();
    }
    assertThat(invalid.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.InvalidSpec);
    assertThat(observed.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.OutOfSync);
    assertThat(finalizerWrites).isEmpty();

    long calls = rig.api.calls().size();
    for (ThirdPartyIntegration r : List.of(invalid, observed)) {
      r.getMetadata().setDeletionTimestamp(rig.clock.instant().toString());
      assertThat(reconciler.reconcile(r, LIVE).getScheduleDelay()).isEmpty();
      reconciler.reconcile(r, DELETED); // Kubernetes deleted it at once
    }
    assertThat(events).filteredOn(e -> e.reason().equals("Retained")).extracting(Event::message).containsExactly(
        "this resource never wrote the SLACK integration of project not-a-project-id, so it removed nothing",
        "managementPolicy is Observe: the DATADOG integration of project " + project + " was left in place, untouched");
    assertThat(rig.api.calls()).as("nothing to remove: no call").hasSize((int) calls);
    assertThat(rig.api.stored(project, "DATADOG")).isPresent();
  }

  @Test
  void aResourceThatWroteWithRetainGetsTheFinalizerWhenItsPolicyBecomesDelete() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    r.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    reconciler.reconcile(r, LIVE);
    assertThat(rig.api.stored(project, "SLACK")).isPresent();
    assertThat(finalizerWrites).isEmpty();

    r.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    r.getMetadata().setGeneration(2L);
    long calls = rig.api.calls().size();
    reconciler.reconcile(r, LIVE);
    assertThat(finalizerWrites).singleElement().asString().startsWith("add after");
    assertThat(rig.api.calls().subList((int) calls, rig.api.calls().size())).as("nothing else to write")
        .extracting(FakeIntegrationsApi.Call::method).doesNotContain("PUT", "DELETE");
    assertThat(cleanup(r).isRemoveFinalizer()).isTrue();
    assertThat(rig.api.stored(project, "SLACK")).as("removed as Delete says").isEmpty();
  }

  @Test
  void aPassThatChangesNothingWritesNothing() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    rig.later();
    reconciler.reconcile(r, LIVE);
    assertThat(statusWrites).hasSize(1);
    assertThat(events).hasSize(1);
  }

  @Test
  void aRepeatedFailureIsReportedOnceAndBacksOffSlowlyForCredentials() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.api.failNext(error(401, null)).failNext(error(401, null));
    UpdateControl<ThirdPartyIntegration> first = reconciler.reconcile(r, LIVE);
    UpdateControl<ThirdPartyIntegration> second = reconciler.reconcile(r, LIVE);
    assertThat(statusWrites).hasSize(1);
    assertThat(events).extracting(Event::type, Event::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", "Unauthorized"));
    assertThat(first.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isBetween(24_000L, 36_000L));
    assertThat(second.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isBetween(48_000L, 72_000L));
  }

  @Test
  void aPassHeldBackByTheRequestBudgetChangesNothingAndComesBackWhenItRefills() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    rig.api.failNext(io.mdbops.integrations.opsmanager.FakeIntegrationsApi.throttled());
    UpdateControl<ThirdPartyIntegration> control = reconciler.reconcile(r, LIVE);
    assertThat(statusWrites).isEmpty();
    assertThat(events).isEmpty();
    assertThat(control.getScheduleDelay()).contains(700L);
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_api_rate_limit_deferrals_total")).isEqualTo(1);
  }

  @Test
  void aPassThatThrowsIsReportedAsReconcilingWithoutItsMessage() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    var control = reconciler.updateErrorStatus(r, LIVE, new IllegalStateException("secret-looking detail"));
    assertThat(control.getResource()).get().satisfies(res -> assertThat(res.getStatus().ready().orElseThrow().getMessage())
        .contains("IllegalStateException").doesNotContain("secret-looking"));
  }

  @Test
  void aPassInterruptedByShutdownLeavesTheStatusAsItWas() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    var patch = new java.io.InterruptedIOException("patch");
    patch.initCause(new InterruptedException());
    var interrupted = new io.javaoperatorsdk.operator.OperatorException(patch);

    var control = reconciler.updateErrorStatus(r, LIVE, interrupted);

    assertThat(control.getResource()).isEmpty();
    assertThat(control.isDefaultErrorProcessing()).isFalse();
    assertThat(events).isEmpty();
  }

  @Test
  void aProblemOnlyAChangeCanFixWaitsForThatChange() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    r.getSpec().getSlack().setTeamName(null);
    assertThat(reconciler.reconcile(r, LIVE).getScheduleDelay()).isEmpty();
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.InvalidSpec);
  }

  @Test
  void deletionRemovesTheIntegrationAndReleasesTheFinalizer() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    Deletion control = cleanup(r);
    assertThat(control.isRemoveFinalizer()).isTrue();
    assertThat(rig.api.stored(project, "SLACK")).isEmpty();
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Deleted");
    assertThat(rig.driftWatch.watchedProjects()).isZero();
  }

  @Test
  void aDeletionRefusedForCredentialsKeepsTheFinalizerAndBacksOffSlowly() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    rig.api.failOn("DELETE", error(403, null)).failOn("DELETE", error(403, null));
    Deletion first = cleanup(r);
    Deletion second = cleanup(r);
    assertThat(first.isRemoveFinalizer()).isFalse();
    assertThat(first.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isGreaterThanOrEqualTo(24_000L));
    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.Deleting);
    assertThat(statusWrites).as("created, then deleting once").hasSize(2);
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Deleting");
    assertThat(second.isRemoveFinalizer()).isFalse();
  }

  @Test
  void aDeletionThatFailsBecauseTheApiIsDownRetriesFast() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    rig.api.failOn("DELETE", error(503, null));
    assertThat(cleanup(r).getScheduleDelay()).get()
        .satisfies(ms -> assertThat(ms).isLessThan(Duration.ofSeconds(2).toMillis()));
  }

  // ---- observe-only resources

  @Test
  void anObservedResourceRecordsAnEventEachTimeWhatItSeesChangesAndWritesStatusOnlyThen() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE); // managed first: the project holds it
    r.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    r.getMetadata().setGeneration(2L);
    events.clear();

    reconciler.reconcile(r, LIVE);
    rig.later();
    reconciler.reconcile(r, LIVE);
    assertThat(events).extracting(Event::type, Event::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Normal", "InSync"));
    int writes = statusWrites.size();

    Map<String, Object> edited = new HashMap<>(rig.api.stored(project, "SLACK").orElseThrow());
    edited.put("channelName", "#elsewhere");
    rig.api.store(project, "SLACK", edited);
    rig.later();
    UpdateControl<ThirdPartyIntegration> control = reconciler.reconcile(r, LIVE);
    rig.later();
    reconciler.reconcile(r, LIVE);

    assertThat(events).extracting(Event::type, Event::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Normal", "InSync"), org.assertj.core.groups.Tuple.tuple("Warning", "OutOfSync"));
    assertThat(events.get(1).message()).contains("channelName").doesNotContain("#elsewhere");
    assertThat(statusWrites).hasSize(writes + 1);
    assertThat(control.getScheduleDelay()).as("the drift check wakes it, nothing else").isEmpty();
    assertThat(rig.api.calls("PUT")).isEqualTo(1);
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_resources",
        "ready", "false", "reason", "OutOfSync", "type", "SLACK")).isEqualTo(1);

    Map<String, Object> restored = new HashMap<>(edited);
    restored.put("channelName", r.getSpec().getSlack().getChannelName());
    rig.api.store(project, "SLACK", restored);
    rig.later();
    reconciler.reconcile(r, LIVE);
    assertThat(events).extracting(Event::reason).containsExactly("InSync", "OutOfSync", "InSync");
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_resources",
        "ready", "true", "reason", "InSync", "type", "SLACK")).isEqualTo(1);
  }

  @Test
  void deletingAnObservedResourceReleasesItWithoutAnApiCall() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    r.getSpec().setManagementPolicy(ManagementPolicy.Observe);
    long calls = rig.api.calls().size();

    Deletion control = cleanup(r);

    assertThat(control.isRemoveFinalizer()).isTrue();
    assertThat(rig.api.calls()).hasSize((int) calls);
    assertThat(rig.api.stored(project, "SLACK")).isPresent();
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Retained");
  }

  // ---- Prometheus discovery

  ThirdPartyIntegration prometheus(boolean scrapeConfig) {
    ThirdPartyIntegration r = rig.resource("prom", IntegrationType.PROMETHEUS, project);
    String username = r.getSpec().getPrometheus().getUsername();
    Map<String, String> creds = new HashMap<>(Fixtures.credentials(IntegrationType.PROMETHEUS));
    creds.put("username", username);
    rig.secrets.put(CoreRig.NS, Fixtures.credentialsSecretName("prom"), creds);
    if (scrapeConfig) {
      r.getSpec().getPrometheus().setScrapeConfig(new PrometheusScrapeConfigSpec().withCreate(true)
          .withLabels(Map.of("release", "kube-prometheus-stack")));
    }
    return r;
  }

  @Test
  void aPrometheusResourceShowsWhereItsHostsAreDiscoveredAndAsWhom() {
    ThirdPartyIntegration r = prometheus(false);
    reconciler.reconcile(r, LIVE);
    PrometheusStatus status = r.getStatus().getPrometheus();
    assertThat(status.getDiscoveryUrl())
        .isEqualTo(CoreRig.BASE_URL + "/prometheus/v1.0/groups/" + project + "/discovery");
    assertThat(status.getUsername()).isEqualTo("prom_user_" + project);
    assertThat(status.getScrapeConfig()).isNull();
    assertThat(scrapeConfigs.writes).isEmpty();
  }

  @Test
  void aScrapeConfigIsCreatedOwnedKeptAndRemovedWithItsResource() {
    ThirdPartyIntegration r = prometheus(true);
    reconciler.reconcile(r, LIVE);
    GenericKubernetesResource created = scrapeConfigs.stored(CoreRig.NS, "prom").orElseThrow();
    assertThat(created.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getUid()).isEqualTo(r.getMetadata().getUid());
      assertThat(o.getKind()).isEqualTo("ThirdPartyIntegration");
      assertThat(o.getController()).isTrue();
    });
    assertThat(r.getStatus().getPrometheus().getScrapeConfig()).isEqualTo("prom");
    assertThat(events).extracting(Event::reason).containsExactly("Created", "ScrapeConfigCreated");

    rig.later();
    reconciler.reconcile(r, LIVE);
    assertThat(scrapeConfigs.writes).as("nothing changed: no write").containsExactly("create team/prom");

    r.getSpec().getPrometheus().getScrapeConfig().setScrapeInterval("60s");
    reconciler.reconcile(r, LIVE);
    assertThat(scrapeConfigs.writes).containsExactly("create team/prom", "update team/prom");

    r.getSpec().getPrometheus().getScrapeConfig().setCreate(false);
    reconciler.reconcile(r, LIVE);
    assertThat(scrapeConfigs.stored(CoreRig.NS, "prom")).isEmpty();
    assertThat(r.getStatus().getPrometheus().getScrapeConfig()).isNull();

    r.getSpec().getPrometheus().getScrapeConfig().setCreate(true);
    reconciler.reconcile(r, LIVE);
    cleanup(r);
    assertThat(scrapeConfigs.stored(CoreRig.NS, "prom")).as("removed with its resource").isEmpty();
    assertThat(events).extracting(Event::reason).containsExactly("Created", "ScrapeConfigCreated",
        "ScrapeConfigUpdated", "ScrapeConfigDeleted", "ScrapeConfigCreated", "Deleted");
  }

  @Test
  void aClusterWithoutTheScrapeConfigCrdIsReportedOnceAndTheIntegrationIsStillSynced() {
    scrapeConfigs.failWith = 404;
    ThirdPartyIntegration r = prometheus(true);
    reconciler.reconcile(r, LIVE);
    rig.later();
    reconciler.reconcile(r, LIVE);

    assertThat(r.getStatus().ready().orElseThrow().getReason()).isEqualTo(ConditionReason.Synced);
    assertThat(r.getStatus().getPrometheus().getScrapeConfigProblem()).contains("is not installed in this cluster");
    assertThat(r.getStatus().getPrometheus().getDiscoveryUrl()).isNotNull();
    assertThat(events).extracting(Event::type, Event::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Normal", "Created"),
        org.assertj.core.groups.Tuple.tuple("Warning", "ScrapeConfigUnavailable"));

    scrapeConfigs.failWith = 403;
    reconciler.reconcile(r, LIVE);
    assertThat(r.getStatus().getPrometheus().getScrapeConfigProblem()).contains("rbac.scrapeConfigs=true");

    scrapeConfigs.failWith = 503;
    assertThat(reconciler.reconcile(r, LIVE).getScheduleDelay()).as("a passing failure is tried again")
        .contains(PrometheusDiscoveryTest.RETRY_MILLIS);
  }

  @Test
  void aUserNameMissingFromTheSecretIsReportedWithoutItsValue() {
    ThirdPartyIntegration r = prometheus(true);
    rig.secrets.put(CoreRig.NS, Fixtures.credentialsSecretName("prom"), Fixtures.credentials(IntegrationType.PROMETHEUS));
    reconciler.reconcile(r, LIVE);
    assertThat(r.getStatus().getPrometheus().getScrapeConfigProblem())
        .contains("Secret team/prom-creds has no key username");
    assertThat(scrapeConfigs.writes).isEmpty();
  }

  @Test
  void aHeldUpDeletionSaysBothWaysOut() {
    ThirdPartyIntegration r = deletedWithRevokedKey();
    Deletion control = cleanup(r);
    assertThat(control.isRemoveFinalizer()).isFalse();
    String message = r.getStatus().ready().orElseThrow().getMessage();
    assertThat(message).contains("HTTP 401 USER_UNAUTHORIZED")
        .contains("Two ways out: restore the API key or its access to the project, or set spec.deletionPolicy to"
            + " Retain to delete this resource and leave the integration in place")
        .doesNotContain("being deleted");
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Deleting");
  }

  @Test
  void outsideANamespaceBeingDeletedADeletionWaitsForTheFixHoweverLongItTakes() {
    namespaces.put(CoreRig.NS, new NamespaceBuilder().withNewMetadata().withName(CoreRig.NS).endMetadata()
        .withNewStatus().withPhase("Active").endStatus().build());
    ThirdPartyIntegration r = deletedWithRevokedKey();
    cleanup(r);
    rig.clock.advance(Duration.ofDays(2));
    assertThat(cleanup(r).isRemoveFinalizer()).isFalse();
    assertThat(rig.api.stored(project, "SLACK")).isPresent();
  }

  @Test
  void inANamespaceBeingDeletedTheDeletionLetsGoOnceTheBoundHasPassedAndSaysWhatItLeft() {
    terminating(CoreRig.NS);
    ThirdPartyIntegration r = deletedWithRevokedKey();

    Deletion first = cleanup(r);
    assertThat(first.isRemoveFinalizer()).isFalse();
    assertThat(first.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isLessThanOrEqualTo(GRACE.toMillis()));
    assertThat(r.getStatus().ready().orElseThrow().getMessage())
        .contains("Namespace team is being deleted: unless the removal succeeds by "
            + rig.clock.instant().plus(GRACE) + " (5m after the deletion began), the operator then lets this resource"
            + " go and leaves the integration in place");

    rig.clock.advance(GRACE.minusSeconds(1));
    Deletion almost = cleanup(r);
    assertThat(almost.isRemoveFinalizer()).isFalse();
    assertThat(almost.getScheduleDelay()).get().satisfies(ms -> assertThat(ms).isLessThanOrEqualTo(1000L));

    rig.clock.advance(Duration.ofSeconds(1));
    int writes = statusWrites.size();
    Deletion released = cleanup(r);
    assertThat(released.isRemoveFinalizer()).isTrue();
    assertThat(statusWrites).as("no status write for a resource on its way out").hasSize(writes);
    // a namespace being deleted takes no new Event: it is told on the Namespace
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Deleting");
    assertThat(namespaceEvents.get(CoreRig.NS)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo("Warning");
      assertThat(e.reason()).isEqualTo("LeftBehind");
      assertThat(e.message()).startsWith("namespace team is being deleted and the removal kept failing for 5m:"
          + " released the finalizer and left the SLACK integration of project " + project + " in place")
          .contains("Last failure: removing the SLACK integration of project " + project + " failed");
    });
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_integrations_left_behind_total",
        "project", project, "type", "SLACK")).isEqualTo(1);
    assertThat(rig.api.stored(project, "SLACK")).as("left in place").isPresent();
    assertThat(rig.connectionMemory.size()).as("nothing kept for a resource that is gone").isZero();
  }

  @Test
  void theBoundCountsFromTheLaterOfTheResourcesAndTheNamespacesDeletion() {
    ThirdPartyIntegration r = deletedWithRevokedKey();
    rig.clock.advance(Duration.ofHours(1));
    terminating(CoreRig.NS); // the resource was stuck for an hour before its namespace was deleted
    assertThat(cleanup(r).isRemoveFinalizer()).isFalse();
    rig.clock.advance(GRACE);
    assertThat(cleanup(r).isRemoveFinalizer()).isTrue();
  }

  @Test
  void aRemovalThatSucceedsInANamespaceBeingDeletedLeavesNothingBehind() {
    terminating(CoreRig.NS);
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    r.getMetadata().setDeletionTimestamp(rig.clock.instant().toString());
    assertThat(cleanup(r).isRemoveFinalizer()).isTrue();
    assertThat(events).extracting(Event::reason).containsExactly("Created", "Deleted");
    assertThat(rig.api.stored(project, "SLACK")).isEmpty();
    assertThat(MetricsText.value(metrics.scrape(), "integrations_operator_integrations_left_behind_total",
        "project", project, "type", "SLACK")).isZero();
  }

  @Test
  void withoutTheRightToReadNamespacesEveryDeletionIsRetriedAsBefore() {
    terminating(CoreRig.NS);
    forbidden = true;
    ThirdPartyIntegration r = deletedWithRevokedKey();
    cleanup(r);
    rig.clock.advance(GRACE.multipliedBy(10));
    assertThat(cleanup(r).isRemoveFinalizer()).isFalse();
    assertThat(r.getStatus().ready().orElseThrow().getMessage()).doesNotContain("being deleted");
  }

  @Test
  void aDeletedProjectIsADeletionThatSaysSo() {
    ThirdPartyIntegration r = rig.resource("it", IntegrationType.SLACK, project);
    reconciler.reconcile(r, LIVE);
    rig.api.removeProject(project);
    assertThat(cleanup(r).isRemoveFinalizer()).isTrue();
    assertThat(events).last().satisfies(e -> {
      assertThat(e.reason()).isEqualTo("Deleted");
      assertThat(e.message()).isEqualTo("the SLACK integration was already gone from project " + project
          + ": project " + project + " no longer exists at " + CoreRig.BASE_URL
          + " (the API answered GROUP_NOT_FOUND), and its integrations went with it");
    });
  }
}
