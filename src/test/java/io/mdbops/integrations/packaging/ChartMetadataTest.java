package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** What chart repositories and artifact hubs show about the chart: where it lives and who keeps it. */
class ChartMetadataTest {

  static final String HOME = "https://github.com/mdbops/integrations-operator";

  @Test
  void chartYamlSaysWhereTheProjectLivesAndWhoMaintainsIt() throws IOException {
    Map<String, Object> chart = Manifests.yaml(Files.readString(Chart.DIR.resolve("Chart.yaml")));
    assertThat(chart).containsEntry("home", HOME).containsKey("kubeVersion");
    assertThat(chart.get("sources")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(HOME);
    assertThat((String) chart.get("icon")).startsWith(HOME.replace("github.com", "raw.githubusercontent.com") + "/");
    assertThat(chart.get("maintainers")).asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty()
        .allSatisfy(m -> assertThat(m).asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("name"));
  }
}
