package io.mdbops.integrations.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import io.mdbops.integrations.mapping.MaskRule;

/** The profile as JSON: written by {@code doctor --json}, read (and checked) by the operator. */
public final class ProfileJson {

  /** Why a text is not a usable profile; the message names the key, never quotes a value at length. */
  public static final class InvalidProfileException extends Exception {
    InvalidProfileException(String message) {
      super(message, null, false, false);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private ProfileJson() {}

  /** Two-space indented, one key a line, ending with a newline. */
  public static String write(ApiProfile profile) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(profile) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the profile", e);
    }
  }

  /** A short id of a profile's text: {@code sha256:} and the first 12 hex digits of its SHA-256. */
  public static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads and checks a profile. Keys it does not know are ignored (a later doctor may add some);
   * the ones the operator acts on must hold what doctor writes.
   */
  public static ApiProfile read(String text) throws InvalidProfileException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidProfileException("is not JSON" + (e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidProfileException("is not a JSON object: give it the output of doctor --json");
    }
    if (!root.path("profileVersion").isInt()) {
      throw new InvalidProfileException("has no profileVersion: give it the output of doctor --json");
    }
    if (root.path("profileVersion").asInt() != ApiProfile.VERSION) {
      throw new InvalidProfileException("has profileVersion " + root.path("profileVersion").asInt()
          + "; this operator reads version " + ApiProfile.VERSION);
    }
    ApiProfile profile;
    try {
      profile = JSON.treeToValue(root, ApiProfile.class);
    } catch (MismatchedInputException e) {
      String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      throw new InvalidProfileException("key " + path + " does not hold what doctor writes there");
    } catch (JsonProcessingException e) {
      throw new InvalidProfileException("does not hold what doctor writes");
    }
    List<String> problems = problems(profile);
    if (!problems.isEmpty()) {
      throw new InvalidProfileException(String.join("; ", problems));
    }
    return profile;
  }

  private static List<String> problems(ApiProfile p) {
    List<String> problems = new ArrayList<>();
    if (p.measuredAt() == null) {
      problems.add("has no measuredAt");
    } else {
      try {
        Instant.parse(p.measuredAt());
      } catch (DateTimeParseException e) {
        problems.add("measuredAt is not an ISO-8601 time");
      }
    }
    // doctor measures the public API v1.0 only: a profile of Atlas is not one it wrote
    if (p.product() != null
        && Product.ofKey(p.product()).filter(m -> m.generation() == ApiGeneration.PUBLIC_V1).isEmpty()) {
      problems.add("product must be " + Arrays.stream(Product.values())
          .filter(m -> m.generation() == ApiGeneration.PUBLIC_V1).map(Product::key).collect(Collectors.joining(" or ")));
    }
    if (p.putSemantics() != null && !p.putSemantics().equals(ApiProfile.REPLACE)
        && !p.putSemantics().equals(ApiProfile.MERGE)) {
      problems.add("putSemantics must be replace or merge (or null: not measured)");
    }
    p.masks().forEach((field, text) -> {
      if (!field.matches("[A-Z_]+\\.[A-Za-z]+")) {
        problems.add("masks key " + field + " is not TYPE.field");
      } else if (text == null || (ApiProfile.ruleOf(text).isEmpty() && !text.startsWith(ApiProfile.OTHER))) {
        problems.add("masks." + field + " must start with one of " + Arrays.stream(MaskRule.values())
            .map(MaskRule::key).collect(Collectors.joining(", ")) + " or other");
      }
    });
    return problems;
  }
}
