package io.mdbops.integrations.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image cannot be built here (no container engine), so its recipe is checked: a Maven build
 * stage, a JRE runtime stage as a numeric non-root user, and the jar the build actually produces.
 */
class DockerfileTest {

  static final Path DOCKERFILE = Path.of("Dockerfile");

  /** Instructions (continuation lines joined, comments dropped), grouped by stage. */
  static List<List<String>> stages() throws IOException {
    List<List<String>> stages = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : Files.readAllLines(DOCKERFILE)) {
      String line = raw.strip();
      if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String instruction = current.toString().replaceAll("\\s+", " ").strip();
      current.setLength(0);
      if (instruction.toUpperCase().startsWith("FROM ")) {
        stages.add(new ArrayList<>());
      }
      if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).add(instruction);
      }
    }
    return stages;
  }

  /** The lean jar the shade plugin's runtime execution writes (RuntimeJarIT runs it). */
  static String runtimeJarName() throws IOException {
    Matcher m = Pattern.compile("<outputFile>\\$\\{project.build.directory\\}/([^<]+)</outputFile>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(m.find()).as("the shade plugin writes the runtime jar").isTrue();
    return m.group(1);
  }

  @Test
  void theBuildStagePackagesWithMavenOnJava17() throws IOException {
    List<String> build = stages().get(0);
    assertThat(build.get(0)).matches("(?i)FROM maven:3\\.9-eclipse-temurin-17 AS build");
    assertThat(build).anyMatch(i -> i.startsWith("RUN") && i.contains("mvn -B -q package -DskipTests"));
  }

  @Test
  void theRuntimeStageRunsTheShadedJarAsANumericNonRootUser() throws IOException {
    List<List<String>> stages = stages();
    assertThat(stages).hasSize(2);
    List<String> runtime = stages.get(1);
    assertThat(runtime.get(0)).matches("(?i)FROM eclipse-temurin:17-jre(@sha256:[a-f0-9]{64})?|FROM gcr\\.io/distroless/java17.*");

    List<String> users = runtime.stream().filter(i -> i.startsWith("USER ")).toList();
    assertThat(users).as("one USER in the runtime stage").hasSize(1);
    Matcher user = Pattern.compile("USER (\\d+)(?::(\\d+))?").matcher(users.get(0));
    assertThat(user.matches()).as("USER is numeric (runAsNonRoot can only verify numbers): " + users.get(0)).isTrue();
    assertThat(Integer.parseInt(user.group(1))).isPositive();
    if (user.group(2) != null) {
      assertThat(Integer.parseInt(user.group(2))).isPositive();
    }
    // the chart's pod security context runs as the same user
    assertThat(Chart.render().deployment().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
        .isEqualTo(Long.parseLong(user.group(1)));

    Matcher copy = Pattern.compile("COPY --from=build (\\S+) (\\S+)").matcher(
        runtime.stream().filter(i -> i.startsWith("COPY --from=build")).findFirst().orElse(""));
    assertThat(copy.matches()).as("the runtime stage copies the jar from the build stage").isTrue();
    assertThat(copy.group(1)).as("the lean jar Maven builds").endsWith("/target/" + runtimeJarName());
    assertThat(copy.group(2)).isEqualTo("/app/integrations-operator.jar");
    assertThat(runtime).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/integrations-operator.jar\"]");
    assertThat(runtime).contains("CMD [\"run\"]");
    assertThat(String.join("\n", runtime)).contains("INTEGRATIONS_OPERATOR_LOG_FORMAT=json").contains("-XX:MaxRAMPercentage=75");
  }

  @Test
  void theBuildContextHoldsOnlyWhatTheBuildNeeds() throws IOException {
    List<String> rules = Files.readAllLines(Path.of(".dockerignore")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(rules.get(0)).as("exclude everything first").isEqualTo("*");
    assertThat(rules).contains("!pom.xml", "!src/").doesNotContain("!target/");
  }
}
