package io.mdbops.integrations.cli;

import io.mdbops.integrations.doctor.Doctor;
import io.mdbops.integrations.doctor.DoctorException;
import io.mdbops.integrations.doctor.DoctorResult;
import io.mdbops.integrations.doctor.DoctorSettings;
import io.mdbops.integrations.doctor.ProfileJson;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code doctor}: measures how a real Cloud Manager / Ops Manager behaves, in a scratch project. */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Measure how a real Cloud Manager / Ops Manager answers where its documentation leaves room: replace or"
            + " merge on PUT, whether \"\" clears a field, how each secret and URL is masked, whether a Digest nonce"
            + " may be used twice, which integration types and fields it accepts, what PUT, POST and DELETE answer.",
        "It WRITES to the project you name: each type the project does not hold is configured with made-up"
            + " values, changed and removed again. Use a scratch project. It asks for --yes; --dry-run lists every"
            + " call instead. The report goes to stdout; --json prints the profile the operator reads instead."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:Done: the report is printed (refused types included) and the project holds what it held before.",
        "1:The run could not go on (key refused, project unknown, server unreachable), or something it created could"
            + " not be removed (it is named; the next run removes it).",
        "2:Invalid options, or neither --yes nor --dry-run was given."})
public final class DoctorCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ApiConnectionOptions api = new ApiConnectionOptions();

  @Option(names = "--yes", description = "Go ahead and write to the project (required unless --dry-run).")
  boolean yes;

  @Option(names = "--dry-run", description = "Print every call it would make, and make none.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the profile as JSON on stdout (progress goes to stderr), for the"
      + " connection Secret's profile key.")
  boolean json;

  @Option(names = "--profile-out", paramLabel = "FILE",
      description = "Also write the profile as JSON to FILE (what --json prints), next to the readable report.")
  Path profileOut;

  @Option(names = "--types", paramLabel = "TYPE", split = ",",
      description = "Probe only these types, e.g. WEBHOOK,PROMETHEUS; undocumented ones (NEW_RELIC, HIP_CHAT,"
          + " FLOWDOCK) too. Default: the types the product's documentation lists.")
  List<String> types;

  @Option(names = "--include-undocumented",
      description = "Also probe the types the product's documentation does not list (NEW_RELIC, HIP_CHAT, FLOWDOCK).")
  boolean includeUndocumented;

  @Option(names = "--allow-overwrite",
      description = "Also probe types the project already holds. Their configuration is OVERWRITTEN and then"
          + " REMOVED: the API shows secrets masked, so doctor cannot put them back.")
  boolean allowOverwrite;

  @Option(names = "--product", paramLabel = "cloud-manager|ops-manager",
      description = "Which product answers at --api-url. Default: Cloud Manager for https://cloud.mongodb.com,"
          + " Ops Manager for any other URL (as the operator decides without a product key).")
  String product;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where the ledger of what a run created is kept until it is removed, so that the next run"
          + " removes what a killed run left. Default: ~/.integrations-operator/doctor.")
  Path stateDir;

  @Override
  public Integer call() {
    DoctorSettings settings = settings();
    Doctor doctor = new Doctor(settings);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter info = json ? err : out;
    banner(info, settings, doctor);
    if (dryRun) {
      info.println("Dry run: these are the calls it would make; it makes none.");
      info.print(doctor.plan().render(settings.connection().baseUrl() + "/api/public/v1.0/groups/"
          + settings.projectId() + "/"));
      info.flush();
      return 0;
    }
    if (!yes) {
      err.println("doctor writes to project " + settings.projectId() + " and asks first: run it again with --yes to go"
          + " ahead, or with --dry-run to see every call it would make.");
      err.flush();
      return 2;
    }
    Thread hook = new Thread(() -> doctor.cleanUpNow().ifPresent(c -> {
      err.println("Interrupted. " + c.line());
      err.flush();
    }), "doctor-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      DoctorResult result = doctor.run(line -> {
        info.println(line);
        info.flush();
      });
      if (profileOut != null) {
        writeProfile(result);
      }
      if (json) {
        out.print(ProfileJson.write(result.profile()));
      } else {
        out.println();
        out.print(result.report());
      }
      out.flush();
      return result.cleanup().complete() ? 0 : 1;
    } catch (DoctorException e) {
      err.println("error: " + e.getMessage());
      doctor.cleanUpNow().ifPresent(c -> err.println(c.line()));
      err.flush();
      return 1;
    } finally {
      removeHook(hook);
    }
  }

  DoctorSettings settings() {
    ApiConnection connection = api.connection(spec).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "doctor needs --api-url, --public-key, --private-key-file and --project-id"));
    String projectId = api.projectId(spec).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "--project-id is required: the scratch project doctor writes to"));
    if (connection.generation() != ApiGeneration.PUBLIC_V1) {
      throw new ParameterException(spec.commandLine(), "doctor measures the Cloud/Ops Manager public API v1.0;"
          + " the Atlas Administration API v2 is specified by MongoDB's OpenAPI spec, which the operator follows:"
          + " leave out --api atlas-v2");
    }
    if (connection.isServiceAccount()) {
      throw new ParameterException(spec.commandLine(), "doctor measures Digest authentication and needs an API key:"
          + " use --public-key and --private-key-file instead of --client-id and --client-secret-file");
    }
    if (dryRun && yes) {
      throw new ParameterException(spec.commandLine(), "--dry-run and --yes exclude each other");
    }
    Product chosen = product == null ? Product.derivedFrom(connection.baseUrl())
        : Product.ofKey(product).filter(p -> p.generation() == ApiGeneration.PUBLIC_V1)
            .orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--product: '" + product + "' is not cloud-manager or ops-manager"));
    List<String> chosenTypes;
    if (types != null) {
      if (includeUndocumented) {
        throw new ParameterException(spec.commandLine(), "--types and --include-undocumented exclude each other");
      }
      chosenTypes = new ArrayList<>();
      types.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct()
          .forEach(chosenTypes::add);
    } else {
      chosenTypes = DoctorSettings.defaultTypes(chosen, includeUndocumented);
    }
    try {
      return new DoctorSettings(connection, projectId, chosen, chosenTypes, allowOverwrite,
          stateDir == null ? DoctorSettings.defaultStateDir() : stateDir);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--types: " + e.getMessage());
    }
  }

  private void banner(PrintWriter info, DoctorSettings s, Doctor doctor) {
    info.println("!! doctor WRITES to project " + s.projectId() + " at " + s.connection().baseUrl() + " ("
        + s.product().displayName() + "):");
    info.println("!! it configures each of " + String.join(", ", s.types()) + " that the project does not hold yet"
        + " with made-up values, changes it and removes it again.");
    info.println("!! Use a scratch project, not one whose alerts matter. " + (s.allowOverwrite()
        ? "--allow-overwrite: types the project holds are OVERWRITTEN and then REMOVED; their configuration is lost."
        : "Types the project already holds are not touched."));
    info.println("!! Interrupted (Ctrl-C), it removes what it created; killed outright, its next run in this project"
        + " does (ledger " + doctor.ledgerPath() + ").");
    info.flush();
  }

  private void writeProfile(DoctorResult result) {
    try {
      Files.writeString(profileOut, ProfileJson.write(result.profile()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DoctorException("--profile-out: cannot write " + profileOut + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (and finds the cleanup already done)
    }
  }
}
