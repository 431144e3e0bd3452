package io.mdbops.integrations.doctor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One {@code doctor} run against a scratch project: authentication, the leftovers of an earlier
 * run, each type, replace or merge and {@code ""}, DELETE and POST, then the cleanup, which also
 * runs when the run fails or {@link #cleanUpNow()} interrupts it. The probes are one class each;
 * this class only puts them in order.
 */
public final class Doctor {

  private final DoctorSettings settings;
  private final Clock clock;
  private final ProbeClient.Observer observer;
  private final ProbeValues values;
  private volatile ProbeSession session;
  private volatile boolean stopped;

  public Doctor(DoctorSettings settings) {
    this(settings, Clock.systemUTC(), ProbeClient.Observer.NONE, ProbeValues.newRun());
  }

  Doctor(DoctorSettings settings, Clock clock, ProbeClient.Observer observer, ProbeValues values) {
    this.settings = settings;
    this.clock = clock;
    this.observer = observer;
    this.values = values;
  }

  /** Every call a run may make. */
  public ProbePlan plan() {
    return ProbePlan.of(settings);
  }

  /** This run's id: its text fields carry it, and its ledger names it. */
  public String runId() {
    return values.runId();
  }

  /** Where the ledger of this project is kept. */
  public String ledgerPath() {
    return ledger().path().toString();
  }

  /**
   * Probes, then removes what it created (also when a probe fails).
   *
   * @param progress told one line per step, for people
   * @throws DoctorException when the run cannot go on; what the cleanup did is then {@link #cleanUpNow()}
   */
  public DoctorResult run(Consumer<String> progress) {
    LedgerFile ledger = ledger();
    try (ProbeClient client = new ProbeClient(settings.connection(), settings.projectId(), observer)) {
      ProbeSession s = new ProbeSession(client, ledger, settings.connection().baseUrl().toString(),
          settings.projectId(), values.runId());
      session = s;
      if (stopped) {
        s.cleanUp(); // stopped before it began: nothing is sent
      }
      try {
        DoctorResult.Builder result = probe(s, ledger, progress);
        CleanupReport cleanup = s.cleanUp();
        progress.accept(ReportText.cleanupLine(cleanup));
        return result.finish(cleanup, client.calls(), client.rateLimitHeaders(), clock.instant());
      } finally {
        s.cleanUp();
      }
    }
  }

  /** Stops the run at its next call and removes what it created; empty when it has not started. */
  public Optional<CleanupReport> cleanUpNow() {
    stopped = true;
    ProbeSession s = session;
    return s == null ? Optional.empty() : Optional.of(s.cleanUp());
  }

  private DoctorResult.Builder probe(ProbeSession s, LedgerFile ledger, Consumer<String> progress) {
    DoctorResult.Builder result = new DoctorResult.Builder(settings, values.runId(), s.client().endpoint());
    AuthProbe.Reading auth = AuthProbe.run(s);
    result.auth(auth);
    progress.accept(ReportText.authLine(auth));
    Map<String, Map<String, Object>> configured = new LinkedHashMap<>(auth.configured());
    LeftoverSweep.Reading leftovers = LeftoverSweep.run(s, ledger, configured);
    result.leftovers(leftovers);
    if (!leftovers.removed().isEmpty()) {
      progress.accept("Removed what an earlier run left: " + String.join(", ", leftovers.removed()));
    }
    Map<String, TypeProbe.Reading> readings = new LinkedHashMap<>();
    for (String type : settings.types()) {
      TypeProbe.Reading reading = configured.containsKey(type) && !settings.allowOverwrite()
          ? TypeProbe.Reading.configured(type) : TypeProbe.run(s, values, type);
      readings.put(type, reading);
      progress.accept(ReportText.typeLine(reading));
    }
    result.types(readings);
    PutSemanticsProbe.Reading semantics = PutSemanticsProbe.run(s, values, readings);
    result.semantics(semantics);
    progress.accept(ReportText.semanticsLine(semantics));
    Optional<TypeProbe.Reading> missingOn = semantics.on().map(on -> readings.get(on.substring(0, on.indexOf('.'))))
        .or(() -> readings.values().stream().filter(TypeProbe.Reading::probedAndAccepted).findFirst());
    MissingTypeProbe.Reading missing = missingOn.map(on -> MissingTypeProbe.run(s, values, on))
        .orElse(MissingTypeProbe.Reading.NOT_MEASURED);
    result.missing(missing);
    progress.accept(ReportText.writesLine(missing));
    return result;
  }

  private LedgerFile ledger() {
    return new LedgerFile(settings.stateDir(), settings.connection().baseUrl().toString(), settings.projectId());
  }
}
