package io.mdbops.integrations.packaging;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Helm chart rendered with helm-java (a real Helm) and parsed with fabric8. */
final class Chart {

  static final Path DIR = Path.of("helm", "integrations-operator");
  static final String RELEASE = "integrations-operator";
  static final String NAMESPACE = "integrations-operator";
  /** helm-java assumes Kubernetes v1.20 unless told; the chart needs 1.25 (Chart.yaml kubeVersion). */
  static final String KUBE_VERSION = "v1.30.0";

  /** The rules every watched namespace needs (docs/packaging.md explains each one). */
  static final List<PolicyRule> RESOURCE_RULES = List.of(
      rule("integrations.mdbops.io", "thirdpartyintegrations", "get", "list", "watch", "patch", "update"),
      rule("integrations.mdbops.io", "thirdpartyintegrations/status", "get", "patch", "update"),
      rule("integrations.mdbops.io", "thirdpartyintegrations/finalizers", "update"),
      rule("", "secrets", "get", "list", "watch"),
      rule("", "events", "create", "patch"));

  /**
   * Beside the resource rules where every namespace is watched: is a resource's namespace being
   * deleted (bounds how long its deletion waits).
   */
  static final PolicyRule NAMESPACE_GET = rule("", "namespaces", "get");

  private Chart() {}

  static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
  }

  /** The chart with its default values, as release {@value #RELEASE} in namespace {@value #NAMESPACE}. */
  static Rendered render() {
    return render("");
  }

  /** The chart with these values (YAML, as a values file). */
  static Rendered render(String valuesYaml) {
    return new Rendered(Manifests.parse(template(valuesYaml, Map.of())));
  }

  /** The chart with these {@code --set} values. */
  static Rendered set(Map<String, Object> values) {
    return new Rendered(Manifests.parse(template("", values)));
  }

  /**
   * As {@link #render(String)}, with the hooks: helm-java's template leaves them out (Helm keeps
   * them apart from the manifest), so a copy of the chart has their {@code helm.sh/hook}
   * annotations renamed, which makes them ordinary objects, and the parsed objects get the names back.
   */
  static Rendered renderWithHooks(String valuesYaml) {
    String stand = "hook.test.invalid/hook";
    try {
      Path copy = Files.createTempDirectory("chart-");
      try {
        return renderCopy(copy, valuesYaml, stand);
      } finally {
        try (var files = Files.walk(copy)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Rendered renderCopy(Path copy, String valuesYaml, String stand) {
    try {
      try (var files = Files.walk(DIR)) {
        for (Path from : files.toList()) {
          Path to = copy.resolve(DIR.relativize(from).toString());
          if (Files.isDirectory(from)) {
            Files.createDirectories(to);
          } else {
            Files.writeString(to, Files.readString(from).replace(HOOK, stand));
          }
        }
      }
      List<HasMetadata> objects = Manifests.parse(template(copy, valuesYaml, Map.of()));
      for (HasMetadata o : objects) {
        Map<String, String> annotations = o.getMetadata().getAnnotations();
        if (annotations != null) {
          Map<String, String> named = new LinkedHashMap<>();
          annotations.forEach((k, v) -> named.put(k.replace(stand, HOOK), v));
          o.getMetadata().setAnnotations(named);
        }
      }
      return new Rendered(objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String HOOK = "helm.sh/hook";

  /** helm template's output; throws IllegalStateException with Helm's message when it fails. */
  static String template(String valuesYaml, Map<String, Object> sets) {
    return template(DIR, valuesYaml, sets);
  }

  private static String template(Path chart, String valuesYaml, Map<String, Object> sets) {
    try {
      Path values = Files.createTempFile("values-", ".yaml");
      try {
        Files.writeString(values, valuesYaml);
        TemplateCommand template = new Helm(chart).template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .withValuesFile(values);
        sets.forEach(template::set);
        return template.call();
      } finally {
        Files.deleteIfExists(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A top-level string field of Chart.yaml. */
  static String chartYaml(String field) throws IOException {
    Matcher m = Pattern.compile("(?m)^" + field + ":\\s*\"?([^\"\\s#]+)\"?").matcher(Files.readString(DIR.resolve("Chart.yaml")));
    if (!m.find()) {
      throw new IllegalStateException("Chart.yaml has no " + field);
    }
    return m.group(1);
  }

  /** Rendered objects with the look-ups the tests need. */
  record Rendered(List<HasMetadata> objects) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
      return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
      List<T> found = all(type);
      if (found.size() != 1) {
        throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
      }
      return found.get(0);
    }

    List<GenericKubernetesResource> kind(String kind) {
      return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    Deployment deployment() {
      return one(Deployment.class);
    }

    Container container() {
      return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The container's plain env values by name (fieldRef ones map to their field path). */
    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      for (EnvVar v : container().getEnv()) {
        env.put(v.getName(), v.getValueFrom() != null && v.getValueFrom().getFieldRef() != null
            ? "fieldRef:" + v.getValueFrom().getFieldRef().getFieldPath() : v.getValue());
      }
      return env;
    }
  }
}
