package io.mdbops.integrations.doctor;

import io.mdbops.integrations.BuildInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a finished run measured: the profile, and what the readable report says besides. */
public final class DoctorResult {

  final DoctorSettings settings;
  final String runId;
  final String endpoint;
  final AuthProbe.Reading auth;
  final LeftoverSweep.Reading leftovers;
  final Map<String, TypeProbe.Reading> types;
  final PutSemanticsProbe.Reading semantics;
  final MissingTypeProbe.Reading missing;
  final CleanupReport cleanup;
  final List<ProbeClient.Call> calls;
  private final ApiProfile profile;

  private DoctorResult(Builder b, CleanupReport cleanup, List<ProbeClient.Call> calls,
      Map<String, String> rateLimitHeaders, Instant measuredAt) {
    this.settings = b.settings;
    this.runId = b.runId;
    this.endpoint = b.endpoint;
    this.auth = b.auth;
    this.leftovers = b.leftovers;
    this.types = Map.copyOf(b.types);
    this.semantics = b.semantics;
    this.missing = b.missing;
    this.cleanup = cleanup;
    this.calls = List.copyOf(calls);
    this.profile = profile(rateLimitHeaders, measuredAt);
  }

  public ApiProfile profile() {
    return profile;
  }

  public CleanupReport cleanup() {
    return cleanup;
  }

  public String runId() {
    return runId;
  }

  /** Requests the run sent, Digest round trips included. */
  public int callCount() {
    return calls.size();
  }

  /** The readable report. */
  public String report() {
    return ReportText.render(this);
  }

  /** Readings in the order of {@link DoctorSettings#types()}. */
  List<TypeProbe.Reading> typeReadings() {
    return settings.types().stream().map(types::get).toList();
  }

  private ApiProfile profile(Map<String, String> rateLimitHeaders, Instant measuredAt) {
    Map<String, String> typeMap = new LinkedHashMap<>();
    Map<String, String> masks = new LinkedHashMap<>();
    Map<String, Map<String, String>> fields = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (TypeProbe.Reading r : typeReadings()) {
      switch (r.verdict()) {
        case ACCEPTED -> {
          typeMap.put(r.type(), "accepted");
          fields.put(r.type(), r.fields());
          r.masks().forEach((field, mask) -> masks.put(r.type() + "." + field, mask.profileText()));
        }
        case REFUSED -> typeMap.put(r.type(), "refused: " + r.refusal());
        case CONFIGURED -> {
          typeMap.put(r.type(), "accepted");
          notes.add(r.type() + ": configured in the project before this run, so not probed (--allow-overwrite"
              + " probes it, at the cost of its configuration)");
        }
      }
      if (settings.undocumented(r.type())) {
        notes.add(r.type() + ": probed on request; not among the types the operator offers on "
            + settings.product().displayName());
      }
    }
    notes.addAll(semantics.notes());
    notes.addAll(leftovers.notes());
    Map<String, String> writes = new LinkedHashMap<>();
    typeReadings().stream().filter(TypeProbe.Reading::probedAndAccepted).findFirst().ifPresent(first -> {
      writes.put("putOnMissingType", Integer.toString(first.putStatus()));
      writes.put("writeAnswer", first.answer());
    });
    if (missing.on().isPresent()) {
      writes.put("measuredOn", missing.on().get());
      writes.put("delete", missing.delete());
      writes.put("deleteMissingType", missing.deleteMissing());
      writes.put("postOnMissingType", missing.postMissing());
      if (missing.postAnswer() != null) {
        writes.put("postAnswer", missing.postAnswer());
      }
    }
    Map<String, String> authentication = new LinkedHashMap<>();
    auth.challenge().ifPresentOrElse(c -> {
      authentication.put("scheme", "Digest");
      authentication.put("realm", c.realm());
      authentication.put("algorithm", c.algorithm());
      authentication.put("qop", c.qop());
    }, () -> authentication.put("scheme", "none asked for"));
    authentication.put("reusedNonce", auth.nonceAnswer());
    return new ApiProfile(ApiProfile.VERSION, measuredAt.truncatedTo(ChronoUnit.SECONDS).toString(),
        "integrations-operator doctor " + BuildInfo.version(), settings.product().key(), ProbeClient.API_PREFIX,
        settings.connection().baseUrl().toString(), semantics.putSemantics().orElse(null),
        semantics.emptyStringClears().orElse(null), auth.nonceReuse().orElse(null), typeMap, masks, fields, writes,
        rateLimitHeaders, authentication, notes);
  }

  /** Collects the readings as the run makes them. */
  static final class Builder {
    private final DoctorSettings settings;
    private final String runId;
    private final String endpoint;
    private AuthProbe.Reading auth;
    private LeftoverSweep.Reading leftovers;
    private Map<String, TypeProbe.Reading> types = Map.of();
    private PutSemanticsProbe.Reading semantics;
    private MissingTypeProbe.Reading missing;

    Builder(DoctorSettings settings, String runId, String endpoint) {
      this.settings = settings;
      this.runId = runId;
      this.endpoint = endpoint;
    }

    void auth(AuthProbe.Reading r) {
      auth = r;
    }

    void leftovers(LeftoverSweep.Reading r) {
      leftovers = r;
    }

    void types(Map<String, TypeProbe.Reading> r) {
      types = new LinkedHashMap<>(r);
    }

    void semantics(PutSemanticsProbe.Reading r) {
      semantics = r;
    }

    void missing(MissingTypeProbe.Reading r) {
      missing = r;
    }

    DoctorResult finish(CleanupReport cleanup, List<ProbeClient.Call> calls, Map<String, String> rateLimitHeaders,
        Instant measuredAt) {
      return new DoctorResult(this, cleanup, calls, rateLimitHeaders, measuredAt);
    }
  }
}
