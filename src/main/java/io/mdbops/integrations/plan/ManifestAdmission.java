package io.mdbops.integrations.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.sandbox.admission.CrdSchemaAdmission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The API server's verdict on a ThirdPartyIntegration manifest, without a server: the sandbox's
 * admission (schema, defaults, CEL rules, strict unknown fields) run on the CRD this build generates.
 */
public final class ManifestAdmission implements Function<JsonNode, List<String>> {

  private final CrdSchemaAdmission admission;

  private ManifestAdmission(CrdSchemaAdmission admission) {
    this.admission = admission;
  }

  /** From the CRD packaged in the jar. */
  public static ManifestAdmission ofBuiltCrd() {
    try (InputStream in = ManifestAdmission.class.getResourceAsStream(EmbeddedKubernetes.CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the CRD " + EmbeddedKubernetes.CRD_RESOURCE + " is not in the jar");
      }
      return new ManifestAdmission(new CrdSchemaAdmission(Serialization.unmarshal(in, CustomResourceDefinition.class)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the server would refuse in a create of this document, one message each; empty when it would store it. */
  @Override
  public List<String> apply(JsonNode document) {
    return admission.reviewCreate(document);
  }
}
