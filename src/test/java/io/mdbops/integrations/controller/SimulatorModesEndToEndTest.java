package io.mdbops.integrations.controller;

import static io.mdbops.integrations.testing.OperatorHarness.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.EmptyString;
import io.mdbops.integrations.simulator.NonceReuse;
import io.mdbops.integrations.simulator.PutSemantics;
import io.mdbops.integrations.simulator.SecretMask;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.simulator.UrlMask;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator against every reading of the API the docs allow, one simulator per reading: each
 * converges with exactly one accepted write per integration, writes nothing at rest and nothing
 * after a restart, and tells the truth about a field a merging server keeps, so it cannot pass
 * by assuming the friendliest server.
 */
class SimulatorModesEndToEndTest {

  /** One reading of the docs, and whether its server can clear a field the spec drops. */
  record Mode(String name, UnaryOperator<SimulatorOptions.Builder> options, boolean clears) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mode> modes() {
    return Stream.of(
        new Mode("documented defaults", b -> b, true),
        new Mode("merging PUT, empty value clears", b -> b.putSemantics(PutSemantics.MERGE), true),
        new Mode("merging PUT, empty value ignored",
            b -> b.putSemantics(PutSemantics.MERGE).emptyString(EmptyString.IGNORED), false),
        new Mode("URLs fully hidden", b -> b.urlMask(UrlMask.STARS), true),
        new Mode("URLs masked to the last four", b -> b.urlMask(UrlMask.LAST_FOUR), true),
        new Mode("secrets with a fixed prefix", b -> b.secretMask(SecretMask.FIXED_PREFIX), true),
        new Mode("secrets fully hidden", b -> b.secretMask(SecretMask.FULL), true),
        new Mode("nonces used once", b -> b.nonceReuse(NonceReuse.REFUSED), true),
        new Mode("Ops Manager", b -> b.product(Product.OPS_MANAGER), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void convergesWithExactWritesAndTellsTheTruth(Mode mode) throws Exception {
    try (OperatorHarness h = OperatorHarness.start(c -> c, mode.options())) {
      String ns = h.namespace("modes");
      String project = h.project();
      List<IntegrationType> types = ProductSupport.offeredTypes(Product.OPS_MANAGER);
      for (IntegrationType type : types) {
        h.createWithCredentials(Fixtures.resource(ns, name(type), type, project, CONNECTION));
      }
      for (IntegrationType type : types) {
        h.awaitReason(ns, name(type), ConditionReason.Synced);
      }
      h.awaitQuiet();
      assertThat(acceptedPuts(h, project)).as("one write per integration").isEqualTo(types.size());

      // at rest: a drift check reads, nothing is written
      int kubeWrites = h.kubeWrites(ns).size();
      h.driftCheck();
      h.awaitQuiet();
      assertThat(acceptedPuts(h, project)).isEqualTo(types.size());
      assertThat(h.kubeWrites(ns)).hasSize(kubeWrites);

      // a restart over the in-sync fleet: no write of either kind, whatever the masks
      h.stopOperator();
      h.startOperator();
      for (IntegrationType type : types) {
        h.awaitReason(ns, name(type), ConditionReason.Synced);
      }
      h.awaitQuiet();
      assertThat(acceptedPuts(h, project)).as("no write after a restart").isEqualTo(types.size());
      assertThat(h.kubeWrites(ns)).as("no Kubernetes write after a restart").hasSize(kubeWrites);

      // an optional field dropped from the spec: cleared with one write, or reported by name
      h.edit(ns, name(IntegrationType.VICTOR_OPS), r -> {
        r.getSpec().getVictorOps().setRoutingKey(null);
        return r;
      });
      if (mode.clears()) {
        h.awaitReason(ns, name(IntegrationType.VICTOR_OPS), ConditionReason.Synced);
        assertThat(h.sim.stored(project, "VICTOR_OPS").orElseThrow()).doesNotContainKey("routingKey");
      } else {
        ThirdPartyIntegration kept = h.awaitReason(ns, name(IntegrationType.VICTOR_OPS), ConditionReason.FieldNotApplied);
        assertThat(OperatorHarness.ready(kept).getMessage()).contains("still holds routingKey");
        for (int resync = 0; resync < 3; resync++) {
          h.driftCheck();
          h.awaitQuiet();
        }
      }
      h.awaitQuiet();
      assertThat(acceptedPuts(h, project)).as("exactly one more write").isEqualTo(types.size() + 1);
    }
  }

  /** PUTs the simulator accepted: Digest challenges and refused answers are not writes. */
  static long acceptedPuts(OperatorHarness h, String project) {
    return h.calls(project).stream().filter(e -> e.method().equals("PUT") && e.status() == 200).count();
  }

  static String name(IntegrationType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

}
