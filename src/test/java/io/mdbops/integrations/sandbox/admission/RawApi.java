package io.mdbops.integrations.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Plain HTTP against the embedded API, to see status codes, Status bodies and Warning headers as kubectl does. */
final class RawApi {

  static final String TPIS = "/apis/integrations.mdbops.io/v1alpha1/namespaces/demo/thirdpartyintegrations";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: status code, JSON body, Warning headers. */
  record Answer(int code, JsonNode body, List<String> warnings) {

    /** The causes' "field: message" lines, as kubectl prints them. */
    List<String> causes() {
      return body.at("/details/causes").findValues("field").isEmpty() ? List.of()
          : java.util.stream.StreamSupport.stream(body.at("/details/causes").spliterator(), false)
              .map(c -> c.get("field").asText() + ": " + c.get("message").asText()).toList();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  RawApi(String base) {
    this.base = base;
  }

  Answer post(String query, JsonNode object) {
    return send("POST", TPIS + query, "application/json", object.toString());
  }

  Answer mergePatch(String name, String query, String patch) {
    return send("PATCH", TPIS + "/" + name + query, "application/merge-patch+json", patch);
  }

  Answer get(String name) {
    return send("GET", TPIS + "/" + name, null, null);
  }

  Answer delete(String name) {
    return send("DELETE", TPIS + "/" + name, null, null);
  }

  Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()),
          r.headers().allValues("Warning"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
