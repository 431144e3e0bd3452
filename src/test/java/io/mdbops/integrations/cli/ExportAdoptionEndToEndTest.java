package io.mdbops.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.mapping.DesiredIntegrations;
import io.mdbops.integrations.mapping.SecretValues;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.OkHttpIntegrationsApiFactory;
import io.mdbops.integrations.simulator.JournalEntry;
import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.OperatorHarness;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adoption path with the real commands and the real operator: {@code export} of a project holding
 * an integration of every type, applied unchanged, gives resources that are all InSync with no write
 * to the API; filling one Secret and switching that resource to Manage writes exactly that integration.
 */
class ExportAdoptionEndToEndTest {

  static final List<IntegrationType> TYPES = Arrays.stream(IntegrationType.values())
      .filter(t -> t != IntegrationType.NEW_RELIC).toList();
  static OperatorHarness h;
  static Path keyFile;

  @BeforeAll
  static void start() throws Exception {
    h = OperatorHarness.start();
    keyFile = Files.createTempFile("adopt-key", ".txt");
    Files.writeString(keyFile, h.privateKey);
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
    Files.deleteIfExists(keyFile);
  }

  @Test
  void anAppliedExportIsInSyncWithNoWriteAndManagingOneFilledInResourceWritesOnlyIt() throws Exception {
    String ns = h.namespace("adopt");
    String project = h.project();
    Map<IntegrationType, Map<String, String>> live = seed(project);
    h.sim.journal().clear();

    CommandRun export = CommandRun.of("export", "--project", project, "-n", ns,
        "--connection-secret", OperatorHarness.CONNECTION, "--api-url", h.sim.baseUrl(),
        "--public-key", OperatorHarness.PUBLIC_KEY, "--private-key-file", keyFile.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    List<ThirdPartyIntegration> resources = apply(export.out());
    assertThat(resources).hasSize(TYPES.size());

    for (ThirdPartyIntegration r : resources) {
      h.awaitReason(ns, r.getMetadata().getName(), ConditionReason.InSync);
    }
    h.awaitQuiet();
    assertThat(h.calls(project)).extracting(JournalEntry::method).containsOnly("GET");

    // fill in the Slack Secret with the token the project holds, and let the operator manage it
    Secret slackSecret = h.client.secrets().inNamespace(ns).withName("slack-credentials").get();
    slackSecret.setStringData(null);
    slackSecret.setData(Map.of("apiToken", Fixtures.base64(live.get(IntegrationType.SLACK).get("apiToken"))));
    h.update(slackSecret);
    h.awaitResource(ns, "slack", r -> r.getStatus().getNotCompared() == null
        || r.getStatus().getNotCompared().isEmpty()); // still observed, now compared through the mask
    h.awaitQuiet();
    assertThat(h.calls(project)).extracting(JournalEntry::method).containsOnly("GET");
    h.edit(ns, "slack", r -> {
      r.getSpec().setManagementPolicy(ManagementPolicy.Manage);
      return r;
    });
    h.awaitReason(ns, "slack", ConditionReason.Synced);
    h.awaitQuiet();
    assertThat(h.calls(project)).filteredOn(e -> !e.method().equals("GET"))
        .extracting(JournalEntry::method, JournalEntry::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", "SLACK"));
    for (ThirdPartyIntegration r : resources) {
      if (!r.getMetadata().getName().equals("slack")) {
        assertThat(OperatorHarness.ready(h.get(ns, r.getMetadata().getName())).getReason())
            .isEqualTo(ConditionReason.InSync);
      }
    }
  }

  /** Every document of the export, created as kubectl apply would create it. */
  private static List<ThirdPartyIntegration> apply(String stream) {
    List<ThirdPartyIntegration> resources = new ArrayList<>();
    for (String document : stream.split("(?m)^---$")) {
      if (document.contains("\nkind: Secret\n")) {
        h.create(Serialization.unmarshal(document, Secret.class));
      } else if (document.contains("\nkind: ThirdPartyIntegration\n")) {
        resources.add(h.create(Serialization.unmarshal(document, ThirdPartyIntegration.class)));
      }
    }
    return resources;
  }

  /** The project holds an integration of every type, written through the API. */
  private static Map<IntegrationType, Map<String, String>> seed(String project) throws Exception {
    Map<IntegrationType, Map<String, String>> values = new EnumMap<>(IntegrationType.class);
    try (OkHttpIntegrationsApiFactory factory = new OkHttpIntegrationsApiFactory()) {
      IntegrationsApi api = factory.create(new ApiConnection(URI.create(h.sim.baseUrl()), OperatorHarness.PUBLIC_KEY,
          h.privateKey, null));
      for (IntegrationType type : TYPES) {
        Map<String, String> v = Fixtures.credentials(type);
        values.put(type, v);
        ThirdPartyIntegrationSpec spec = SampleIntegrations.spec(type, project, null, "creds");
        api.put(project, DesiredIntegrations.build(spec, SecretValues.of(spec, ref -> v.get(ref.getKey()), n -> "1"))
            .payload());
      }
    }
    return values;
  }
}
