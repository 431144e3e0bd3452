package io.mdbops.integrations.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.mapping.MaskRule;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.EmptyString;
import io.mdbops.integrations.simulator.FieldSchema;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.NonceReuse;
import io.mdbops.integrations.simulator.PutSemantics;
import io.mdbops.integrations.simulator.SecretMask;
import io.mdbops.integrations.simulator.SimulatorModes;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.simulator.TypeSchemas;
import io.mdbops.integrations.simulator.UrlMask;
import io.mdbops.integrations.testing.LeakScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * doctor against every reading of the API the simulator plays: the profile says exactly the mode
 * the simulator was started in (its own description of itself is the oracle), the project holds
 * afterwards exactly what it held before, the one integration configured beforehand is never
 * written, every call is one the plan lists, and nothing printed holds a value doctor sent.
 */
class DoctorAgainstSimulatorTest {

  /** One reading; {@code product} is what doctor is told, {@code undocumented} whether it probes those too. */
  record Mode(String name, UnaryOperator<SimulatorOptions.Builder> options, Product product, boolean undocumented) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mode> modes() {
    return Stream.of(
        new Mode("documented defaults", b -> b, Product.CLOUD_MANAGER, false),
        new Mode("merging PUT, empty value clears", b -> b.putSemantics(PutSemantics.MERGE), Product.CLOUD_MANAGER, false),
        new Mode("merging PUT, empty value ignored",
            b -> b.putSemantics(PutSemantics.MERGE).emptyString(EmptyString.IGNORED), Product.CLOUD_MANAGER, false),
        new Mode("URLs fully hidden", b -> b.urlMask(UrlMask.STARS), Product.CLOUD_MANAGER, false),
        new Mode("URLs masked to the last four", b -> b.urlMask(UrlMask.LAST_FOUR), Product.CLOUD_MANAGER, false),
        new Mode("secrets with a fixed prefix", b -> b.secretMask(SecretMask.FIXED_PREFIX), Product.CLOUD_MANAGER, false),
        new Mode("secrets fully hidden", b -> b.secretMask(SecretMask.FULL), Product.CLOUD_MANAGER, false),
        new Mode("nonces used once", b -> b.nonceReuse(NonceReuse.REFUSED), Product.CLOUD_MANAGER, false),
        new Mode("Ops Manager, undocumented types too", b -> b.product(Product.OPS_MANAGER), Product.OPS_MANAGER, true),
        new Mode("Cloud Manager without DATADOG", b -> b.acceptedTypes(Set.of("PAGER_DUTY", "SLACK", "OPS_GENIE",
            "VICTOR_OPS", "WEBHOOK", "MICROSOFT_TEAMS", "PROMETHEUS")), Product.CLOUD_MANAGER, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void reportsTheModeExactlyAndLeavesTheProjectAsItWas(Mode mode, @TempDir Path state) {
    try (DoctorRig rig = new DoctorRig(mode.options(), state)) {
      // configured before doctor runs: never written, reported as accepted
      rig.sim.putStored(rig.project, "PAGER_DUTY", Map.of("serviceKey", "0123456789abcdef0123456789abcdef"));
      Map<String, Map<String, Object>> before = rig.store();
      List<String> types = DoctorSettings.defaultTypes(mode.product(), mode.undocumented());
      DoctorSettings settings = rig.settings(mode.product(), types, false);

      DoctorRig.Run run = rig.run(settings);
      ApiProfile profile = run.profile();
      SimulatorModes expected = rig.sim.options().modes();

      assertThat(profile.putSemantics()).isEqualTo(expected.putSemantics());
      assertThat(profile.emptyStringClears()).isEqualTo(expected.emptyStringClears());
      assertThat(profile.nonceReuse()).isEqualTo(expected.nonceReuse());
      assertThat(profile.product()).isEqualTo(expected.product());
      assertThat(profile.api()).isEqualTo("api/public/v1.0");
      assertThat(profile.types()).isEqualTo(expectedTypes(types, expected.acceptedTypes()));
      assertThat(ruleKeys(profile.masks())).isEqualTo(expectedMasks(types, expected, "PAGER_DUTY"));
      assertThat(profile.writes()).containsEntry("putOnMissingType", "200").containsEntry("writeAnswer", "list")
          .containsEntry("delete", "204").containsEntry("deleteMissingType", "404 INTEGRATION_NOT_CONFIGURED")
          .containsEntry("postOnMissingType", "200");
      assertThat(profile.authentication()).containsEntry("realm", "MMS Public API").containsEntry("algorithm", "MD5");

      assertThat(rig.store()).as("the project holds exactly what it held before").isEqualTo(before);
      assertThat(run.result().cleanup().complete()).isTrue();
      List<JournalEntry> journal = rig.journal();
      assertThat(journal).filteredOn(e -> "PAGER_DUTY".equals(e.type())).as("the configured type is not touched")
          .isEmpty();
      ProbePlan plan = new Doctor(settings).plan();
      assertThat(journal).allSatisfy(e -> assertThat(plan.covers(e.method(), e.type()))
          .as("%s %s is in the plan", e.method(), e.type()).isTrue());
      assertThat(journal).as("a reused nonce is tried once, by the probe that asks; then each call gets a fresh one")
          .filteredOn(JournalEntry::staleChallenge).hasSize(expected.nonceReuse() ? 0 : 1);
      assertThat(state).isEmptyDirectory();

      List<String> printed = new ArrayList<>(run.progress());
      printed.add(run.result().report());
      printed.add(ProfileJson.write(profile));
      assertThat(LeakScanner.scan(Set.copyOf(run.values().secrets()), printed)).isEmpty();
      assertThat(LeakScanner.scan(Set.of(rig.privateKey), printed)).isEmpty();
    }
  }

  @Test
  void aRateLimitedServerIsWaitedOutAndItsHeadersReported(@TempDir Path state) {
    try (DoctorRig rig = new DoctorRig(b -> b.rateLimit(12, Duration.ofSeconds(1)), state)) {
      Map<String, Map<String, Object>> before = rig.store();

      DoctorRig.Run run = rig.run(rig.settings(Product.CLOUD_MANAGER, List.of("PAGER_DUTY", "VICTOR_OPS", "WEBHOOK"),
          false));

      assertThat(rig.journal()).as("the limit was hit").anyMatch(e -> e.status() == 429);
      assertThat(run.profile().rateLimitHeaders()).containsKey("Retry-After");
      assertThat(run.profile().putSemantics()).isEqualTo("replace");
      assertThat(run.result().report()).contains("rate-limit headers").contains("Retry-After");
      assertThat(rig.store()).isEqualTo(before);
    }
  }

  /** Accepted, or refused as the simulator refuses a type it does not take. */
  static Map<String, String> expectedTypes(List<String> probed, List<String> accepted) {
    Map<String, String> types = new LinkedHashMap<>();
    for (String type : probed) {
      types.put(type, accepted.contains(type) ? "accepted" : "refused: 400 INVALID_ENUM_VALUE");
    }
    return types;
  }

  /** The simulator's own table of how each field is shown, in the mode's formats. */
  static Map<String, String> expectedMasks(List<String> probed, SimulatorModes modes, String untouched) {
    Map<String, String> masks = new LinkedHashMap<>();
    for (String type : probed) {
      if (type.equals(untouched) || !modes.acceptedTypes().contains(type)) {
        continue;
      }
      for (FieldSchema f : TypeSchemas.of(type).orElseThrow().fields()) {
        String rule = switch (f.masking()) {
          case LAST_FOUR -> modes.secretMask();
          case URL -> modes.urlMask();
          case FULL -> "full";
          case WRITE_ONLY -> "not-returned";
          case NONE -> null;
        };
        if (rule != null && ProbeFields.field(type, f.name()).isPresent()) {
          masks.put(type + "." + f.name(), rule);
        }
      }
    }
    return masks;
  }

  /** {@code last-four: …} → {@code last-four}. */
  static Map<String, String> ruleKeys(Map<String, String> masks) {
    Map<String, String> keys = new LinkedHashMap<>();
    masks.forEach((k, v) -> keys.put(k, ApiProfile.ruleOf(v).map(MaskRule::key).orElse(v)));
    return keys;
  }
}
