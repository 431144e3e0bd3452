package io.mdbops.integrations.plan;

import static io.mdbops.integrations.plan.PlanFixtures.CREDS;
import static io.mdbops.integrations.plan.PlanFixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.AppliedSecret;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.MaskedSecret;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationStatus;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.sync.LiveComparison;
import io.mdbops.integrations.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Field by field, as the operator compares: plain values old → new, secrets through the mask, never a value. */
class IntegrationDiffTest {

  final String project = Fixtures.projectId();
  final Map<String, String> slackValues = Fixtures.credentials(IntegrationType.SLACK);
  final ThirdPartyIntegrationSpec slack = PlanFixtures.spec(IntegrationType.SLACK, project);
  static final LiveComparison.Applied NOTHING_APPLIED = LiveComparison.Applied.of(null);

  @Test
  void theSameIntegrationIsInSyncAndAnotherChannelIsAPlainChangeFromOldToNew() {
    IntegrationView live = PlanFixtures.live(slack, slackValues);
    SecretKnowledge known = knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, slackValues, null)), null);
    assertThat(compare(slack, Optional.of(live), known).changes()).isEmpty();

    slack.getSlack().setChannelName("#elsewhere");
    IntegrationDiff.Result diff = compare(slack, Optional.of(live), known);
    assertThat(diff.changes()).containsExactly(PlanEntry.Change.plain("channelName", "#alerts", "#elsewhere"));
    assertThat(diff.notCompared()).isEmpty();

    slack.getSlack().setChannelName(null);
    assertThat(compare(slack, Optional.of(live), known).changes())
        .containsExactly(PlanEntry.Change.plain("channelName", "#alerts", null));
  }

  @Test
  void aMaskedSecretIsComparedThroughTheMaskOrTheMaskTheOperatorRecorded() {
    IntegrationView live = PlanFixtures.live(slack, slackValues);
    Map<String, String> other = Map.of("apiToken", Fixtures.secretValue("xoxb-"));
    SecretKnowledge rotated = knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, other, null)), null);
    IntegrationDiff.Result diff = compare(slack, Optional.of(live), rotated);
    assertThat(diff.changes()).singleElement().satisfies(c -> {
      assertThat(c.field()).isEqualTo("apiToken");
      assertThat(c.secret()).isTrue();
      assertThat(c.from()).isNull();
      assertThat(c.to()).isNull();
    });

    // a server that masks its own way: the mask the operator saw after its write of the same key counts
    Map<String, Object> fields = new LinkedHashMap<>(live.fields());
    fields.put("apiToken", "******" + other.get("apiToken").substring(other.get("apiToken").length() - 4));
    ThirdPartyIntegrationStatus status = new ThirdPartyIntegrationStatus();
    status.setMaskedSecrets(List.of(new MaskedSecret("apiToken", new SecretKeySelector(CREDS, "apiToken"),
        (String) fields.get("apiToken"))));
    assertThat(IntegrationDiff.compare(slack, NS, Optional.of(new IntegrationView("SLACK", fields)), rotated,
        LiveComparison.Applied.of(status)).changes()).isEmpty();
  }

  @Test
  void aSecretPlanCannotReadIsNotComparedAndSaysWhy() {
    IntegrationView live = PlanFixtures.live(slack, slackValues);
    IntegrationDiff.Result noSecret = compare(slack, Optional.of(live), knowing(PlanFixtures.manifests(), null));
    assertThat(noSecret.changes()).isEmpty();
    assertThat(noSecret.secretProblems()).isEmpty();
    assertThat(noSecret.notCompared()).singleElement().satisfies(n -> {
      assertThat(n.field()).isEqualTo("apiToken");
      assertThat(n.reason()).contains("Secret demo/creds is not in the manifests").contains("--kubeconfig");
    });

    SecretKnowledge empty = knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, Map.of("apiToken", ""), null)), null);
    IntegrationDiff.Result skeleton = compare(slack, Optional.of(live), empty);
    assertThat(skeleton.secretProblems()).containsExactly(
        "Secret demo/creds (from the manifests) has an empty value at key apiToken: fill it in");

    PlanFixtures.Cluster cluster = new PlanFixtures.Cluster();
    assertThat(compare(slack, Optional.of(live), knowing(PlanFixtures.manifests(), cluster)).secretProblems())
        .containsExactly("Secret demo/creds is neither in the manifests nor in the cluster");
    cluster.forbidden = true;
    IntegrationDiff.Result forbidden = compare(slack, Optional.of(live), knowing(PlanFixtures.manifests(), cluster));
    assertThat(forbidden.secretProblems()).isEmpty();
    assertThat(forbidden.notCompared()).singleElement()
        .satisfies(n -> assertThat(n.reason()).contains("could not be read from the cluster (forbidden)"));
  }

  @Test
  void aPasswordTheApiNeverShowsIsComparedByTheSecretVersionTheOperatorLastWrote() {
    ThirdPartyIntegrationSpec prometheus = PlanFixtures.spec(IntegrationType.PROMETHEUS, project);
    Map<String, String> values = Fixtures.credentials(IntegrationType.PROMETHEUS);
    IntegrationView live = PlanFixtures.live(prometheus, values);
    PlanFixtures.Cluster cluster = new PlanFixtures.Cluster().with(PlanFixtures.secret(CREDS, values, "41"));
    SecretKnowledge fromCluster = knowing(PlanFixtures.manifests(), cluster);

    IntegrationDiff.Result unknown = compare(prometheus, Optional.of(live), fromCluster);
    assertThat(unknown.changes()).isEmpty();
    assertThat(unknown.notCompared()).singleElement().satisfies(n -> assertThat(n.reason())
        .startsWith("the API never returns it").contains("needs --kubeconfig and the resource in the cluster"));

    ThirdPartyIntegrationStatus status = new ThirdPartyIntegrationStatus();
    status.setAppliedSecrets(List.of(new AppliedSecret(CREDS, "41")));
    LiveComparison.Applied applied = LiveComparison.Applied.of(status);
    IntegrationDiff.Result same = IntegrationDiff.compare(prometheus, NS, Optional.of(live), fromCluster, applied);
    assertThat(same.changes()).isEmpty();
    assertThat(same.notCompared()).isEmpty();

    status.setAppliedSecrets(List.of(new AppliedSecret(CREDS, "40")));
    assertThat(IntegrationDiff.compare(prometheus, NS, Optional.of(live), fromCluster, LiveComparison.Applied.of(status))
        .changes()).extracting(PlanEntry.Change::reason)
        .containsExactly("Secret creds changed since the operator last wrote it");

    Map<String, String> newPassword = Map.of("password", Fixtures.secretValue("pw"));
    SecretKnowledge replacing = knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, newPassword, null)), cluster);
    assertThat(IntegrationDiff.compare(prometheus, NS, Optional.of(live), replacing, applied).changes())
        .extracting(PlanEntry.Change::reason)
        .containsExactly("Secret creds in the manifests differs from the cluster's: applying it makes the operator"
            + " send it again");
  }

  @Test
  void aCreateListsWhatTheSpecSetsAndAnOptionalSecretSetOnlyInTheProjectWouldBeCleared() {
    SecretKnowledge known = knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, slackValues, null)), null);
    assertThat(compare(slack, Optional.empty(), known).changes()).containsExactly(
        PlanEntry.Change.secret("apiToken", "set from Secret creds, key apiToken"),
        PlanEntry.Change.plain("teamName", null, "Payments"),
        PlanEntry.Change.plain("channelName", null, "#alerts"));

    ThirdPartyIntegrationSpec webhook = PlanFixtures.spec(IntegrationType.WEBHOOK, project);
    Map<String, String> values = Fixtures.credentials(IntegrationType.WEBHOOK);
    IntegrationView live = PlanFixtures.live(webhook, values);
    webhook.getWebhook().setSigningSecretRef(null);
    IntegrationDiff.Result diff = compare(webhook, Optional.of(live),
        knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, values, null)), null));
    assertThat(diff.changes()).containsExactly(
        PlanEntry.Change.secret("secret", "set in the project but not in the spec: it would be cleared"));
  }

  @Test
  void anAbsentRegionIsTheDefaultTheApiAssumes() {
    ThirdPartyIntegrationSpec opsGenie = PlanFixtures.spec(IntegrationType.OPS_GENIE, project);
    opsGenie.getOpsGenie().setRegion(null);
    Map<String, String> values = Fixtures.credentials(IntegrationType.OPS_GENIE);
    Map<String, Object> fields = new LinkedHashMap<>(PlanFixtures.live(opsGenie, values).fields());
    fields.remove("region");
    SecretKnowledge known = knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, values, null)), null);
    assertThat(compare(opsGenie, Optional.of(new IntegrationView("OPS_GENIE", fields)), known).changes()).isEmpty();
  }

  @Test
  void anObservedSecretIsReadWhateverTheServersMaskRuleAManagedOneOnlyThroughTheDocumentedOne() {
    String token = slackValues.get("apiToken");
    Map<String, Object> fields = new LinkedHashMap<>(PlanFixtures.live(slack, slackValues).fields());
    fields.put("apiToken", "******" + token.substring(token.length() - 4));
    IntegrationView ownMask = new IntegrationView("SLACK", fields);
    SecretKnowledge known = knowing(PlanFixtures.manifests(PlanFixtures.secret(CREDS, slackValues, null)), null);

    // the operator would write a managed one once, to learn the server's mask
    assertThat(compare(slack, Optional.of(ownMask), known).changes()).extracting(PlanEntry.Change::field)
        .containsExactly("apiToken");
    slack.setManagementPolicy(io.mdbops.integrations.api.v1alpha1.ManagementPolicy.Observe);
    assertThat(compare(slack, Optional.of(ownMask), known).changes()).isEmpty();

    fields.put("apiToken", "******zzzz");
    assertThat(compare(slack, Optional.of(new IntegrationView("SLACK", fields)), known).changes())
        .extracting(PlanEntry.Change::field).containsExactly("apiToken");
    fields.put("apiToken", "**********");
    IntegrationDiff.Result hidden = compare(slack, Optional.of(new IntegrationView("SLACK", fields)), known);
    assertThat(hidden.changes()).isEmpty();
    assertThat(hidden.notCompared()).containsExactly(
        new PlanEntry.NotCompared("apiToken", "the API shows it fully masked"));
  }

  private static IntegrationDiff.Result compare(ThirdPartyIntegrationSpec spec, Optional<IntegrationView> live,
      SecretKnowledge secrets) {
    return IntegrationDiff.compare(spec, NS, live, secrets, NOTHING_APPLIED);
  }

  private static SecretKnowledge knowing(Manifests manifests, ClusterSource cluster) {
    return new SecretKnowledge(new PlanSecrets(manifests, cluster));
  }
}
