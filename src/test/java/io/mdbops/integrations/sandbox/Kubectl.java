package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code /usr/bin/kubectl} against an embedded API (the sandbox's, with kubectl support), with a
 * kubeconfig and cache of its own. Every run has a short deadline, so a command that hangs fails its test
 * in seconds instead of stalling the build.
 */
final class Kubectl implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/kubectl");
  private static final long DEADLINE_SECONDS = 15;

  /** One finished run. */
  record Run(int exit, String out, String err) {

    Run succeeded() {
      assertThat(exit).as("kubectl failed:%n%s%s", out, err).isZero();
      return this;
    }

    Run failed() {
      assertThat(exit).as("kubectl should have failed:%n%s%s", out, err).isNotZero();
      return this;
    }
  }

  final EmbeddedKubernetes kube;
  private final Path dir;
  private final Path kubeconfig;

  Kubectl(Path dir) {
    this.dir = dir;
    this.kube = EmbeddedKubernetes.startForKubectl(0);
    this.kubeconfig = dir.resolve("kubeconfig");
    write(kubeconfig, "apiVersion: v1\nkind: Config\n"
        + "clusters:\n- name: s\n  cluster:\n    server: " + kube.url() + "\n"
        + "contexts:\n- name: s\n  context:\n    cluster: s\n    user: s\n    namespace: demo\n"
        + "current-context: s\nusers:\n- name: s\n  user:\n    token: sandbox\n");
  }

  Path file(String name, String content) {
    Path f = dir.resolve(name);
    write(f, content);
    return f;
  }

  Run run(String... args) {
    return run(Map.of(), args);
  }

  Run run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--kubeconfig=" + kubeconfig,
        "--cache-dir=" + dir.resolve("cache"), "--request-timeout=5s"));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putAll(env);
      Process p = builder.start();
      if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " hung for " + DEADLINE_SECONDS + " s");
      }
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    kube.close();
  }
}
