package io.mdbops.integrations.doctor;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.EmptyString;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.NonceReuse;
import io.mdbops.integrations.simulator.PutSemantics;
import io.mdbops.integrations.simulator.SecretMask;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.simulator.UrlMask;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole loop, in every reading of the API the simulator plays: doctor measures the server in a
 * scratch project, its profile goes into the connection Secret, and the operator converges with one
 * write per integration, writes nothing at rest nor after a restart, and says in each status which
 * profile it goes by. A server that refuses reused nonces is never sent one.
 */
class ProfileInUseEndToEndTest {

  record Mode(String name, UnaryOperator<SimulatorOptions.Builder> options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mode> modes() {
    return Stream.of(
        new Mode("documented defaults", b -> b),
        new Mode("merging PUT, empty value clears", b -> b.putSemantics(PutSemantics.MERGE)),
        new Mode("merging PUT, empty value ignored", b -> b.putSemantics(PutSemantics.MERGE).emptyString(EmptyString.IGNORED)),
        new Mode("URLs fully hidden", b -> b.urlMask(UrlMask.STARS)),
        new Mode("URLs masked to the last four", b -> b.urlMask(UrlMask.LAST_FOUR)),
        new Mode("secrets with a fixed prefix", b -> b.secretMask(SecretMask.FIXED_PREFIX)),
        new Mode("secrets fully hidden", b -> b.secretMask(SecretMask.FULL)),
        new Mode("nonces used once", b -> b.nonceReuse(NonceReuse.REFUSED)),
        new Mode("Ops Manager", b -> b.product(Product.OPS_MANAGER)));
  }

  @TempDir
  Path state;

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void anOperatorGivenTheProfileWritesNothingAtRestNorAfterARestart(Mode mode) {
    try (OperatorHarness h = OperatorHarness.start(c -> c, mode.options())) {
      String json = measure(h);
      String ns = h.namespace("profile");
      h.update(connectionSecret(h, ns, json));
      String project = h.project();
      List<IntegrationType> types = ProductSupport.offeredTypes(Product.OPS_MANAGER);
      for (IntegrationType type : types) {
        h.createWithCredentials(Fixtures.resource(ns, name(type), type, project, CONNECTION));
      }
      for (IntegrationType type : types) {
        ThirdPartyIntegration r = h.awaitReason(ns, name(type), ConditionReason.Synced);
        assertThat(r.getStatus().getApiProfile()).as("the status names the profile").isNotNull();
        assertThat(r.getStatus().getApiProfile().getDigest()).isEqualTo(ProfileJson.digest(json));
        assertThat(r.getStatus().getApiProfile().getSource()).isEqualTo("Secret " + ns + "/" + CONNECTION + " key profile");
      }
      h.awaitQuiet();
      assertThat(acceptedPuts(h, project)).as("one write per integration").isEqualTo(types.size());

      int kubeWrites = h.kubeWrites(ns).size();
      h.driftCheck();
      h.awaitQuiet();
      assertThat(acceptedPuts(h, project)).as("none at rest").isEqualTo(types.size());
      assertThat(h.kubeWrites(ns)).hasSize(kubeWrites);

      h.stopOperator();
      h.startOperator();
      for (IntegrationType type : types) {
        h.awaitReason(ns, name(type), ConditionReason.Synced);
      }
      h.awaitQuiet();
      assertThat(acceptedPuts(h, project)).as("none after a restart").isEqualTo(types.size());
      assertThat(h.kubeWrites(ns)).as("no Kubernetes write after a restart").hasSize(kubeWrites);
      assertThat(h.calls(project)).as("no nonce the server refuses is ever sent")
          .noneMatch(JournalEntry::staleChallenge);

      if (!h.sim.options().modes().nonceReuse()) {
        // without the profile, the same server sees reused nonces refused before the client learns
        String plainNs = h.namespace("no-profile");
        String plainProject = h.project();
        h.createWithCredentials(Fixtures.resource(plainNs, "webhook", IntegrationType.WEBHOOK, plainProject, CONNECTION));
        h.awaitReason(plainNs, "webhook", ConditionReason.Synced);
        h.driftCheck();
        h.awaitQuiet();
        assertThat(h.calls(plainProject)).anyMatch(JournalEntry::staleChallenge);
      }
    }
  }

  @Test
  void anInvalidProfileIsAClearConditionAndAnEventNeverACrash() {
    try (OperatorHarness h = OperatorHarness.start()) {
      String ns = h.namespace("bad-profile");
      h.update(connectionSecret(h, ns, "{\"profileVersion\": 1, \"measuredAt\": \"2026-11-30T12:00:00Z\","
          + " \"putSemantics\": \"sometimes\"}"));
      String project = h.project();
      h.createWithCredentials(Fixtures.resource(ns, "pd", IntegrationType.PAGER_DUTY, project, CONNECTION));

      ThirdPartyIntegration r = h.awaitReason(ns, "pd", ConditionReason.ConnectionInvalid);

      assertThat(OperatorHarness.ready(r).getMessage()).isEqualTo("connection Secret " + ns + "/" + CONNECTION
          + " key profile putSemantics must be replace or merge (or null: not measured); put the output of doctor"
          + " --json there, or remove the key");
      h.awaitQuiet();
      assertThat(h.events(ns, "pd")).extracting(Event::getReason).containsExactly("ConnectionInvalid");
      assertThat(h.calls(project)).isEmpty();

      // fixed: the resource goes on by itself
      h.update(connectionSecret(h, ns, measure(h)));
      assertThat(h.awaitReason(ns, "pd", ConditionReason.Synced).getStatus().getApiProfile()).isNotNull();
    }
  }

  /** doctor in a scratch project of the harness's server; its profile as JSON. */
  private String measure(OperatorHarness h) {
    String scratch = h.project();
    URI url = URI.create(h.sim.baseUrl());
    Product product = Product.derivedFrom(url); // as the operator derives it for a Secret without a product key
    DoctorSettings settings = new DoctorSettings(new ApiConnection(url, OperatorHarness.PUBLIC_KEY, h.privateKey, null),
        scratch, product, DoctorSettings.defaultTypes(product, false), false, state);
    ProbeValues values = ProbeValues.newRun();
    Fixtures.SECRET_VALUES.addAll(values.secrets());
    List<String> progress = new ArrayList<>();
    DoctorResult result = new Doctor(settings, Clock.systemUTC(), ProbeClient.Observer.NONE, values).run(progress::add);
    String json = ProfileJson.write(result.profile());
    DoctorRig.witness(progress, result.report(), json);
    assertThat(h.sim.storedAll(scratch)).isEmpty();
    return json;
  }

  private static Secret connectionSecret(OperatorHarness h, String ns, String profile) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("publicKey", OperatorHarness.PUBLIC_KEY);
    values.put("privateKey", h.privateKey);
    values.put("baseUrl", h.sim.baseUrl());
    values.put("profile", profile);
    return Fixtures.secret(ns, CONNECTION, values);
  }

  static long acceptedPuts(OperatorHarness h, String project) {
    return h.calls(project).stream().filter(e -> e.method().equals("PUT") && e.status() == 200).count();
  }

  static String name(IntegrationType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
