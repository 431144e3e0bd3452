package io.mdbops.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What kubectl gets from the embedded API beyond CRUD, without kubectl. */
class KubectlSupportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KubectlSupport support = new KubectlSupport(crd());
  private final List<RecordedRequest> passedOn = new ArrayList<>();

  KubectlSupportTest() {
    support.serveDiscovery(6443);
  }

  @Test
  void discoveryIsServedWhateverTimeoutKubectlAppends() throws Exception {
    for (String path : List.of("/apis/integrations.mdbops.io/v1alpha1", "/apis/integrations.mdbops.io/v1alpha1?timeout=32s",
        "/apis/integrations.mdbops.io/v1alpha1?timeout=7s")) {
      JsonNode list = JSON.readTree(dispatch("GET", path, null, null, "{}").getBody().getBytes());
      JsonNode tpi = list.at("/resources/0");
      assertThat(tpi.get("name").asText()).isEqualTo("thirdpartyintegrations");
      assertThat(tpi.get("kind").asText()).isEqualTo("ThirdPartyIntegration");
      assertThat(tpi.get("namespaced").asBoolean()).isTrue();
      assertThat(tpi.get("shortNames").toString()).isEqualTo("[\"tpi\"]");
      assertThat(tpi.get("categories").toString()).isEqualTo("[\"mdbops\"]");
      assertThat(tpi.get("verbs").toString()).contains("\"get\"", "\"list\"", "\"patch\"", "\"delete\"");
    }
    assertThat(JSON.readTree(dispatch("GET", "/apis", null, null, "{}").getBody().getBytes())
        .at("/groups/0/preferredVersion/groupVersion").asText()).isEqualTo("integrations.mdbops.io/v1alpha1");
    assertThat(JSON.readTree(dispatch("GET", "/version?timeout=5s", null, null, "{}").getBody().getBytes())
        .get("gitVersion").asText()).startsWith("v1.");
    assertThat(passedOn).isEmpty();
  }

  @Test
  void aTableRequestGetsThePrinterColumnsSortedByName() throws Exception {
    String created = Instant.now().minusSeconds(200).toString();
    String list = "{\"kind\":\"ThirdPartyIntegrationList\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":["
        + item("slack", "SLACK", created, "True", "Synced") + "," + item("datadog", "DATADOG", created, "False",
            "ApiRejected") + "]}";
    MockResponse response = dispatch("GET", "/apis/integrations.mdbops.io/v1alpha1/namespaces/demo/thirdpartyintegrations?limit=500",
        null, "application/json;as=Table;v=v1;g=meta.k8s.io,application/json", list);

    JsonNode table = JSON.readTree(response.getBody().getBytes());
    assertThat(table.get("kind").asText()).isEqualTo("Table");
    assertThat(table.get("columnDefinitions").findValuesAsText("name"))
        .containsExactly("Name", "Type", "Project", "Ready", "Reason", "Age");
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo("[\"datadog\",\"DATADOG\",\"5e2211c17a3e5a48f5497de3\",\"False\",\"ApiRejected\",\"3m20s\"]");
    assertThat(table.at("/rows/1/object/metadata/name").asText()).isEqualTo("slack");
    // plain requests are left alone
    assertThat(dispatch("GET", "/apis/integrations.mdbops.io/v1alpha1/namespaces/demo/thirdpartyintegrations",
        null, "application/json", list).getBody().readUtf8()).isEqualTo(list);
  }

  @Test
  void aStrategicMergePatchIsPassedOnAsAMergePatch() {
    dispatch("PATCH", "/api/v1/namespaces/demo/secrets/s?fieldManager=kubectl-client-side-apply",
        "application/strategic-merge-patch+json", null, "{}");
    assertThat(passedOn).singleElement().satisfies(r -> {
      assertThat(r.getHeader("Content-Type")).isEqualTo("application/merge-patch+json");
      assertThat(r.getPath()).endsWith("?fieldManager=kubectl-client-side-apply");
    });
  }

  @Test
  void agesLookLikeKubectls() {
    Instant now = Instant.now();
    assertThat(ServerTables.age(now.minusSeconds(45).toString())).isEqualTo("45s");
    assertThat(ServerTables.age(now.minusSeconds(600).toString())).isEqualTo("10m");
    assertThat(ServerTables.age(now.minusSeconds(5 * 3600 + 120).toString())).isEqualTo("5h2m");
    assertThat(ServerTables.age(now.minusSeconds(3 * 86400).toString())).isEqualTo("3d");
    assertThat(ServerTables.age("")).isEqualTo("<unknown>");
  }

  private MockResponse dispatch(String method, String path, String contentType, String accept, String body) {
    Headers.Builder headers = Headers.builder();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    if (accept != null) {
      headers.add("Accept", accept);
    }
    RecordedRequest request = new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), path, headers.build(),
        new Buffer());
    Dispatcher next = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        passedOn.add(r);
        return new MockResponse().setResponseCode(200).setBody(body);
      }
    };
    return support.dispatch(request, next);
  }

  private static String item(String name, String type, String created, String ready, String reason) {
    return "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"demo\",\"creationTimestamp\":\"" + created
        + "\"},\"spec\":{\"type\":\"" + type + "\",\"projectId\":\"5e2211c17a3e5a48f5497de3\"},"
        + "\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + ready + "\",\"reason\":\"" + reason
        + "\"}]}}";
  }

  private static CustomResourceDefinition crd() {
    try (InputStream in = KubectlSupportTest.class.getResourceAsStream(EmbeddedKubernetes.CRD_RESOURCE)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
