package io.mdbops.integrations.simulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** A started simulator with one project, one all-projects key and a Digest client using it. */
final class SimFixture implements AutoCloseable {

  static final String PUBLIC_KEY = "tqhzvxkb";
  static final String PRIVATE_KEY = "6a1f0c5e-2b7d-4e3a-9c8f-1d2e3f4a5b6c";

  static {
    // logback without a config file logs DEBUG to the console; keep test output readable
    ((Logger) LoggerFactory.getLogger("io.mdbops.integrations.simulator")).setLevel(Level.INFO);
  }

  final ApiSimulator sim;
  final String project;
  final SimulatorClient api;

  private SimFixture(ApiSimulator sim) {
    this.sim = sim;
    this.project = sim.addProject();
    sim.addApiKey(PUBLIC_KEY, PRIVATE_KEY);
    this.api = SimulatorClient.digest(sim.baseUrl(), PUBLIC_KEY, PRIVATE_KEY);
  }

  static SimFixture start() {
    return start(SimulatorOptions.defaults());
  }

  static SimFixture start(SimulatorOptions options) {
    return new SimFixture(ApiSimulator.start(options));
  }

  /** {@code /groups/{project}/integrations[/{type}]}. */
  String path(String type) {
    return path(project, type);
  }

  static String path(String project, String type) {
    return "/groups/" + project + "/integrations" + (type == null ? "" : "/" + type);
  }

  String list() {
    return path(null);
  }

  @Override
  public void close() {
    api.close();
    sim.close();
  }
}
