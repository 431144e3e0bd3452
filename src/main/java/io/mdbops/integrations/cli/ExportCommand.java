package io.mdbops.integrations.cli;

import io.mdbops.integrations.api.v1alpha1.FieldPatterns;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.plan.CommandLogs;
import io.mdbops.integrations.plan.ExportNames;
import io.mdbops.integrations.plan.ExportWriter;
import io.mdbops.integrations.plan.ExportedIntegration;
import io.mdbops.integrations.plan.Exporter;
import io.mdbops.integrations.plan.LiveManifests;
import io.mdbops.integrations.plan.ManifestAdmission;
import io.mdbops.integrations.plan.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code export}: manifests for the live integrations of projects, observe-only, for adoption. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Write a ThirdPartyIntegration manifest for every live integration of the projects (reads only: one"
            + " list per project): every plain field as the project holds it, the connection Secret reference,"
            + " and a Secret skeleton with an empty key per secret field, commented \"fill in\" (the API never"
            + " shows secret values).",
        "The resources are observe-only (spec.managementPolicy: Observe): applied as they are, the operator"
            + " compares and never writes. Fill in the Secrets, check with plan, then switch to Manage.",
        "Without --out, one YAML stream on standard output; with --out, one file per integration."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:Every integration was exported.",
        "1:A project could not be read, or an integration would be refused as exported (its manifest says why).",
        "2:Invalid options, or --out would overwrite files (see --overwrite)."})
public final class ExportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--project", paramLabel = "ID",
      description = "A project to export (24 hex digits, from its URL). Repeat for more.")
  List<String> projects = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "metadata.namespace of every manifest. Default: none (kubectl apply uses its context's).")
  String namespace;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write one file per integration (NAME.yaml) into DIR instead of standard output.")
  Path out;

  @Option(names = "--overwrite", description = "With --out, replace files that exist (a filled-in Secret among them).")
  boolean overwrite;

  @Option(names = "--connection-secret", paramLabel = "NAME", defaultValue = "mdb-api",
      description = "The connection Secret every resource references. Default: ${DEFAULT-VALUE}.")
  String connectionSecret;

  @Mixin
  ApiConnectionOptions api = new ApiConnectionOptions();

  /** Makes the API client; tests may give their own. */
  IntegrationsApiFactory factory;

  @Override
  public Integer call() throws IOException {
    ApiConnection connection = api.connection(spec).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "export reads the projects through --api-url (with --public-key and --private-key-file)"));
    List<String> ids = projects();
    checkName("--namespace", namespace, "[a-z0-9]([-a-z0-9]*[a-z0-9])?", 63);
    checkName("--connection-secret", connectionSecret, FieldPatterns.SUBDOMAIN, 253);
    try (CommandLogs logs = CommandLogs.toStandardError();
        OkHttpIntegrationsApiFactory okhttp = factory == null ? new OkHttpIntegrationsApiFactory() : null) {
      LiveManifests manifests = new LiveManifests(new ExportNames(ids), namespace, connectionSecret,
          ManifestAdmission.ofBuiltCrd());
      Exporter.Result result = Exporter.export((factory == null ? okhttp : factory).create(connection), ids, manifests);
      Redaction redaction = new Redaction().add(connection.privateKey());
      ExportWriter writer = new ExportWriter(connection.baseUrl().toString(), connectionSecret);
      if (out == null) {
        print(result, writer, ids, redaction);
      } else {
        write(result, writer, ids, redaction);
      }
      PrintWriter err = spec.commandLine().getErr();
      result.notes().forEach(n -> err.println("note: " + redaction.apply(n)));
      result.errors().forEach(e -> err.println("error: " + redaction.apply(e)));
      result.integrations().forEach(i -> i.problems().forEach(p ->
          err.println("warning: " + i.name() + ": " + redaction.apply(p))));
      err.flush();
      return result.failed() ? 1 : 0;
    }
  }

  private void print(Exporter.Result result, ExportWriter writer, List<String> ids, Redaction redaction) {
    StringBuilder stream = new StringBuilder(writer.header(ids));
    for (ExportedIntegration integration : result.integrations()) {
      stream.append("---\n").append(writer.documents(integration));
    }
    spec.commandLine().getOut().print(redaction.apply(stream.toString()));
    spec.commandLine().getOut().flush();
  }

  private void write(Exporter.Result result, ExportWriter writer, List<String> ids, Redaction redaction)
      throws IOException {
    List<Path> files = result.integrations().stream().map(i -> out.resolve(i.name() + ".yaml")).toList();
    List<String> existing = files.stream().filter(Files::exists).map(Path::toString).toList();
    if (!existing.isEmpty() && !overwrite) {
      throw new ParameterException(spec.commandLine(), "--out: " + String.join(", ", existing) + " exist(s);"
          + " a filled-in Secret would be lost: move them away, or give --overwrite");
    }
    Files.createDirectories(out);
    for (int i = 0; i < files.size(); i++) {
      String text = writer.header(ids) + "---\n" + writer.documents(result.integrations().get(i));
      Files.writeString(files.get(i), redaction.apply(text), StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("wrote " + files.get(i));
    }
    spec.commandLine().getOut().flush();
  }

  private List<String> projects() {
    Set<String> ids = new LinkedHashSet<>(projects);
    api.projectId(spec).ifPresent(ids::add);
    if (ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give the projects to export with --project ID");
    }
    for (String id : ids) {
      if (!id.matches(FieldPatterns.PROJECT_ID)) {
        throw new ParameterException(spec.commandLine(), "--project: '" + id
            + "' is not a project id (24 lower-case hex digits, from the project's URL)");
      }
    }
    return List.copyOf(ids);
  }

  private void checkName(String flag, String value, String pattern, int maxLength) {
    if (value != null && (!value.matches(pattern) || value.length() > maxLength)) {
      throw new ParameterException(spec.commandLine(), flag + ": '" + value + "' is not a valid name (lower-case"
          + " letters, digits and '-', at most " + maxLength + " characters)");
    }
  }
}
