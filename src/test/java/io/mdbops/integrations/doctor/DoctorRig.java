package io.mdbops.integrations.doctor;

import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakWitness;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A simulator with a scratch project and a key, and doctor runs against it in process. Every made-up
 * value of every run is recorded with the suite's secrets, and every line doctor printed is handed
 * to the leak test.
 */
final class DoctorRig implements AutoCloseable {

  static final String PUBLIC_KEY = "doctor-public-key";

  final ApiSimulator sim;
  final String privateKey = Fixtures.secretValue("doctor-priv-");
  final String project;
  final Path stateDir;

  DoctorRig(UnaryOperator<SimulatorOptions.Builder> options, Path stateDir) {
    this.sim = ApiSimulator.start(options.apply(SimulatorOptions.builder()).build());
    this.sim.addApiKey(PUBLIC_KEY, privateKey);
    this.project = sim.addProject();
    this.stateDir = stateDir;
  }

  ApiConnection connection() {
    return new ApiConnection(URI.create(sim.baseUrl()), PUBLIC_KEY, privateKey, null);
  }

  DoctorSettings settings(Product product, List<String> types, boolean allowOverwrite) {
    return new DoctorSettings(connection(), project, product, types, allowOverwrite, stateDir);
  }

  /** What one run printed and measured. */
  record Run(ProbeValues values, DoctorResult result, List<String> progress) {
    ApiProfile profile() {
      return result.profile();
    }
  }

  Run run(DoctorSettings settings) {
    return run(settings, ProbeClient.Observer.NONE, ProbeValues.newRun());
  }

  Run run(DoctorSettings settings, ProbeClient.Observer observer, ProbeValues values) {
    Fixtures.SECRET_VALUES.addAll(values.secrets());
    List<String> progress = new ArrayList<>();
    Doctor doctor = new Doctor(settings, Clock.systemUTC(), observer, values);
    try {
      DoctorResult result = doctor.run(progress::add);
      witness(progress, result.report(), ProfileJson.write(result.profile()));
      return new Run(values, result, progress);
    } catch (RuntimeException e) {
      witness(progress, String.valueOf(e.getMessage()), doctor.cleanUpNow().map(CleanupReport::line).orElse(""));
      throw e;
    }
  }

  static void witness(List<String> progress, String... texts) {
    progress.forEach(l -> LeakWitness.record("doctor", l));
    for (String t : texts) {
      LeakWitness.record("doctor", t);
    }
  }

  List<JournalEntry> journal() {
    return sim.journal().entries(e -> project.equals(e.projectId()));
  }

  Map<String, Map<String, Object>> store() {
    return sim.storedAll(project);
  }

  static List<String> documented() {
    return DoctorSettings.defaultTypes(Product.CLOUD_MANAGER, false);
  }

  @Override
  public void close() {
    sim.close();
  }
}
