package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example manifests ({@code deploy/examples/}): one multi-document YAML file per integration
 * type, each with its token Secret and its {@code ThirdPartyIntegration}. Read from a directory on
 * disk (a checkout), else from the jar's resources. Each document is kept as written, to be applied
 * as kubectl applies it (the sandbox's API then judges it exactly as it judges kubectl), and read as
 * a typed object for what the sandbox prints and waits for.
 */
public final class Examples {

  /** The project the sandbox's own examples target, and the one project its simulator has. */
  public static final String DEMO_PROJECT = "5e2211c17a3e5a48f5497de3";
  /** The connection Secret the sandbox's own examples name, which the sandbox creates. */
  public static final String DEMO_CONNECTION = "mdb-api";

  /** The file of each integration type's example, under {@code deploy/examples/}. */
  public static final Map<IntegrationType, String> FILES = files();
  /** Where the build packages the examples in the jar. */
  public static final String RESOURCE_DIR = "/io/mdbops/integrations/sandbox/examples/";
  /** The checkout-relative directory. */
  public static final Path CHECKOUT_DIR = Path.of("deploy", "examples");
  /** The subdirectory of the examples for Atlas only (types and fields the other products lack). */
  public static final String ATLAS_DIR = "atlas";
  /** The files of {@link #ATLAS_DIR}, for the copies packaged in the jar. */
  public static final List<String> ATLAS_FILES = List.of("new-relic.yaml", "prometheus.yaml");

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper SORTED =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /**
   * One example file: its name, its text, what it holds (typed), every document as written (with
   * the last-applied annotation kubectl would add), and what could not be read at all.
   */
  public record Example(String fileName, String text, List<Secret> secrets, List<ThirdPartyIntegration> resources,
      List<Namespace> namespaces, List<GenericKubernetesResource> documents, List<String> problems) {

    /** Every object of the file, in file order, namespaces first. */
    public List<HasMetadata> objects() {
      List<HasMetadata> all = new ArrayList<>(namespaces);
      all.addAll(secrets);
      all.addAll(resources);
      return all;
    }
  }

  private final Path directory;
  private final List<Example> examples;

  private Examples(Path directory, List<Example> examples) {
    this.directory = directory;
    this.examples = List.copyOf(examples);
  }

  /** The directory the examples were read from, or null when they came from the jar. */
  public Path directory() {
    return directory;
  }

  public List<Example> all() {
    return examples;
  }

  public List<ThirdPartyIntegration> resources() {
    return examples.stream().flatMap(e -> e.resources().stream()).toList();
  }

  /** Every distinct projectId the resources name. */
  public Set<String> projectIds() {
    Set<String> ids = new LinkedHashSet<>();
    resources().forEach(r -> {
      if (r.getSpec() != null && r.getSpec().getProjectId() != null) {
        ids.add(r.getSpec().getProjectId());
      }
    });
    return ids;
  }

  /**
   * The examples with every projectId they name replaced by {@code projectId} (in the text too, so
   * the Prometheus user name {@code prom_user_<projectId>} follows).
   */
  public Examples retargeted(String projectId) {
    Set<String> from = projectIds();
    List<Example> moved = new ArrayList<>();
    for (Example e : examples) {
      String text = e.text();
      for (String id : from) {
        text = text.replace(id, projectId);
      }
      moved.add(parse(e.fileName(), text));
    }
    return new Examples(null, moved);
  }

  /** Writes the files into {@code target} (created if needed); returns this set as read from there. */
  public Examples writeTo(Path target) {
    try {
      Files.createDirectories(target);
      for (Example e : examples) {
        Files.writeString(target.resolve(e.fileName()), e.text(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the examples to " + target, e);
    }
    return new Examples(target, examples);
  }

  /**
   * The examples from {@code explicit} if given (a directory of {@code *.yaml} files, or one file),
   * else from {@code deploy/examples} of the checkout (the working directory, or the one the jar
   * was built in), else from the jar.
   */
  public static Examples load(Path explicit) {
    return load(explicit, false);
  }

  /**
   * As {@link #load(Path)}; with {@code atlas}, the examples of {@code deploy/examples/atlas/} (types
   * and fields only Atlas has, e.g. New Relic, Prometheus without host settings) replace or join the
   * default ones of the same file name. An explicit path is taken as it is.
   */
  public static Examples load(Path explicit, boolean atlas) {
    if (explicit != null) {
      return fromPath(explicit);
    }
    for (Path candidate : checkoutCandidates()) {
      if (Files.isDirectory(candidate)) {
        Examples defaults = fromPath(candidate);
        return atlas && Files.isDirectory(candidate.resolve(ATLAS_DIR))
            ? defaults.overlaid(fromPath(candidate.resolve(ATLAS_DIR))) : defaults;
      }
    }
    Examples packaged = atlas ? fromClasspath().overlaid(fromClasspath(ATLAS_DIR + "/", ATLAS_FILES)) : fromClasspath();
    if (packaged.all().isEmpty()) {
      throw new IllegalStateException("no examples found: run from a checkout (deploy/examples/) or pass"
          + " --examples DIR");
    }
    return packaged;
  }

  /** Every {@code *.yaml} file of a directory (sorted), or one file. */
  public static Examples fromPath(Path path) {
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> listing = Files.list(path)) {
        files = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
            // connection-secret*.yaml are templates with placeholders: the sandbox makes its own connection
            .filter(p -> !p.getFileName().toString().startsWith("connection-secret"))
            .sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + path, e);
      }
    } else if (Files.isRegularFile(path)) {
      files = List.of(path);
    } else {
      throw new IllegalArgumentException("no such file or directory: " + path);
    }
    List<Example> examples = new ArrayList<>();
    for (Path file : files) {
      try {
        examples.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new Examples(Files.isDirectory(path) ? path : path.getParent(), examples);
  }

  /** These examples with {@code others} replacing the files of the same name, and joining the rest. */
  public Examples overlaid(Examples others) {
    Map<String, Example> byName = new java.util.TreeMap<>();
    examples.forEach(e -> byName.put(e.fileName(), e));
    others.all().forEach(e -> byName.put(e.fileName(), e));
    return new Examples(directory, new ArrayList<>(byName.values()));
  }

  /** The examples packaged in the jar (empty when the build did not package them). */
  public static Examples fromClasspath() {
    return fromClasspath("", FILES.values());
  }

  private static Examples fromClasspath(String subdirectory, java.util.Collection<String> names) {
    List<Example> examples = new ArrayList<>();
    for (String name : names.stream().sorted().toList()) {
      try (InputStream in = Examples.class.getResourceAsStream(RESOURCE_DIR + subdirectory + name)) {
        if (in != null) {
          examples.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the packaged example " + name, e);
      }
    }
    return new Examples(null, examples);
  }

  /** Splits a multi-document YAML file and reads each document as a Namespace, Secret or resource. */
  public static Example parse(String fileName, String text) {
    List<Secret> secrets = new ArrayList<>();
    List<ThirdPartyIntegration> resources = new ArrayList<>();
    List<Namespace> namespaces = new ArrayList<>();
    List<GenericKubernetesResource> documents = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int index = 0;
    for (String document : DOCUMENT_SEPARATOR.split(text)) {
      index++;
      String where = fileName + " document " + index;
      JsonNode tree;
      try {
        tree = YAML.readTree(document);
      } catch (IOException e) {
        problems.add(where + ": not valid YAML");
        continue;
      }
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        continue; // only comments
      }
      String kind = tree.path("kind").asText("");
      String applied = lastApplied(tree);
      switch (kind) {
        case "Secret" -> secrets.add(annotate(convert(tree, Secret.class), applied));
        case "Namespace" -> namespaces.add(annotate(convert(tree, Namespace.class), applied));
        case "ThirdPartyIntegration" -> {
          // read tolerantly, for the table; what the API server makes of it is its own verdict
          ThirdPartyIntegration r = convert(tree, ThirdPartyIntegration.class);
          if (r.getMetadata() != null && r.getMetadata().getName() != null) {
            resources.add(annotate(r, applied));
          }
        }
        default -> {
          problems.add(where + ": kind " + (kind.isEmpty() ? "(none)" : kind)
              + " is not supported here; use Namespace, Secret or ThirdPartyIntegration");
          continue;
        }
      }
      documents.add(annotate(convert(tree, GenericKubernetesResource.class), applied));
    }
    return new Example(fileName, text, secrets, resources, namespaces, documents, problems);
  }

  /**
   * The {@code kubectl.kubernetes.io/last-applied-configuration} annotation exactly as kubectl apply
   * writes it (the document as compact JSON with sorted keys, HTML characters escaped as Go does,
   * an {@code annotations} map present, a final newline), so that a later {@code kubectl apply} of
   * the unchanged file finds nothing to change, and an edited file changes only what was edited.
   */
  static String lastApplied(JsonNode tree) {
    JsonNode copy = tree.deepCopy();
    if (copy instanceof ObjectNode object) {
      ObjectNode metadata = object.with("metadata");
      ObjectNode annotations = metadata.has("annotations") && metadata.get("annotations").isObject()
          ? (ObjectNode) metadata.get("annotations") : metadata.putObject("annotations");
      annotations.remove(LAST_APPLIED);
    }
    try {
      Object plain = SORTED.convertValue(copy, Object.class);
      String json = SORTED.writeValueAsString(plain);
      return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a document read a moment ago", e);
    }
  }

  private static <T extends HasMetadata> T annotate(T object, String lastApplied) {
    if (object.getMetadata() == null) {
      object.setMetadata(new ObjectMeta());
    }
    Map<String, String> annotations = object.getMetadata().getAnnotations() == null
        ? new LinkedHashMap<>() : new LinkedHashMap<>(object.getMetadata().getAnnotations());
    annotations.put(LAST_APPLIED, lastApplied);
    object.getMetadata().setAnnotations(annotations);
    return object;
  }

  private static <T> T convert(JsonNode tree, Class<T> type) {
    return Serialization.jsonMapper().convertValue(tree, type);
  }

  private static List<Path> checkoutCandidates() {
    List<Path> candidates = new ArrayList<>();
    candidates.add(CHECKOUT_DIR.toAbsolutePath());
    try {
      // java -jar /path/to/checkout/target/integrations-operator.jar, run from anywhere
      Path jar = Path.of(Examples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path target = jar.getParent();
      if (target != null && target.getParent() != null) {
        candidates.add(target.getParent().resolve(CHECKOUT_DIR));
      }
    } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
      // not from a file: only the working directory and the jar's resources remain
    }
    return candidates;
  }

  private static Map<IntegrationType, String> files() {
    Map<IntegrationType, String> files = new EnumMap<>(IntegrationType.class);
    files.put(IntegrationType.PAGER_DUTY, "pagerduty.yaml");
    files.put(IntegrationType.SLACK, "slack.yaml");
    files.put(IntegrationType.DATADOG, "datadog.yaml");
    files.put(IntegrationType.OPS_GENIE, "opsgenie.yaml");
    files.put(IntegrationType.VICTOR_OPS, "victorops.yaml");
    files.put(IntegrationType.WEBHOOK, "webhook.yaml");
    files.put(IntegrationType.MICROSOFT_TEAMS, "microsoft-teams.yaml");
    files.put(IntegrationType.PROMETHEUS, "prometheus.yaml");
    return Map.copyOf(files);
  }
}
