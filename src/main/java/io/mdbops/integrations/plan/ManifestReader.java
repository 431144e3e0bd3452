package io.mdbops.integrations.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.validation.ResourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads manifest files as {@code kubectl apply -f} takes them (a file, or the {@code .yaml},
 * {@code .yml} and {@code .json} files of a directory; multi-document YAML), and judges each
 * ThirdPartyIntegration twice, as it would be judged on its way: first by the API server (the CRD's
 * schema and CEL rules, unknown fields refused as kubectl's strict field validation does), then by
 * the operator's own parser and validation.
 */
public final class ManifestReader {

  /** A line holding only {@code ---} (and perhaps a comment) separates YAML documents. */
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(#.*)?$");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Function<JsonNode, List<String>> admission;
  private final String defaultNamespace;

  /**
   * @param admission what the API server would refuse in a document, one message each
   * @param defaultNamespace the namespace of documents that name none
   */
  public ManifestReader(Function<JsonNode, List<String>> admission, String defaultNamespace) {
    this.admission = admission;
    this.defaultNamespace = defaultNamespace;
  }

  /**
   * Every manifest under {@code paths}.
   *
   * @throws IllegalArgumentException when a path does not exist or cannot be read
   */
  public Manifests read(List<Path> paths, boolean recursive) {
    Collector collected = new Collector();
    for (Path path : paths) {
      for (Path file : files(path, recursive)) {
        String text;
        try {
          text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
          throw new IllegalArgumentException("cannot read " + file + " (is it UTF-8 text?)");
        }
        read(file.toString(), text, collected);
      }
    }
    return new Manifests(collected.resources, collected.secrets, collected.unreadable, collected.ignoredKinds);
  }

  /** The documents of one file's text; {@code fileName} names them in messages. */
  public Manifests read(String fileName, String text) {
    Collector collected = new Collector();
    read(fileName, text, collected);
    return new Manifests(collected.resources, collected.secrets, collected.unreadable, collected.ignoredKinds);
  }

  private void read(String fileName, String text, Collector into) {
    List<String> documents = new ArrayList<>();
    List<Integer> firstLines = new ArrayList<>();
    Matcher separator = DOCUMENT_SEPARATOR.matcher(text);
    int start = 0;
    while (separator.find()) {
      documents.add(text.substring(start, separator.start()));
      firstLines.add(lineOf(text, start));
      start = separator.end();
    }
    documents.add(text.substring(start));
    firstLines.add(lineOf(text, start));
    for (int i = 0; i < documents.size(); i++) {
      String where = fileName + (documents.size() > 1 ? "#" + (i + 1) : "");
      JsonNode tree;
      try {
        tree = YAML.readTree(documents.get(i));
      } catch (JsonProcessingException e) {
        into.unreadable.add(new Manifests.Unreadable(where, "not valid YAML" + location(e, firstLines.get(i))));
        continue;
      }
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        continue; // comments only
      }
      String kind = tree.path("kind").asText("");
      if (!tree.isObject() || kind.isEmpty()) {
        into.unreadable.add(new Manifests.Unreadable(where, "not a Kubernetes object (no kind)"));
      } else if (kind.equals("ThirdPartyIntegration")) {
        into.resources.add(resource(where, documents.get(i), tree));
      } else if (kind.equals("Secret")) {
        secret(where, tree, into);
      } else {
        into.ignoredKinds.add(kind);
      }
    }
  }

  private Manifests.Resource resource(String where, String text, JsonNode tree) {
    String name = textAt(tree, "/metadata/name");
    String namespace = textAt(tree, "/metadata/namespace");
    List<String> problems = new ArrayList<>();
    if (name == null) {
      problems.add("refused by the API server: metadata.name: Required value: name or generateName is required");
    }
    admission.apply(tree).forEach(m -> problems.add("refused by the API server: " + m));
    ResourceParser.Result parsed = ResourceParser.parse(text);
    if (problems.isEmpty()) {
      parsed.problems().forEach(m -> problems.add("refused by the operator (InvalidSpec): " + m));
    }
    ThirdPartyIntegration resource = parsed.resource();
    String ns = namespace == null ? defaultNamespace : namespace;
    if (resource != null) {
      if (resource.getMetadata() == null) {
        resource.setMetadata(new ObjectMeta());
      }
      resource.getMetadata().setNamespace(ns);
    }
    return new Manifests.Resource(where, ns, name, tree, resource, problems);
  }

  private void secret(String where, JsonNode tree, Collector into) {
    Secret secret;
    try {
      secret = Serialization.jsonMapper().convertValue(tree, Secret.class);
    } catch (IllegalArgumentException e) {
      into.unreadable.add(new Manifests.Unreadable(where,
          "a Secret that cannot be read (data and stringData must be maps of strings)"));
      return;
    }
    if (secret.getMetadata() == null || secret.getMetadata().getName() == null) {
      into.unreadable.add(new Manifests.Unreadable(where, "a Secret without metadata.name"));
      return;
    }
    if (secret.getMetadata().getNamespace() == null) {
      secret.getMetadata().setNamespace(defaultNamespace);
    }
    into.secrets.add(new Manifests.SecretDocument(where, secret));
  }

  private static List<Path> files(Path path, boolean recursive) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("no such file or directory: " + path);
    }
    try (Stream<Path> listing = recursive ? Files.walk(path) : Files.list(path)) {
      return listing.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
          .sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot list " + path);
    }
  }

  private static String textAt(JsonNode tree, String pointer) {
    JsonNode node = tree.at(pointer);
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  /** Where the YAML breaks, as a line of the file; not the parser's text, which may quote the document. */
  private static String location(JsonProcessingException e, int firstLine) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : " (line " + (firstLine + e.getLocation().getLineNr() - 1) + ")";
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static final class Collector {
    final List<Manifests.Resource> resources = new ArrayList<>();
    final List<Manifests.SecretDocument> secrets = new ArrayList<>();
    final List<Manifests.Unreadable> unreadable = new ArrayList<>();
    final List<String> ignoredKinds = new ArrayList<>();
  }
}
