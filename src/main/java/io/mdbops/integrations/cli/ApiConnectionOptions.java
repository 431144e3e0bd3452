package io.mdbops.integrations.cli;

import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.opsmanager.ApiConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The connection flags every command that talks to a real server shares, so that {@code sandbox} and
 * the commands that read or probe a project spell and check them the same way. Keys are read from
 * files, never from the command line, where they would land in shell history and process lists.
 */
public final class ApiConnectionOptions {

  @Option(names = "--api-url", paramLabel = "URL",
      description = "Base URL of Cloud Manager / Ops Manager, e.g. https://cloud.mongodb.com."
          + " Needs --public-key and --private-key-file.")
  String apiUrl;

  @Option(names = "--public-key", paramLabel = "KEY", description = "Public key of the API key pair (with --api-url).")
  String publicKey;

  @Option(names = "--private-key-file", paramLabel = "FILE",
      description = "File holding the private key of the API key pair (with --api-url).")
  Path privateKeyFile;

  @Option(names = "--project-id", paramLabel = "ID",
      description = "The project to work in (with --api-url): 24 hex digits, from the project's URL.")
  String projectId;

  @Option(names = "--ca-file", paramLabel = "FILE",
      description = "PEM bundle of the CA certificates that sign the API's certificate (with --api-url, for an Ops"
          + " Manager with a private CA).")
  Path caFile;

  /** Whether {@code --api-url} was given. */
  public boolean given() {
    return apiUrl != null;
  }

  /**
   * The connection the flags describe, checked; empty without {@code --api-url} (when no other
   * connection flag may be given either).
   *
   * @throws ParameterException naming the flag that is missing or wrong
   */
  public Optional<ApiConnection> connection(CommandSpec spec) {
    if (apiUrl == null) {
      if (publicKey != null || privateKeyFile != null || projectId != null || caFile != null) {
        throw new ParameterException(spec.commandLine(),
            "--public-key, --private-key-file, --project-id and --ca-file go with --api-url");
      }
      return Optional.empty();
    }
    if (publicKey == null || privateKeyFile == null) {
      throw new ParameterException(spec.commandLine(), "--api-url needs --public-key and --private-key-file");
    }
    URI url;
    try {
      url = EndpointPolicy.parse(apiUrl);
    } catch (ConnectionUnavailableException e) {
      throw new ParameterException(spec.commandLine(), "--api-url: " + e.getMessage());
    }
    String privateKey = read(spec, privateKeyFile, "--private-key-file").strip();
    if (privateKey.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--private-key-file: " + privateKeyFile + " is empty");
    }
    String ca = caFile == null ? null : read(spec, caFile, "--ca-file");
    return Optional.of(new ApiConnection(url, publicKey, privateKey, ca));
  }

  /**
   * The {@code --project-id}, checked; empty when not given.
   *
   * @throws ParameterException when it is not a project id
   */
  public Optional<String> projectId(CommandSpec spec) {
    if (projectId != null && !projectId.matches("[0-9a-f]{24}")) {
      throw new ParameterException(spec.commandLine(),
          "--project-id: '" + projectId + "' is not a project id (24 lower-case hex digits, from the project's URL)");
    }
    return Optional.ofNullable(projectId);
  }

  private static String read(CommandSpec spec, Path file, String flag) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), flag + ": cannot read " + file);
    }
  }
}
