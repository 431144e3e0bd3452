package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One version everywhere: the chart's appVersion is the Maven version without -SNAPSHOT (the
 * release the chart will ship with), and the plain manifests run that image tag.
 */
class PackagingVersionTest {

  static String projectVersion() throws IOException {
    // the project's own <version>, the first one after </parent> or <artifactId>integrations-operator
    Matcher m = Pattern.compile("<artifactId>integrations-operator</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(m.find()).as("pom.xml declares the project version").isTrue();
    return m.group(1);
  }

  @Test
  void appVersionIsTheProjectVersionWithoutSnapshot() throws IOException {
    assertThat(Chart.chartYaml("appVersion")).isEqualTo(projectVersion().replace("-SNAPSHOT", ""));
    assertThat(Chart.chartYaml("version")).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    assertThat(Chart.chartYaml("name")).isEqualTo("integrations-operator");
  }

  @Test
  void thePlainManifestsRunTheChartsImage() throws IOException {
    Deployment base = (Deployment) Manifests.parse(DeployManifestsTest.BASE.resolve("deployment.yaml")).get(0);
    assertThat(base.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(Chart.render().container().getImage())
        .endsWith(":" + Chart.chartYaml("appVersion"));
  }
}
