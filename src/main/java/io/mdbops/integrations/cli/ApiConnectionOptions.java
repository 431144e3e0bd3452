package io.mdbops.integrations.cli;

import io.mdbops.integrations.connection.ConnectionUnavailableException;
import io.mdbops.integrations.connection.EndpointPolicy;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The connection flags every command that talks to a real server shares, so that {@code sandbox} and
 * the commands that read or probe a project spell and check them the same way. Credentials are an
 * API key pair (Digest) or a service account (OAuth 2); their secret half is read from a file, never
 * from the command line, where it would land in shell history and process lists.
 */
public final class ApiConnectionOptions {

  @Option(names = "--api-url", paramLabel = "URL",
      description = "Base URL of Cloud Manager / Ops Manager / Atlas, e.g. https://cloud.mongodb.com."
          + " Needs --public-key and --private-key-file, or --client-id and --client-secret-file.")
  String apiUrl;

  @Option(names = "--api", paramLabel = "public-v1|atlas-v2", converter = ApiValue.class,
      description = "The API generation: public-v1, the Cloud/Ops Manager public API v1.0 (default), or atlas-v2,"
          + " the Atlas Administration API v2.")
  ApiGeneration api;

  @Option(names = "--client-id", paramLabel = "ID",
      description = "Client id of a service account (OAuth 2), instead of an API key (with --api-url).")
  String clientId;

  @Option(names = "--client-secret-file", paramLabel = "FILE",
      description = "File holding the client secret of the service account (with --api-url).")
  Path clientSecretFile;

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

  /** The {@code --api} given, if any (it may go without {@code --api-url}, e.g. to pick a simulator's flavour). */
  public Optional<ApiGeneration> api() {
    return Optional.ofNullable(api);
  }

  /**
   * The connection the flags describe, checked; empty without {@code --api-url} (when no other
   * connection flag may be given either).
   *
   * @throws ParameterException naming the flag that is missing or wrong
   */
  public Optional<ApiConnection> connection(CommandSpec spec) {
    boolean apiKey = publicKey != null || privateKeyFile != null;
    boolean serviceAccount = clientId != null || clientSecretFile != null;
    if (apiUrl == null) {
      if (apiKey || serviceAccount || projectId != null || caFile != null) {
        throw new ParameterException(spec.commandLine(), "--public-key, --private-key-file, --client-id,"
            + " --client-secret-file, --project-id and --ca-file go with --api-url");
      }
      return Optional.empty();
    }
    if (apiKey && serviceAccount) {
      throw new ParameterException(spec.commandLine(), "give an API key (--public-key, --private-key-file) or a"
          + " service account (--client-id, --client-secret-file), not both");
    }
    if (serviceAccount ? clientId == null || clientSecretFile == null : publicKey == null || privateKeyFile == null) {
      throw new ParameterException(spec.commandLine(), serviceAccount
          ? "--client-id needs --client-secret-file, and the other way round"
          : "--api-url needs --public-key and --private-key-file (an API key) or --client-id and"
              + " --client-secret-file (a service account)");
    }
    URI url;
    try {
      url = EndpointPolicy.parse(apiUrl);
    } catch (ConnectionUnavailableException e) {
      throw new ParameterException(spec.commandLine(), "--api-url: " + e.getMessage());
    }
    String flag = serviceAccount ? "--client-secret-file" : "--private-key-file";
    Path file = serviceAccount ? clientSecretFile : privateKeyFile;
    String secret = read(spec, file, flag).strip();
    if (secret.isEmpty()) {
      throw new ParameterException(spec.commandLine(), flag + ": " + file + " is empty");
    }
    String ca = caFile == null ? null : read(spec, caFile, "--ca-file");
    ApiGeneration generation = api == null ? ApiGeneration.PUBLIC_V1 : api;
    return Optional.of(serviceAccount
        ? ApiConnection.serviceAccount(url, clientId, secret, ca, generation)
        : ApiConnection.apiKey(url, publicKey, secret, ca, generation));
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

  /** {@code public-v1} or {@code atlas-v2}, in any case. */
  static final class ApiValue implements ITypeConverter<ApiGeneration> {
    @Override
    public ApiGeneration convert(String value) {
      return ApiGeneration.ofKey(value).orElseThrow(() -> new TypeConversionException(
          "'" + value + "' is not one of public-v1, atlas-v2"));
    }
  }

  private static String read(CommandSpec spec, Path file, String flag) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), flag + ": cannot read " + file);
    }
  }
}
