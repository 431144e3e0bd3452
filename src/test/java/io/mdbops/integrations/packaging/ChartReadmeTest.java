package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The chart's README (shipped in the chart package) tells the truth about the values and the health check. */
class ChartReadmeTest {

  static final String UPDATE = "chart.readme.update";
  static final String FIX = "the generated parts of " + ChartReadme.FILE + " are out of date; run"
      + " `mvn -B -q test -Dtest=ChartReadmeTest -D" + UPDATE + "=true` and commit the result";

  @Test
  void theGeneratedPartsMatchTheSchemaValuesAndHealthCheck() throws IOException {
    String committed = Files.readString(ChartReadme.FILE);
    String generated = ChartReadme.regenerate(committed);
    if (Boolean.getBoolean(UPDATE)) {
      ChartReadme.write(generated);
      return;
    }
    assertThat(committed).as(FIX).isEqualTo(generated);
  }

  /** Pasted as it stands, the snippet gives Argo CD exactly the tested script under the key it reads. */
  @Test
  void theArgoCdSnippetIsAConfigMapCarryingTheHealthCheck() throws IOException {
    String snippet = ChartReadme.part(Files.readString(ChartReadme.FILE), ChartReadme.ARGOCD);
    String yaml = snippet.substring(snippet.indexOf("```yaml\n") + 8, snippet.lastIndexOf("```"));
    ConfigMap cm = Serialization.unmarshal(yaml, ConfigMap.class);
    assertThat(cm.getMetadata().getName()).isEqualTo("argocd-cm");
    assertThat(cm.getData()).containsOnlyKeys(ChartReadme.HEALTH_KEY);
    assertThat(cm.getData().get(ChartReadme.HEALTH_KEY)).isEqualTo(ArgoCdHealthCheck.script());
  }
}
