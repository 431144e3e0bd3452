package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.Main;
import io.mdbops.integrations.doctor.ApiProfile;
import io.mdbops.integrations.doctor.ProfileJson;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakWitness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code doctor} on the command line, in process against the simulator: exit codes, what it prints, what it asks. */
class DoctorCommandTest {

  private record Run(int exitCode, String out, String err) {}

  @TempDir
  Path dir;

  private ApiSimulator sim;
  private String project;
  private Path keyFile;

  @BeforeEach
  void start() throws Exception {
    sim = ApiSimulator.start(SimulatorOptions.defaults());
    String key = Fixtures.secretValue("doctor-cli-");
    sim.addApiKey("doctor-cli", key);
    project = sim.addProject();
    keyFile = dir.resolve("private-key");
    Files.writeString(keyFile, key + "\n", StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private Run doctor(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(Stream.concat(Stream.of("doctor"), Arrays.stream(args)).toArray(String[]::new));
    LeakWitness.record("doctor", out.toString());
    LeakWitness.record("doctor", err.toString());
    return new Run(code, out.toString(), err.toString());
  }

  private String[] connection(String... more) {
    List<String> args = new ArrayList<>(List.of("--api-url", sim.baseUrl(), "--public-key", "doctor-cli",
        "--private-key-file", keyFile.toString(), "--project-id", project, "--state-dir", dir.resolve("state").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void withoutYesItSaysWhatItWouldDoAndWritesNothing() {
    Run run = doctor(connection());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("!! doctor WRITES to project " + project).contains("Use a scratch project");
    assertThat(run.err()).contains("run it again with --yes").contains("--dry-run");
    assertThat(sim.journal().entries()).isEmpty();
  }

  @Test
  void aDryRunListsEveryCallAndMakesNone() {
    Run run = doctor(connection("--dry-run", "--include-undocumented"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Dry run").containsPattern("GET\\s+integrations\\s+without credentials")
        .containsPattern("PUT\\s+integrations/PAGER_DUTY\\s+made-up serviceKey")
        .containsPattern("PUT\\s+integrations/HIP_CHAT")
        .containsPattern("POST\\s+integrations/\\{TYPE\\}\\s+what POST answers.*\\[TYPE: any type doctor knows\\]")
        .containsPattern("PUT\\s+integrations/\\{TYPE\\}\\s+on the first of .*\\[TYPE: VICTOR_OPS, SLACK, PROMETHEUS\\]")
        .contains(sim.baseUrl() + "/api/public/v1.0/groups/" + project + "/");
    assertThat(sim.journal().entries()).isEmpty();
  }

  @Test
  void withYesAndJsonItPrintsTheProfileAndLeavesTheProjectAsItWas() throws Exception {
    Map<String, Map<String, Object>> before = sim.storedAll(project);
    Path written = dir.resolve("profile.json");

    Run run = doctor(connection("--yes", "--json", "--types", "victor_ops,WEBHOOK", "--profile-out", written.toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    ApiProfile profile = ProfileJson.read(run.out());
    assertThat(profile.types()).containsOnlyKeys("VICTOR_OPS", "WEBHOOK");
    assertThat(profile.putSemantics()).isEqualTo("replace");
    assertThat(Files.readString(written)).isEqualTo(run.out());
    assertThat(run.err()).contains("!! doctor WRITES").contains("Cleanup").contains("removed WEBHOOK, VICTOR_OPS");
    assertThat(sim.storedAll(project)).isEqualTo(before);
    assertThat(sim.journal().entries()).isNotEmpty();
  }

  @Test
  void theReadableReportGoesToStdout() {
    Run run = doctor(connection("--yes", "--types", "PAGER_DUTY"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Server profile of " + sim.baseUrl()).contains("PAGER_DUTY.serviceKey")
        .contains("the last 4 characters kept").contains("Cleanup: removed PAGER_DUTY")
        .contains("replace or merge, and \"\": not measured");
  }

  @Test
  void aRefusedKeyIsARuntimeErrorAndNothingIsWritten() throws Exception {
    Files.writeString(keyFile, "not-the-key", StandardCharsets.UTF_8);

    Run run = doctor(connection("--yes"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error: GET integrations answered HTTP 401").contains("refused the key pair");
    assertThat(sim.journal().entries()).allMatch(e -> e.method().equals("GET"));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(doctor("--yes").exitCode()).isEqualTo(2);
    Run unknown = doctor(connection("--yes", "--types", "CARRIER_PIGEON"));
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--types: doctor cannot probe type CARRIER_PIGEON");
    Run noProject = doctor("--api-url", sim.baseUrl(), "--public-key", "doctor-cli", "--private-key-file",
        keyFile.toString(), "--dry-run");
    assertThat(noProject.exitCode()).isEqualTo(2);
    assertThat(noProject.err()).contains("--project-id is required");
    assertThat(doctor(connection("--yes", "--dry-run")).exitCode()).isEqualTo(2);
    assertThat(doctor(connection("--dry-run", "--product", "atlas")).exitCode()).isEqualTo(2);
    Run atlas = doctor(connection("--dry-run", "--api", "atlas-v2"));
    assertThat(atlas.exitCode()).isEqualTo(2);
    assertThat(atlas.err()).contains("leave out --api atlas-v2");
    Run serviceAccount = doctor("--api-url", sim.baseUrl(), "--client-id", "mdb_sa_id_doctor", "--client-secret-file",
        keyFile.toString(), "--project-id", project, "--dry-run");
    assertThat(serviceAccount.exitCode()).isEqualTo(2);
    assertThat(serviceAccount.err()).contains("needs an API key");
    assertThat(sim.journal().entries()).isEmpty();
  }
}
