package io.mdbops.integrations.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.FaultRule;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.testing.LeakScanner;
import io.mdbops.integrations.testing.LeakWitness;
import io.mdbops.integrations.testing.OperatorProcess;
import io.mdbops.integrations.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that stops after its first write leaves nothing behind: its own cleanup removes what it
 * created when it fails or is stopped (SIGTERM, Ctrl-C), and after a kill that leaves no chance to
 * clean up, the next run in the project finds the leftovers by the ledger (or the marker) and
 * removes them before anything else.
 */
class DoctorInterruptionTest {

  private static final List<String> TYPES = DoctorRig.documented();

  @TempDir
  Path dir;

  @Test
  void aRunThatFailsAfterItsFirstWriteRemovesWhatItCreated() {
    try (DoctorRig rig = new DoctorRig(b -> b, dir.resolve("state"))) {
      Map<String, Map<String, Object>> before = rig.store();
      AtomicBoolean fired = new AtomicBoolean();
      ProbeClient.Observer dieAfterFirstWrite = call -> {
        if (call.method().equals("PUT") && call.status() == 200 && fired.compareAndSet(false, true)) {
          throw new IllegalStateException("stopped after the first write");
        }
      };

      assertThatThrownBy(() -> rig.run(rig.settings(Product.CLOUD_MANAGER, TYPES, false), dieAfterFirstWrite,
          ProbeValues.newRun())).hasMessage("stopped after the first write");

      assertThat(fired).isTrue();
      assertThat(rig.journal()).filteredOn(e -> e.method().equals("PUT")).hasSize(1);
      assertThat(rig.journal()).filteredOn(e -> e.method().equals("DELETE"))
          .extracting(JournalEntry::type, JournalEntry::status).containsExactly(org.assertj.core.groups.Tuple.tuple(
              "PAGER_DUTY", 204));
      assertThat(rig.store()).isEqualTo(before);
      assertThat(dir.resolve("state")).isEmptyDirectory();
    }
  }

  @Test
  void aKilledRunsLeftoversAreRemovedByTheNextRunBeforeAnythingElse() throws Exception {
    try (DoctorRig rig = new DoctorRig(b -> b, dir.resolve("state"))) {
      Map<String, Map<String, Object>> before = rig.store();
      // the second write hangs a moment: the process is killed with one type written and one in flight
      FaultRule slackHangs = rig.sim.faults().add(
          FaultRule.hang(Duration.ofSeconds(2)).method("PUT").type("SLACK").times(1).build());
      try (OperatorProcess doctor = OperatorProcess.startMain("doctor-killed", dir, Map.of(), args(rig))) {
        awaitWrite(rig, "PAGER_DUTY");
        awaitFired(slackHangs);
        doctor.kill();
        LeakWitness.record("doctor", doctor.output());
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.journal().stream()
            .anyMatch(e -> e.method().equals("PUT") && "SLACK".equals(e.type())));
        String runId = ledgerRunId(rig);
        assertNothingSecret(doctor.output(), runId);
      }
      assertThat(rig.store()).as("what the killed run left").containsKeys("PAGER_DUTY", "SLACK");

      DoctorRig.Run rerun = rig.run(rig.settings(Product.CLOUD_MANAGER, TYPES, false));

      assertThat(rerun.result().report()).contains("left by an earlier run that was interrupted: PAGER_DUTY, SLACK");
      assertThat(rerun.profile().types().values()).as("the leftovers were removed first, then probed")
          .containsOnly("accepted");
      assertThat(rig.store()).isEqualTo(before);
      assertThat(dir.resolve("state")).isEmptyDirectory();
    }
  }

  @Test
  void aTerminatedRunRemovesWhatItCreatedOnTheWayOut() throws Exception {
    try (DoctorRig rig = new DoctorRig(b -> b, dir.resolve("state"))) {
      Map<String, Map<String, Object>> before = rig.store();
      FaultRule slackHangs = rig.sim.faults().add(
          FaultRule.hang(Duration.ofSeconds(2)).method("PUT").type("SLACK").times(1).build());
      try (OperatorProcess doctor = OperatorProcess.startMain("doctor-terminated", dir, Map.of(), args(rig))) {
        awaitWrite(rig, "PAGER_DUTY");
        awaitFired(slackHangs);
        String runId = ledgerRunId(rig);
        // SIGTERM, as Ctrl-C: the shutdown hook waits for the PUT in flight, then removes both
        assertThat(doctor.terminate(Duration.ofSeconds(20))).isNotNull();
        LeakWitness.record("doctor", doctor.output());
        assertThat(doctor.output()).contains("Interrupted.").contains("removed PAGER_DUTY, SLACK");
        assertNothingSecret(doctor.output(), runId);
      }
      assertThat(rig.store()).isEqualTo(before);
      assertThat(dir.resolve("state")).isEmptyDirectory();
    }
  }

  @Test
  void leftoversWithoutALedgerAreFoundByTheirMarker() {
    try (DoctorRig rig = new DoctorRig(b -> b, dir.resolve("state"))) {
      ProbeValues elsewhere = ProbeValues.newRun();
      Fixtures.SECRET_VALUES.addAll(elsewhere.secrets());
      ProbeFields.Field routingKey = ProbeFields.field("VICTOR_OPS", "routingKey").orElseThrow();
      rig.sim.putStored(rig.project, "VICTOR_OPS", Map.of("apiKey", "0123456789abcdef0123456789abcdef",
          "routingKey", elsewhere.value("VICTOR_OPS", routingKey)));
      rig.sim.putStored(rig.project, "MICROSOFT_TEAMS", Map.of("microsoftTeamsWebhookUrl",
          elsewhere.value("MICROSOFT_TEAMS", ProbeFields.field("MICROSOFT_TEAMS", "microsoftTeamsWebhookUrl").orElseThrow())));
      rig.sim.putStored(rig.project, "SLACK", Map.of("apiToken", "xoxb-mine", "teamName", "Payments"));

      DoctorRig.Run run = rig.run(rig.settings(Product.CLOUD_MANAGER, TYPES, false));

      assertThat(run.result().report()).contains("left by an earlier run that was interrupted: VICTOR_OPS, MICROSOFT_TEAMS");
      assertThat(rig.store()).containsOnlyKeys("SLACK");
      assertThat(run.profile().types()).containsEntry("VICTOR_OPS", "accepted");
    }
  }

  @Test
  void aTypeInALedgerThatNoLongerLooksLikeDoctorsIsLeftAlone() throws Exception {
    try (DoctorRig rig = new DoctorRig(b -> b, dir.resolve("state"))) {
      ProbeValues killed = ProbeValues.newRun();
      LedgerFile ledger = new LedgerFile(rig.stateDir, rig.sim.baseUrl(), rig.project);
      ledger.write(new LedgerFile.Entry(rig.sim.baseUrl(), rig.project, killed.runId(), List.of("PAGER_DUTY", "OPS_GENIE")));
      // someone configured PAGER_DUTY for real since: its last four are not the killed run's
      rig.sim.putStored(rig.project, "PAGER_DUTY", Map.of("serviceKey", "ffffffffffffffffffffffffffff1234"));
      Map<String, Map<String, Object>> before = rig.store();

      DoctorRig.Run run = rig.run(rig.settings(Product.CLOUD_MANAGER, TYPES, false));

      assertThat(rig.store()).isEqualTo(before);
      assertThat(run.profile().notes()).anyMatch(n -> n.startsWith("PAGER_DUTY is in the ledger of run "
          + killed.runId() + " but no longer looks the way that run wrote it"));
      assertThat(rig.journal()).noneMatch(e -> "PAGER_DUTY".equals(e.type()));
      assertThat(Files.exists(ledger.path())).isFalse();
    }
  }

  private static List<String> args(DoctorRig rig) throws Exception {
    Path key = rig.stateDir.resolveSibling("key-" + rig.project);
    Files.writeString(key, rig.privateKey, StandardCharsets.UTF_8);
    return List.of("doctor", "--api-url", rig.sim.baseUrl(), "--public-key", DoctorRig.PUBLIC_KEY,
        "--private-key-file", key.toString(), "--project-id", rig.project, "--product", "cloud-manager",
        "--state-dir", rig.stateDir.toString(), "--yes");
  }

  private static void awaitWrite(DoctorRig rig, String type) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> rig.journal().stream()
        .anyMatch(e -> e.method().equals("PUT") && type.equals(e.type()) && e.status() == 200));
  }

  /** The request the rule holds has reached the simulator: a write is in flight. */
  private static void awaitFired(FaultRule rule) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> rule.fired() == 1);
  }

  private static String ledgerRunId(DoctorRig rig) throws Exception {
    Path ledger = new LedgerFile(rig.stateDir, rig.sim.baseUrl(), rig.project).path();
    return new ObjectMapper().readTree(Files.readString(ledger)).path("runId").asText();
  }

  /** The process's run id is in its ledger: from it, every value it made up, none of which it printed. */
  private static void assertNothingSecret(String output, String runId) {
    List<String> secrets = new ProbeValues(runId).secrets();
    Fixtures.SECRET_VALUES.addAll(secrets);
    assertThat(output).isNotBlank();
    assertThat(LeakScanner.scan(Set.copyOf(secrets), List.of(output))).isEmpty();
  }
}
