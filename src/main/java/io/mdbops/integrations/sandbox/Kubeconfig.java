package io.mdbops.integrations.sandbox;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kubeconfig that points kubectl (and {@code run}) at the sandbox's Kubernetes API. */
public final class Kubeconfig {

  static final String NAME = "integrations-sandbox";

  private Kubeconfig() {}

  /** Writes a kubeconfig for {@code server}, defaulting to {@code namespace}; returns the file. */
  public static Path write(Path file, String server, String namespace) {
    var config = new ConfigBuilder()
        .withApiVersion("v1")
        .withKind("Config")
        .addNewCluster().withName(NAME).withNewCluster().withServer(server).endCluster().endCluster()
        .addNewContext().withName(NAME).withNewContext()
            .withCluster(NAME).withUser(NAME).withNamespace(namespace).endContext().endContext()
        .withCurrentContext(NAME)
        // the embedded API accepts any token; kubectl wants some credentials to send
        .addNewUser().withName(NAME).withNewUser().withToken("sandbox").endUser().endUser()
        .build();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, Serialization.asYaml(config), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig to " + file, e);
    }
    return file;
  }
}
