package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code --set} line the docs show renders with the chart: a reader who copies one never
 * meets a schema error. The {@code --set}s of one line go together, typed as Helm types them.
 */
class DocumentedSetsTest {

  static final Pattern SET = Pattern.compile("--set\\s+'?([A-Za-z0-9_.]+)=([^'\\s]+)'?");
  static final List<Path> DOCS = List.of(
      Path.of("docs/packaging.md"), Path.of("README.md"), Path.of("helm/integrations-operator/README.md"));

  static Stream<Arguments> documentedSetLines() throws IOException {
    Stream.Builder<Arguments> lines = Stream.builder();
    for (Path doc : DOCS) {
      List<String> text = Files.readAllLines(doc);
      for (int i = 0; i < text.size(); i++) {
        Matcher m = SET.matcher(text.get(i));
        Map<String, Object> values = new LinkedHashMap<>();
        while (m.find()) {
          put(values, m.group(1).split("\\."), typed(m.group(2)));
        }
        if (!values.isEmpty()) {
          lines.add(Arguments.of(doc + ":" + (i + 1), values));
        }
      }
    }
    return lines.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedSetLines")
  void rendersWithTheChart(String where, Map<String, Object> values) throws IOException {
    String yaml = new ObjectMapper(new YAMLFactory()).writeValueAsString(values);
    assertThatCode(() -> Chart.template(yaml, Map.of())).as(where + "\n" + yaml).doesNotThrowAnyException();
  }

  /** As {@code helm --set} reads a value: {@code {a,b}} a list, true/false, integers. */
  static Object typed(String value) {
    if (value.startsWith("{") && value.endsWith("}")) {
      return Arrays.stream(value.substring(1, value.length() - 1).split(",")).map(DocumentedSetsTest::typed).toList();
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    return value.matches("-?[0-9]+") ? Long.parseLong(value) : value;
  }

  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> values, String[] path, Object value) {
    Map<String, Object> at = values;
    for (int i = 0; i < path.length - 1; i++) {
      at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
    }
    at.put(path[path.length - 1], value);
  }
}
