package io.mdbops.integrations.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CRDs users install are exactly what the build generates from the Java model. */
class CommittedCrdTest {

  static final String FILE = "thirdpartyintegrations.integrations.mdbops.io-v1.yml";
  static final Path GENERATED = Path.of("target/classes/META-INF/fabric8", FILE);
  static final String FIX = "the committed CRD differs from the one generated from the Java model;"
      + " run `mvn -Pupdate-crds process-classes` and commit the result";

  @Test
  void everyCommittedCopyMatchesTheGeneratedCrd() throws IOException {
    String generated = Files.readString(GENERATED);
    List<Path> copies = committedCopies();
    assertThat(copies).as("committed CRD copies").contains(Path.of("crds", FILE));
    for (Path copy : copies) {
      assertThat(Files.readString(copy)).as(copy + ": " + FIX).isEqualTo(generated);
    }
  }

  /**
   * crds/ at the root, deploy/base, and every Helm chart under helm/: in its crds/ folder, or in
   * templates/ for the CRD chart (which upgrades it).
   */
  static List<Path> committedCopies() throws IOException {
    List<Path> copies = new ArrayList<>();
    copies.add(Path.of("crds", FILE));
    copies.add(Path.of("deploy", "base", FILE));
    Path helm = Path.of("helm");
    if (Files.isDirectory(helm)) {
      try (Stream<Path> charts = Files.list(helm)) {
        charts.map(chart -> Files.exists(chart.resolve("crds")) ? chart.resolve("crds").resolve(FILE)
            : chart.resolve("templates").resolve(FILE)).forEach(copies::add);
      }
    }
    return copies;
  }
}
