package io.mdbops.integrations.controller;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.contract.AtlasContract;
import io.mdbops.integrations.contract.ContractRecorder;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator against each API generation with each kind of credentials: the Cloud Manager public
 * API v1.0 and the Atlas Administration API v2, each with an API key (Digest) and with a service
 * account (OAuth 2). Each converges with exactly one accepted write per integration (a POST on
 * Atlas), reads each project once per resync and writes nothing at rest or after a restart, and
 * undoes drift, re-sends a rotated Secret, removes on deletion and reports a conflict the same way.
 * With a service account, one token serves the whole operator and is revoked when it stops. On
 * Atlas, every request and answer is held against MongoDB's published OpenAPI spec.
 */
class ApiGenerationsEndToEndTest {

  /** One API generation and kind of credentials. */
  record Combination(String name, ApiGeneration api, boolean serviceAccount) {
    @Override
    public String toString() {
      return name;
    }

    Product product() {
      return api == ApiGeneration.ATLAS_V2 ? Product.ATLAS : Product.CLOUD_MANAGER;
    }

    /** The method that creates a type the project lacks. */
    String createMethod() {
      return api == ApiGeneration.ATLAS_V2 ? "POST" : "PUT";
    }
  }

  static Stream<Combination> combinations() {
    return Stream.of(
        new Combination("public API v1.0 with an API key (Digest)", ApiGeneration.PUBLIC_V1, false),
        new Combination("public API v1.0 with a service account (OAuth 2)", ApiGeneration.PUBLIC_V1, true),
        new Combination("Atlas API v2 with an API key (Digest)", ApiGeneration.ATLAS_V2, false),
        new Combination("Atlas API v2 with a service account (OAuth 2)", ApiGeneration.ATLAS_V2, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("combinations")
  void convergesAndBehavesAlikeOnEveryApiAndCredential(Combination c) throws Exception {
    try (OperatorHarness h = OperatorHarness.start(x -> x, s -> s.api(c.api()))) {
      if (c.serviceAccount()) {
        h.useServiceAccount();
      }
      // on Atlas, all the traffic is held against MongoDB's published spec
      ContractRecorder contract = new ContractRecorder(AtlasContract.load());
      h.sim.observe(contract);
      String ns = h.namespace("gen");
      String project = h.project();
      List<IntegrationType> types = ProductSupport.offeredTypes(c.product());
      Map<IntegrationType, Map<String, String>> credentials = new LinkedHashMap<>();
      for (IntegrationType type : types) {
        ThirdPartyIntegration r = Fixtures.resource(ns, name(type), type, project, CONNECTION, c.product());
        credentials.put(type, h.createWithCredentials(r));
      }
      for (IntegrationType type : types) {
        h.awaitReason(ns, name(type), ConditionReason.Synced);
      }
      h.awaitQuiet();
      assertThat(writes(h, project, c.createMethod())).as("one create per integration").isEqualTo(types.size());
      if (c.api() == ApiGeneration.ATLAS_V2) {
        assertThat(writes(h, project, "PUT")).as("nothing created with PUT on Atlas").isZero();
      }
      assertThat(h.sim.storedAll(project)).hasSize(types.size());

      // at rest: a drift check reads the project once and writes nothing, in either API
      long lists = lists(h, project);
      int kubeWrites = h.kubeWrites(ns).size();
      long allWrites = allWrites(h, project);
      h.driftCheck();
      h.awaitQuiet();
      assertThat(lists(h, project) - lists).as("one list per project per resync").isEqualTo(1);
      assertThat(allWrites(h, project)).isEqualTo(allWrites);
      assertThat(h.kubeWrites(ns)).hasSize(kubeWrites);

      // a restart over the in-sync fleet: no write of either kind
      h.stopOperator();
      if (c.serviceAccount()) {
        assertThat(h.sim.liveAccessTokens()).as("the token is revoked on a clean shutdown").isZero();
        assertThat(tokenCalls(h, "/api/oauth/revoke")).isEqualTo(1);
      }
      h.startOperator();
      for (IntegrationType type : types) {
        h.awaitReason(ns, name(type), ConditionReason.Synced);
      }
      h.awaitQuiet();
      assertThat(allWrites(h, project)).as("no API write after a restart").isEqualTo(allWrites);
      assertThat(h.kubeWrites(ns)).as("no Kubernetes write after a restart").hasSize(kubeWrites);

      // drift: a hand edit is undone with one write, and counted
      Map<String, Object> edited = new LinkedHashMap<>(h.sim.stored(project, "SLACK").orElseThrow());
      edited.put("channelName", "#hand-edited");
      edited.remove("type");
      h.sim.putStored(project, "SLACK", edited);
      h.driftCheck();
      h.awaitResource(ns, name(IntegrationType.SLACK),
          r -> r.getStatus().getDriftCorrections() != null && r.getStatus().getDriftCorrections() == 1);
      h.awaitQuiet();
      assertThat(h.sim.stored(project, "SLACK").orElseThrow()).containsEntry("channelName", "#alerts");
      assertThat(allWrites(h, project)).isEqualTo(allWrites + 1);

      // rotation: a changed Secret is sent once
      Map<String, String> rotated = Fixtures.credentials(IntegrationType.PAGER_DUTY);
      h.update(Fixtures.secret(ns, Fixtures.credentialsSecretName(name(IntegrationType.PAGER_DUTY)), rotated));
      h.awaitResource(ns, name(IntegrationType.PAGER_DUTY), r -> h.sim.stored(project, "PAGER_DUTY")
          .map(s -> rotated.get("serviceKey").equals(s.get("serviceKey"))).orElse(false));
      h.awaitReason(ns, name(IntegrationType.PAGER_DUTY), ConditionReason.Synced);
      h.awaitQuiet();
      assertThat(allWrites(h, project)).isEqualTo(allWrites + 2);

      // conflict: a second resource for the same integration waits and never writes
      h.createWithCredentials(Fixtures.resource(ns, "slack-twin", IntegrationType.SLACK, project, CONNECTION,
          c.product()));
      h.awaitReason(ns, "slack-twin", ConditionReason.Conflict);
      h.awaitQuiet();
      assertThat(allWrites(h, project)).isEqualTo(allWrites + 2);

      // deletion: the integration is removed (204), the resource goes
      h.delete(ns, name(IntegrationType.WEBHOOK));
      h.awaitGone(ns, name(IntegrationType.WEBHOOK));
      assertThat(h.sim.stored(project, "WEBHOOK")).isEmpty();
      assertThat(h.calls(project).stream().filter(e -> e.method().equals("DELETE")).map(JournalEntry::status))
          .containsExactly(204);

      if (c.api() == ApiGeneration.ATLAS_V2) {
        assertThat(contract.violations()).as("MongoDB's OpenAPI spec").isEmpty();
        assertThat(contract.checked()).isGreaterThan(types.size());
      }
      if (c.serviceAccount()) {
        // one token per operator process, shared by every resource; never a Digest round trip
        assertThat(tokenCalls(h, "/api/oauth/token")).isEqualTo(2);
        assertThat(h.calls(project)).noneMatch(JournalEntry::challenged);
      }
    }
  }

  /** Writes of this method the simulator accepted (authentication round trips are not writes). */
  static long writes(OperatorHarness h, String project, String method) {
    return h.calls(project).stream().filter(e -> e.method().equals(method) && e.status() == 200).count();
  }

  static long allWrites(OperatorHarness h, String project) {
    return writes(h, project, "POST") + writes(h, project, "PUT");
  }

  /** Authenticated reads of the project's whole list. */
  static long lists(OperatorHarness h, String project) {
    return h.calls(project).stream()
        .filter(e -> e.method().equals("GET") && e.type() == null && e.status() == 200).count();
  }

  static long tokenCalls(OperatorHarness h, String path) {
    return h.sim.journal().count(e -> path.equals(e.path()) && e.status() == 200);
  }

  static String name(IntegrationType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
