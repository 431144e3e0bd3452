package io.mdbops.integrations.doctor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mdbops.integrations.mapping.MaskRule;
import io.mdbops.integrations.mapping.MeasuredBehaviour;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code doctor} measured about one server: the {@code --json} output, and what a connection
 * Secret's {@code profile} key gives the operator. A null means "not measured".
 *
 * @param profileVersion the format's version (1)
 * @param measuredAt when it was measured (ISO-8601)
 * @param tool the doctor that measured it
 * @param product {@code cloud-manager} or {@code ops-manager}, as doctor understood the server
 * @param api the API path it spoke, e.g. {@code api/public/v1.0}
 * @param putSemantics {@code replace} or {@code merge}
 * @param types each type probed: {@code accepted}, or {@code refused: <HTTP status> <errorCode>}
 * @param masks {@code TYPE.field} → {@code <rule>: <description>}, or {@code other: <shape>}
 * @param fields each type's fields as tried: {@code accepted}, {@code refused: …}, {@code not shown}, {@code changed}
 * @param writes what PUT, POST and DELETE answered (statuses, and the shape of a write's answer)
 * @param rateLimitHeaders rate-limit headers any answer carried
 * @param authentication the Digest challenge and how a reused nonce was answered
 * @param notes what a reader of the profile should know besides
 */
@JsonPropertyOrder({"profileVersion", "measuredAt", "tool", "product", "api", "baseUrl", "putSemantics",
    "emptyStringClears", "nonceReuse", "types", "masks", "fields", "writes", "rateLimitHeaders", "authentication",
    "notes"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiProfile(
    int profileVersion,
    String measuredAt,
    String tool,
    String product,
    String api,
    String baseUrl,
    String putSemantics,
    Boolean emptyStringClears,
    Boolean nonceReuse,
    Map<String, String> types,
    Map<String, String> masks,
    Map<String, Map<String, String>> fields,
    Map<String, String> writes,
    Map<String, String> rateLimitHeaders,
    Map<String, String> authentication,
    List<String> notes) {

  public static final int VERSION = 1;
  public static final String REPLACE = "replace";
  public static final String MERGE = "merge";
  static final String OTHER = "other";

  public ApiProfile {
    types = copy(types);
    masks = copy(masks);
    fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
    writes = copy(writes);
    rateLimitHeaders = copy(rateLimitHeaders);
    authentication = copy(authentication);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** The mask rule a {@link #masks} value names, if it names one ({@code other} names none). */
  static Optional<MaskRule> ruleOf(String maskText) {
    int colon = maskText.indexOf(':');
    String key = (colon < 0 ? maskText : maskText.substring(0, colon)).trim();
    return MaskRule.ofKey(key);
  }

  /** What the operator acts on: the mask rules seen, replace or merge, {@code ""}, nonce reuse. */
  public MeasuredBehaviour behaviour() {
    Map<String, MaskRule> rules = new LinkedHashMap<>();
    masks.forEach((field, text) -> ruleOf(text).ifPresent(rule -> rules.put(field, rule)));
    return new MeasuredBehaviour(rules, Optional.ofNullable(putSemantics).map(REPLACE::equals),
        Optional.ofNullable(emptyStringClears), Optional.ofNullable(nonceReuse));
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? Map.of() : new LinkedHashMap<>(map);
  }
}
