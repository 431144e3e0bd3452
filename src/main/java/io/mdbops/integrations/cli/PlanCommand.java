package io.mdbops.integrations.cli;

import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.plan.ClusterReader;
import io.mdbops.integrations.plan.CommandLogs;
import io.mdbops.integrations.plan.JsonPlan;
import io.mdbops.integrations.plan.LiveProjects;
import io.mdbops.integrations.plan.ManifestAdmission;
import io.mdbops.integrations.plan.ManifestReader;
import io.mdbops.integrations.plan.Manifests;
import io.mdbops.integrations.plan.Plan;
import io.mdbops.integrations.plan.PlanConnections;
import io.mdbops.integrations.plan.PlanSecrets;
import io.mdbops.integrations.plan.Planner;
import io.mdbops.integrations.plan.Redaction;
import io.mdbops.integrations.plan.TextPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code plan}: what applying the manifests would do to the live projects, read only. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
    exitCodeOnInvalidInput = Plan.ERROR, exitCodeOnExecutionException = Plan.ERROR,
    description = {
        "Show what applying ThirdPartyIntegration manifests would do to the live projects, before they are"
            + " applied (say, in a pull request): for each resource create, update (the fields, and old → new"
            + " for plain ones), in sync, or why it would be refused; with --prune, the live integrations no"
            + " manifest declares (delete).",
        "Reads the manifests (resources and Secrets) and each project's integrations (one list per project)."
            + " It never writes, and never prints a secret: secret fields are compared through the API's mask,"
            + " as the operator compares them, and named when they differ or cannot be compared.",
        "Connections: a connection Secret in the manifests is used as it is; --api-url and its key flags stand"
            + " for every connection Secret the manifests reference but do not contain; with --kubeconfig, the"
            + " connection and token Secrets the manifests do not contain are read from the cluster."},
    exitCodeListHeading = "%nExit codes (as Terraform's -detailed-exitcode):%n",
    exitCodeList = {
        "0:No changes: every resource is in sync (or observe-only).",
        "1:An error: a manifest the API server or the operator would refuse, a connection or project that"
            + " cannot be read, or invalid options (usage errors exit 1 here, not 2).",
        "2:Changes: a resource would be created or updated, or (--prune) an integration deleted."})
public final class PlanCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--filename"}, paramLabel = "PATH", required = true,
      description = "A manifest file (multi-document YAML, or JSON), or a directory of them (*.yaml, *.yml,"
          + " *.json), as kubectl apply -f takes them. Repeat for more.")
  List<Path> paths;

  @Option(names = {"-R", "--recursive"}, description = "Also read the directories under a directory given with -f.")
  boolean recursive;

  @Option(names = "--prune", description = "Also list the live integrations of the projects read that no manifest"
      + " declares, as delete.")
  boolean prune;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json: one object with formatVersion, exitCode, summary and one entry per"
          + " resource under resources, every key always present.")
  Format output;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Namespace of the manifests that name none. Default: the kubeconfig's, else default.")
  String namespace;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Read the connection and token Secrets the manifests do not contain from this cluster (and"
          + " the operator's status of each resource: the masks it saw, the Secret versions it last wrote)."
          + " Reads only.")
  Path kubeconfig;

  @Option(names = "--default-connection-secret", paramLabel = "NAMESPACE/NAME",
      description = "The operator's default connection Secret, for resources without spec.connectionSecretRef"
          + " (with --kubeconfig; --api-url stands for it too).")
  String defaultConnection;

  @Mixin
  ApiConnectionOptions api = new ApiConnectionOptions();

  /** Makes the API clients; tests may give their own. */
  IntegrationsApiFactory factory;

  @Override
  public Integer call() {
    ApiConnection flags = api.connection(spec).orElse(null);
    if (api.projectId(spec).isPresent()) {
      throw new ParameterException(spec.commandLine(), "--project-id does not apply to plan: the manifests name"
          + " their projects");
    }
    String[] defaultSecret = defaultConnection();
    try (CommandLogs logs = CommandLogs.toStandardError();
        ClusterReader cluster = cluster();
        OkHttpIntegrationsApiFactory okhttp = factory == null ? new OkHttpIntegrationsApiFactory() : null) {
      String ns = namespace != null ? namespace : cluster != null ? cluster.namespace().orElse("default") : "default";
      Manifests manifests;
      try {
        manifests = new ManifestReader(ManifestAdmission.ofBuiltCrd(), ns).read(paths, recursive);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "-f: " + e.getMessage());
      }
      PlanSecrets secrets = new PlanSecrets(manifests, cluster);
      PlanConnections connections = new PlanConnections(secrets, flags, defaultSecret[0], defaultSecret[1]);
      LiveProjects live = new LiveProjects(factory == null ? okhttp : factory);
      Plan plan = new Planner(connections, live, secrets, prune).plan(manifests);
      Redaction redaction = new Redaction()
          .addSecrets(manifests.secrets().stream().map(Manifests.SecretDocument::secret).toList())
          .add(flags == null ? null : flags.privateKey());
      if (cluster != null) {
        redaction.addSecrets(cluster.secretsRead());
      }
      String report = output == Format.json ? JsonPlan.render(plan) : TextPlan.render(plan);
      spec.commandLine().getOut().print(redaction.apply(report));
      spec.commandLine().getOut().flush();
      return plan.exitCode();
    }
  }

  private ClusterReader cluster() {
    if (kubeconfig == null) {
      return null;
    }
    try {
      return ClusterReader.fromKubeconfig(kubeconfig);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** {namespace, name} of --default-connection-secret, or {null, null}. */
  private String[] defaultConnection() {
    if (defaultConnection == null) {
      return new String[2];
    }
    String[] parts = defaultConnection.split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new ParameterException(spec.commandLine(), "--default-connection-secret: '" + defaultConnection
          + "' must be NAMESPACE/NAME, e.g. integrations-operator/mdb-api");
    }
    return parts;
  }
}
