package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;

/**
 * The sandbox's one user may do everything, so {@code kubectl auth can-i ...} answers yes,
 * {@code kubectl auth can-i --list} lists one rule for all and {@code kubectl auth whoami} names it. The mock server stores reviews instead of
 * answering them; kubectl sends them as protobuf, which it cannot even read.
 */
final class AccessReviews {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "/apis/authorization.k8s.io/v1/";
  private static final String WHO_AM_I = "/apis/authentication.k8s.io/v1/selfsubjectreviews";

  private AccessReviews() {
  }

  /** The answer to a review, or null for any other request. */
  static MockResponse answer(RecordedRequest request) {
    String path = request.getPath();
    if (!"POST".equals(request.getMethod())) {
      return null;
    }
    if (path.startsWith(WHO_AM_I)) {
      ObjectNode review = JSON.createObjectNode().put("apiVersion", "authentication.k8s.io/v1")
          .put("kind", "SelfSubjectReview");
      review.putObject("metadata");
      review.putObject("status").putObject("userInfo").put("username", "sandbox")
          .putArray("groups").add("system:masters").add("system:authenticated");
      return created(review);
    }
    if (!path.startsWith(PREFIX)) {
      return null;
    }
    String resource = path.substring(PREFIX.length()).split("\\?", 2)[0];
    ObjectNode review = JSON.createObjectNode().put("apiVersion", "authorization.k8s.io/v1");
    review.putObject("metadata");
    review.putObject("spec");
    if ("selfsubjectaccessreviews".equals(resource)) {
      review.put("kind", "SelfSubjectAccessReview").putObject("status").put("allowed", true)
          .put("reason", "the sandbox allows everything");
    } else if ("selfsubjectrulesreviews".equals(resource)) {
      ObjectNode status = review.put("kind", "SelfSubjectRulesReview").putObject("status").put("incomplete", false);
      ObjectNode rule = status.putArray("resourceRules").addObject();
      List.of("verbs", "apiGroups", "resources").forEach(f -> rule.putArray(f).add("*"));
      status.putArray("nonResourceRules").addObject().<ObjectNode>set("verbs", JSON.createArrayNode().add("*"))
          .putArray("nonResourceURLs").add("*");
    } else {
      return null;
    }
    return created(review);
  }

  private static MockResponse created(ObjectNode review) {
    return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
        .setBody(review.toString());
  }
}
