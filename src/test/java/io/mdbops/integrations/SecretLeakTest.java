package io.mdbops.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mdbops.integrations.testing.Fixtures;
import io.mdbops.integrations.testing.LeakScanner;
import io.mdbops.integrations.testing.LeakWitness;
import io.mdbops.integrations.testing.JvmLogAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last: every log line, Event, resource (status included), metrics scrape, ScrapeConfig, command
 * and doctor output the whole suite produced is scanned for every secret value any test used — Secret
 * values, private keys, service accounts' client secrets, every OAuth access token a simulator handed out,
 * doctor's made-up values — in clear, base64 or URL-encoded form.
 */
@Order(Integer.MAX_VALUE)
class SecretLeakTest {

  @Test
  void theScannerFindsASecretInEveryFormItLooksFor() {
    String secret = Fixtures.secretValue("canary-");
    List<String> texts = List.of("ok", "token=" + secret, "b64 " + Fixtures.base64(secret));
    assertThat(LeakScanner.scan(Set.of(secret), texts)).hasSize(2);
    assertThat(LeakScanner.scan(Set.of(secret), List.of("nothing here"))).isEmpty();
  }

  @Test
  void noSecretAppearsInAnyLogLineEventOrStatusOfTheSuite() {
    List<String> witnessed = LeakWitness.texts();
    assumeTrue(!witnessed.isEmpty(), "run with the whole suite: nothing was witnessed yet");
    List<String> logs = JvmLogAppender.lines();
    // not vacuous: the suite did produce Events, statuses and operator log lines
    assertThat(witnessed).anyMatch(t -> t.startsWith("event: Created"));
    assertThat(witnessed).anyMatch(t -> t.startsWith("resource: ") && t.contains("\"appliedSecrets\""));
    assertThat(logs).anyMatch(l -> l.contains("PUT SLACK in project"));
    // observed resources compared secrets through the mask and said which they could not compare
    assertThat(witnessed).anyMatch(t -> t.startsWith("event: OutOfSync"));
    assertThat(witnessed).anyMatch(t -> t.startsWith("resource: ") && t.contains("\"notCompared\""));
    // Prometheus discovery: status and the ScrapeConfig reference the password, never hold it
    assertThat(witnessed).anyMatch(t -> t.startsWith("resource: ") && t.contains("\"discoveryUrl\""));
    assertThat(witnessed).anyMatch(t -> t.startsWith("scrapeconfig: ") && t.contains("\"basicAuth\""));
    // doctor's report, progress and profile, whose made-up values are among the secrets scanned for
    assertThat(witnessed).anyMatch(t -> t.startsWith("doctor: ") && t.contains("Server profile of"));
    // deletions: through a kept connection, a deleted project, integrations left behind, release-finalizers
    assertThat(witnessed).anyMatch(t -> t.startsWith("event: Deleted") && t.contains("as the operator kept it"));
    assertThat(witnessed).anyMatch(t -> t.startsWith("event: Deleted") && t.contains("no longer exists"));
    assertThat(witnessed).anyMatch(t -> t.startsWith("event: LeftBehind"));
    assertThat(witnessed).anyMatch(t -> t.startsWith("command: released "));
    assertThat(logs).anyMatch(l -> l.contains("released the finalizer and left the"));
    assertThat(logs).anyMatch(l -> l.contains("as the operator kept it"));
    assertThat(Fixtures.SECRET_VALUES).hasSizeGreaterThan(50);
    // the OAuth side was exercised too: client secrets and the tokens issued for them are scanned
    assertThat(Fixtures.SECRET_VALUES).anyMatch(v -> v.startsWith("mdb_sa_sk_"));
    assertThat(Fixtures.SECRET_VALUES).anyMatch(v -> v.startsWith("eyJ"));
    assertThat(witnessed).anyMatch(t -> t.startsWith("metrics: ") && t.contains("endpoint=\"token\""));

    List<String> everything = new ArrayList<>(logs);
    everything.addAll(witnessed);
    // plan and export printed what they compared and exported (see cli/CommandRun), never a secret
    assertThat(witnessed).anyMatch(t -> t.startsWith("plan-output: ") && t.contains("in sync"));
    assertThat(witnessed).anyMatch(t -> t.startsWith("export-output: ") && t.contains("kind: ThirdPartyIntegration"));
    assertThat(LeakScanner.scan(Set.copyOf(Fixtures.SECRET_VALUES), everything)).isEmpty();
  }
}
