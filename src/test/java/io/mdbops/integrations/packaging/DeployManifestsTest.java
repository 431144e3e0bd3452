package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plain manifests under deploy/ (not deploy/examples/, which has its own checks). */
class DeployManifestsTest {

  static final Path DEPLOY = Path.of("deploy");
  static final Path BASE = DEPLOY.resolve("base");
  static final String CRD_FILE = "thirdpartyintegrations.integrations.mdbops.io-v1.yml";
  static final Path GENERATED_CRD = Path.of("target/classes/META-INF/fabric8", CRD_FILE);

  static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
      Map.entry("Namespace", Namespace.class),
      Map.entry("CustomResourceDefinition", CustomResourceDefinition.class),
      Map.entry("ServiceAccount", ServiceAccount.class),
      Map.entry("ClusterRole", ClusterRole.class),
      Map.entry("ClusterRoleBinding", ClusterRoleBinding.class),
      Map.entry("Role", Role.class),
      Map.entry("RoleBinding", RoleBinding.class),
      Map.entry("Deployment", Deployment.class),
      Map.entry("Service", Service.class),
      Map.entry("PodDisruptionBudget", PodDisruptionBudget.class));

  /** Every Kubernetes manifest under deploy/ except examples/ and kustomization files. */
  static List<Path> manifests() throws IOException {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files
          .filter(p -> !p.startsWith(DEPLOY.resolve("examples")))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyManifestParsesIntoItsFabric8Type() throws IOException {
    List<Path> files = manifests();
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      List<HasMetadata> objects = Manifests.parse(file);
      assertThat(objects).as(file + " holds objects").isNotEmpty();
      for (HasMetadata o : objects) {
        assertThat(o).as("%s: %s is a known kind", file, o.getKind()).isNotInstanceOf(GenericKubernetesResource.class);
        assertThat(TYPES).as(file + ": kinds deploy/ may hold").containsKey(o.getKind());
        assertThat(o).as("%s: %s %s", file, o.getKind(), o.getMetadata().getName()).isInstanceOf(TYPES.get(o.getKind()));
        assertThat(o.getMetadata().getName()).as(file + ": name").isNotBlank();
      }
    }
  }

  @Test
  void theBaseHoldsTheWholeInstallation() throws IOException {
    List<HasMetadata> objects = Stream.of(BASE)
        .flatMap(dir -> kustomizationResources().stream().map(dir::resolve))
        .flatMap(p -> Manifests.parse(p).stream())
        .toList();
    assertThat(objects).extracting(HasMetadata::getKind).contains(
        "Namespace", "CustomResourceDefinition", "ServiceAccount", "ClusterRole", "ClusterRoleBinding",
        "Role", "RoleBinding", "Deployment", "Service", "PodDisruptionBudget");
    // namespaced objects sit in the operator's namespace; kustomize adds none
    assertThat(objects)
        .filteredOn(o -> !List.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding").contains(o.getKind()))
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE));
  }

  @Test
  void kustomizationListsExactlyTheFilesOfTheBase() throws IOException {
    List<String> listed = kustomizationResources();
    try (Stream<Path> files = Files.list(BASE)) {
      List<String> present = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("kustomization.yaml"))
          .toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    }
  }

  /** The CRD copy exists because kustomize loads no file outside its folder; it must not drift. */
  @Test
  void theBaseCrdIsTheGeneratedOne() throws IOException {
    assertThat(Files.readString(BASE.resolve(CRD_FILE)))
        .as("deploy/base/%s differs from the CRD generated from the Java model; run"
            + " `mvn -Pupdate-crds process-classes && cp crds/%s deploy/base/`", CRD_FILE, CRD_FILE)
        .isEqualTo(Files.readString(GENERATED_CRD));
  }

  static List<String> kustomizationResources() {
    try {
      String text = Files.readString(BASE.resolve("kustomization.yaml"));
      Matcher block = Pattern.compile("(?ms)^resources:\\n((?:\\s+(?:-.*|#.*)\\n)+)").matcher(text);
      assertThat(block.find()).as("kustomization.yaml has resources").isTrue();
      return block.group(1).lines()
          .map(String::trim)
          .filter(l -> l.startsWith("- "))
          .map(l -> l.substring(2).trim())
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
