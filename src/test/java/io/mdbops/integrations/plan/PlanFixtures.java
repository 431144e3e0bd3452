package io.mdbops.integrations.plan;

import io.fabric8.kubernetes.api.model.Secret;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.mapping.DesiredIntegration;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.MaskPrediction;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.testing.Fixtures;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Specs, Secrets, live views and a cluster in memory, for the plan package's fast tests. */
final class PlanFixtures {

  static final String NS = "demo";
  static final String CREDS = "creds";

  private PlanFixtures() {}

  static ThirdPartyIntegrationSpec spec(IntegrationType type, String project) {
    return SampleIntegrations.spec(type, project, "api", CREDS);
  }

  /** The project's integration as the API shows it after a write of {@code spec} with these values. */
  static IntegrationView live(ThirdPartyIntegrationSpec spec, Map<String, String> values) {
    DesiredIntegration desired = DesiredIntegrations.build(spec,
        SecretValues.of(spec, ref -> values.get(ref.getKey()), name -> "1"));
    Map<String, Object> shown = new LinkedHashMap<>();
    desired.payload().fields().forEach((field, value) -> {
      if (!desired.payload().secretFields().contains(field)) {
        shown.put(field, value);
      } else if (desired.secretForms().get(field) != io.mdbops.integrations.mapping.SecretForm.WRITE_ONLY) {
        String masked = MaskPrediction.mask(desired.secretForms().get(field), (String) value);
        shown.put(field, masked == null ? "******" : masked);
      }
    });
    return new IntegrationView(spec.getType().name(), shown);
  }

  static Secret secret(String name, Map<String, String> values, String resourceVersion) {
    Secret secret = Fixtures.secret(NS, name, values);
    secret.getMetadata().setResourceVersion(resourceVersion);
    return secret;
  }

  static Manifests manifests(Secret... secrets) {
    return new Manifests(List.of(),
        java.util.Arrays.stream(secrets).map(s -> new Manifests.SecretDocument("test.yaml", s)).toList(),
        List.of(), List.of());
  }

  /** A cluster holding these Secrets and statuses. */
  static final class Cluster implements ClusterSource {
    final Map<String, Secret> secrets = new HashMap<>();
    final Map<String, ThirdPartyIntegrationStatus> statuses = new HashMap<>();
    boolean forbidden;

    Cluster with(Secret secret) {
      secrets.put(secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName(), secret);
      return this;
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) throws ReadFailure {
      if (forbidden) {
        throw new ReadFailure("Secret " + namespace + "/" + name + " could not be read from the cluster (forbidden)");
      }
      return Optional.ofNullable(secrets.get(namespace + "/" + name));
    }

    @Override
    public Optional<ThirdPartyIntegrationStatus> status(String namespace, String name) {
      return Optional.ofNullable(statuses.get(namespace + "/" + name));
    }
  }
}
