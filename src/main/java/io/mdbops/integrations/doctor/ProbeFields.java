package io.mdbops.integrations.doctor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields {@code doctor} sends for each type it can probe, and how it makes up each value: the
 * operator's own field tables for the types it manages (kept equal by a test), plus the types only
 * older or Ops Manager docs list. Every secret and URL is made up per run; plain text fields carry
 * the {@link ProbeValues#MARKER}, so a leftover can be recognised.
 */
final class ProbeFields {

  /** How a field's value is made up. */
  enum Kind {
    /** A made-up secret of hexadecimal digits (Datadog takes nothing else). */
    SECRET,
    /** Plain hexadecimal text of the given length (an id the API may check the shape of). */
    HEX,
    /** A made-up {@code https} URL on the marker host, with port and path, so a mask shows what it keeps. */
    URL,
    /** Text carrying the run's marker. */
    MARKED,
    /** A fixed value the type needs, e.g. a region. */
    FIXED
  }

  /**
   * One field.
   *
   * @param length for SECRET and HEX: how many hex digits
   * @param fixed for FIXED: the value
   */
  record Field(String name, Kind kind, boolean required, int length, Object fixed) {

    boolean secret() {
      return kind == Kind.SECRET || kind == Kind.URL;
    }
  }

  /**
   * Optional plain fields a read shows as sent, to tell a replacing PUT from a merging one, in the
   * order they are tried.
   */
  static final List<String> SEMANTICS_CANDIDATES = List.of("VICTOR_OPS.routingKey", "SLACK.channelName",
      "PROMETHEUS.tlsPemPath");

  private static final Map<String, List<Field>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("PAGER_DUTY", List.of(secret("serviceKey", true)));
    TYPES.put("SLACK", List.of(secret("apiToken", true), marked("teamName", true), marked("channelName", false)));
    TYPES.put("DATADOG", List.of(secret("apiKey", true)));
    TYPES.put("OPS_GENIE", List.of(secret("apiKey", true), fixed("region", true, "US")));
    TYPES.put("VICTOR_OPS", List.of(secret("apiKey", true), marked("routingKey", false)));
    TYPES.put("WEBHOOK", List.of(url("url"), secret("secret", false)));
    TYPES.put("MICROSOFT_TEAMS", List.of(url("microsoftTeamsWebhookUrl")));
    TYPES.put("PROMETHEUS", List.of(
        marked("username", true),
        secret("password", true),
        fixed("listenAddress", true, "0.0.0.0:9216"),
        fixed("serviceDiscovery", true, "http"),
        fixed("scheme", true, "http"),
        // off: no agent should act on a probe
        fixed("enabled", true, false),
        fixed("tlsPemPath", false, "/etc/integrations-doctor/probe.pem"),
        secret("tlsPemPassword", false)));
    TYPES.put("NEW_RELIC", List.of(
        new Field("accountId", Kind.HEX, true, 40, null),
        new Field("licenseKey", Kind.SECRET, true, 40, null),
        secret("writeToken", true),
        secret("readToken", true)));
    TYPES.put("HIP_CHAT", List.of(secret("notificationToken", true), marked("roomName", true)));
    TYPES.put("FLOWDOCK", List.of(marked("flowName", true), secret("apiToken", true), marked("orgName", true)));
  }

  private ProbeFields() {}

  /** Every type doctor can probe. */
  static Set<String> knownTypes() {
    return TYPES.keySet();
  }

  static Optional<List<Field>> of(String type) {
    return Optional.ofNullable(TYPES.get(type));
  }

  static List<Field> required(String type) {
    return TYPES.get(type).stream().filter(Field::required).toList();
  }

  static List<Field> optional(String type) {
    return TYPES.get(type).stream().filter(f -> !f.required()).toList();
  }

  static Optional<Field> field(String type, String name) {
    return of(type).flatMap(fields -> fields.stream().filter(f -> f.name().equals(name)).findFirst());
  }

  private static Field secret(String name, boolean required) {
    return new Field(name, Kind.SECRET, required, 32, null);
  }

  private static Field url(String name) {
    return new Field(name, Kind.URL, true, 0, null);
  }

  private static Field marked(String name, boolean required) {
    return new Field(name, Kind.MARKED, required, 0, null);
  }

  private static Field fixed(String name, boolean required, Object value) {
    return new Field(name, Kind.FIXED, required, 0, value);
  }
}
