package io.mdbops.integrations.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;

/**
 * Writes exported integrations as YAML a person reads and fills in: a comment saying where it came
 * from and how to take it over, the Secret skeleton with one commented key per secret field, and the
 * resource. Secret values are never written: every key is empty.
 */
public final class ExportWriter {

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // "123" stays a string, not a number the schema refuses
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private final String baseUrl;
  private final String connectionSecret;

  public ExportWriter(String baseUrl, String connectionSecret) {
    this.baseUrl = baseUrl;
    this.connectionSecret = connectionSecret;
  }

  /** How to use what follows: at the top of the stream, or of each file. */
  public String header(List<String> projects) {
    return "# ThirdPartyIntegration manifests exported by `integrations-operator export` from " + baseUrl + ",\n"
        + "# project" + (projects.size() == 1 ? " " : "s ") + String.join(", ", projects) + ".\n"
        + "# Every resource is observe-only (spec.managementPolicy: Observe): applied as it is, the operator\n"
        + "# compares it with the project and never writes. To take an integration over:\n"
        + "#   1. fill in its Secret below (the API never shows secret values, so they are left empty);\n"
        + "#   2. have the connection Secret \"" + connectionSecret + "\" in the same namespace (publicKey,"
        + " privateKey, baseUrl);\n"
        + "#   3. run `integrations-operator plan -f <these files>` and check it says in sync;\n"
        + "#   4. set spec.managementPolicy: Manage and apply.\n";
  }

  /** The Secret skeleton (if the type has secret fields) and the resource, as YAML documents. */
  public String documents(ExportedIntegration exported) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(exported.type()).append(" of project ").append(exported.projectId()).append('\n');
    if (!exported.leftOut().isEmpty()) {
      out.append("# Not exported (the resource has no such field): ").append(String.join(", ", exported.leftOut()))
          .append('\n');
    }
    exported.problems().forEach(p -> out.append("# WARNING: ").append(p).append('\n'));
    if (exported.secretName() != null) {
      out.append(secret(exported)).append("---\n");
    }
    out.append(yaml(exported));
    return out.toString();
  }

  private static String secret(ExportedIntegration exported) {
    StringBuilder s = new StringBuilder();
    s.append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").append(exported.secretName()).append('\n');
    if (exported.namespace() != null) {
      s.append("  namespace: ").append(exported.namespace()).append('\n');
    }
    s.append("type: Opaque\nstringData:\n");
    for (ExportedIntegration.SecretKey key : exported.secretKeys()) {
      s.append("  # fill in: ").append(key.description().isEmpty() ? key.key() : key.description()).append('\n');
      s.append("  ").append(key.key()).append(": \"\"\n");
    }
    return s.toString();
  }

  private static String yaml(ExportedIntegration exported) {
    try {
      return YAML.writeValueAsString(exported.resource());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values cannot fail to serialise", e);
    }
  }
}
