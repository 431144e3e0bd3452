package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl at its defaults (no --validate=false) against the sandbox's API: typos and wrong types are
 * refused as a real cluster refuses them, --validate=warn accepts with kubectl's warning, and edit and
 * explain work (both need the OpenAPI v3 documents).
 */
class KubectlAdmissionTest {

  @TempDir
  static Path dir;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(Kubectl.BINARY), "kubectl is not installed at " + Kubectl.BINARY);
    kubectl = new Kubectl(dir);
  }

  @AfterAll
  static void stop() {
    if (kubectl != null) {
      kubectl.close();
    }
  }

  private static String webhook(String name, String extraSpec, String extraWebhook) {
    return "apiVersion: integrations.mdbops.io/v1alpha1\nkind: ThirdPartyIntegration\n"
        + "metadata:\n  name: " + name + "\n"
        + "spec:\n  projectId: 5e2211c17a3e5a48f5497de3\n  type: WEBHOOK\n" + extraSpec
        + "  webhook:\n    urlSecretRef: {name: hook, key: url}\n" + extraWebhook;
  }

  private static String datadog(String name, String region) {
    return "apiVersion: integrations.mdbops.io/v1alpha1\nkind: ThirdPartyIntegration\n"
        + "metadata:\n  name: " + name + "\n"
        + "spec:\n  projectId: 5e2211c17a3e5a48f5497de3\n  type: DATADOG\n"
        + "  datadog:\n    apiKeySecretRef: {name: dd, key: apiKey}\n" + region;
  }

  @Test
  void theThreeTyposAreRefusedInTheRealServersWords() {
    Path typos = kubectl.file("typos.yaml", webhook("typos", "  deletionpolicy: Retain\n",
        "    signingSecretref: {name: hook, key: secret}\n"));
    Kubectl.Run refused = kubectl.run("apply", "-f", typos.toString()).failed();
    assertThat(refused.err().strip()).isEqualTo("Error from server (BadRequest): error when creating \""
        + typos + "\": ThirdPartyIntegration in version \"v1alpha1\" cannot be handled as a ThirdPartyIntegration:"
        + " strict decoding error: unknown field \"spec.deletionpolicy\", unknown field"
        + " \"spec.webhook.signingSecretref\"");

    Path regoin = kubectl.file("regoin.yaml", datadog("regoin", "    regoin: EU\n"));
    assertThat(kubectl.run("apply", "-f", regoin.toString()).failed().err())
        .contains("strict decoding error: unknown field \"spec.datadog.regoin\"");

    // the same typo in an update of an existing object: a real server calls the patch invalid
    Path fine = kubectl.file("fine.yaml", datadog("regoin", "    region: EU\n"));
    kubectl.run("apply", "-f", fine.toString()).succeeded();
    assertThat(kubectl.run("apply", "-f", regoin.toString()).failed().err())
        .startsWith("The request is invalid: patch: Invalid value: ")
        .contains("strict decoding error: unknown field \"spec.datadog.regoin\"");
    assertThat(kubectl.run("get", "tpi", "typos").failed().err()).contains("NotFound");
  }

  @Test
  void aNumberForAStringFieldIsRefusedWithTheFieldsErrors() {
    Path number = kubectl.file("number.yaml", datadog("number", "    region: 5\n"));
    String err = kubectl.run("apply", "-f", number.toString()).failed().err();
    assertThat(err).startsWith("The ThirdPartyIntegration \"number\" is invalid: \n")
        .contains("* spec.datadog.region: Invalid value: \"integer\": spec.datadog.region in body must be of type"
            + " string: \"integer\"")
        .contains("* spec.datadog.region: Unsupported value: 5: supported values: \"AP1\", \"EU\", \"US\", \"US1_FED\", \"US3\", \"US5\"");
  }

  @Test
  void validateWarnAcceptsPrintsKubectlsWarningAndDropsTheUnknownFields() {
    Path typos = kubectl.file("warn.yaml", webhook("warned", "  deletionpolicy: Retain\n", ""));
    Kubectl.Run accepted = kubectl.run("apply", "--validate=warn", "-f", typos.toString()).succeeded();
    assertThat(accepted.out()).contains("thirdpartyintegration.integrations.mdbops.io/warned created");
    assertThat(accepted.err()).contains("Warning: unknown field \"spec.deletionpolicy\"");
    String spec = kubectl.run("get", "tpi", "warned", "-o", "jsonpath={.spec}").succeeded().out();
    assertThat(spec).doesNotContain("deletionpolicy").contains("\"deletionPolicy\":\"Delete\"");
  }

  @Test
  void changingTheProjectOfAnExistingIntegrationIsRefusedByTheCrdsRule() {
    kubectl.run("apply", "-f", kubectl.file("moved.yaml", webhook("moved", "", "")).toString()).succeeded();
    Path moved = kubectl.file("moved2.yaml", webhook("moved", "", "").replace("5e2211c17a3e5a48f5497de3",
        "aaaaaaaaaaaaaaaaaaaaaaaa"));
    assertThat(kubectl.run("apply", "-f", moved.toString()).failed().err().strip())
        .isEqualTo("The ThirdPartyIntegration \"moved\" is invalid: spec.projectId: Invalid value: \"string\":"
            + " projectId is immutable; create a new resource instead");
  }

  @Test
  void editSavesAChangeWithoutFailingToDownloadOpenApi() {
    kubectl.run("apply", "-f", kubectl.file("edited.yaml", datadog("edited", "    region: EU\n")).toString())
        .succeeded();
    Path editor = kubectl.file("editor.sh", "#!/bin/sh\nsed -i 's/region: EU/region: US/' \"$1\"\n");
    assertThat(editor.toFile().setExecutable(true)).isTrue();
    Kubectl.Run edited = kubectl.run(Map.of("EDITOR", editor.toString(), "KUBE_EDITOR", editor.toString()),
        "edit", "tpi", "edited").succeeded();
    assertThat(edited.out()).contains("thirdpartyintegration.integrations.mdbops.io/edited edited");
    assertThat(kubectl.run("get", "tpi", "edited", "-o", "jsonpath={.spec.datadog.region}").out()).isEqualTo("US");
  }

  @Test
  void explainDescribesTheCustomResourceFromTheCrd() {
    String explained = kubectl.run("explain", "tpi.spec.datadog").succeeded().out();
    assertThat(explained).contains("KIND:       ThirdPartyIntegration")
        .contains("Datadog settings; required when type is DATADOG.")
        .containsPattern("apiKeySecretRef\\s+<Object> -required-")
        .contains("enum: AP1, EU, US, US1_FED, ....");
  }
}
