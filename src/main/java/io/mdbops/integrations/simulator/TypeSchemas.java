package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.FieldSchema.bool;
import static io.mdbops.integrations.simulator.FieldSchema.string;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.FULL;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.LAST_FOUR;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.URL;
import static io.mdbops.integrations.simulator.ResponseMasking.Rule.WRITE_ONLY;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's own per-type field tables for CM/OM public API v1.0 (integrations-api.md §2.3) and
 * for the Atlas Administration API v2 (§2.4, the {@code ThirdPartyIntegration} variants of MongoDB's
 * OpenAPI spec). This is the test oracle: it is written independently of the operator's mapping code.
 */
public final class TypeSchemas {

  private static final Map<String, TypeSchema> SCHEMAS = new LinkedHashMap<>();
  private static final Map<String, TypeSchema> ATLAS_V2 = new LinkedHashMap<>();
  private static final String FORTY_HEX = "[0-9a-f]{40}";

  static {
    add(TypeSchema.of("PAGER_DUTY",
        string("serviceKey").mandatory().masked(LAST_FOUR)));
    add(TypeSchema.of("SLACK",
        string("apiToken").mandatory().masked(LAST_FOUR),
        string("teamName").mandatory(),
        string("channelName").defaultsTo("")));
    add(TypeSchema.of("DATADOG",
        string("apiKey").mandatory().masked(LAST_FOUR).hex(),
        string("region").oneOf("US", "EU")));
    add(TypeSchema.of("OPS_GENIE",
        string("apiKey").mandatory().masked(LAST_FOUR),
        string("region").oneOf("US", "EU").defaultsTo("US")));
    add(TypeSchema.of("VICTOR_OPS",
        string("apiKey").mandatory().masked(LAST_FOUR),
        string("routingKey")));
    add(TypeSchema.of("WEBHOOK",
        string("url").mandatory().masked(URL),
        string("secret").masked(FULL)));
    add(TypeSchema.of("MICROSOFT_TEAMS",
        string("microsoftTeamsWebhookUrl").mandatory().masked(URL)));
    add(TypeSchema.of("PROMETHEUS",
        string("username").mandatory(),
        string("password").mandatory().masked(WRITE_ONLY),
        string("listenAddress").mandatory(),
        string("serviceDiscovery").mandatory().oneOf("file", "http"),
        string("scheme").mandatory().oneOf("http", "https"),
        bool("enabled").mandatory(),
        string("tlsPemPath").requiredWhen("scheme", "https"),
        string("tlsPemPassword").masked(LAST_FOUR)));
    add(TypeSchema.of("NEW_RELIC",
        string("licenseKey").mandatory().masked(LAST_FOUR),
        string("accountId").mandatory(),
        string("writeToken").mandatory().masked(LAST_FOUR),
        string("readToken").mandatory().masked(LAST_FOUR)));
    add(TypeSchema.of("HIP_CHAT",
        string("notificationToken").mandatory().masked(LAST_FOUR),
        string("roomName").mandatory()));
  }

  static {
    // Atlas v2: enums, defaults and required sets as the spec has them; no HIP_CHAT schema (only its
    // name in the path enum), no Prometheus host settings
    addV2(TypeSchema.of("PAGER_DUTY",
        string("serviceKey").mandatory().masked(LAST_FOUR),
        string("region").oneOf("US", "EU")));
    addV2(TypeSchema.of("SLACK",
        string("apiToken").mandatory().masked(LAST_FOUR),
        string("channelName").mandatory(),
        string("teamName")));
    addV2(TypeSchema.of("DATADOG",
        string("apiKey").mandatory().masked(LAST_FOUR).hex(),
        string("region").oneOf("US", "EU", "US3", "US5", "AP1", "US1_FED"),
        bool("sendCollectionLatencyMetrics").defaultsTo(false),
        bool("sendDatabaseMetrics").defaultsTo(false),
        bool("sendQueryStatsMetrics").defaultsTo(false),
        bool("sendUserProvidedResourceTags").defaultsTo(false)));
    // the spec's pattern holds for answers too, so the license key is shown as stored (whether Atlas
    // masks it is [UNCONFIRMED]; the operator compares a value shown in clear with its Secret)
    addV2(TypeSchema.of("NEW_RELIC",
        string("accountId").mandatory().matching(FORTY_HEX),
        string("licenseKey").mandatory().matching(FORTY_HEX),
        string("readToken").mandatory().masked(LAST_FOUR),
        string("writeToken").mandatory().masked(LAST_FOUR)));
    addV2(SCHEMAS.get("OPS_GENIE"));
    addV2(SCHEMAS.get("VICTOR_OPS"));
    addV2(TypeSchema.of("WEBHOOK",
        string("url").mandatory().masked(URL),
        string("secret").masked(FULL),
        string("bodyTemplate").masked(FULL),
        string("headersTemplate").masked(FULL)));
    addV2(SCHEMAS.get("MICROSOFT_TEAMS"));
    addV2(TypeSchema.of("PROMETHEUS",
        string("username").mandatory(),
        string("password").masked(WRITE_ONLY),
        bool("enabled").mandatory(),
        string("serviceDiscovery").mandatory().oneOf("http", "file"),
        bool("sendUserProvidedResourceTagsEnabled").defaultsTo(false)));
  }

  private TypeSchemas() {}

  private static void add(TypeSchema schema) {
    SCHEMAS.put(schema.type(), schema);
  }

  private static void addV2(TypeSchema schema) {
    ATLAS_V2.put(schema.type(), schema);
  }

  /** The Atlas v2 schema of a type, if the spec has one. */
  public static Optional<TypeSchema> atlasV2(String type) {
    return Optional.ofNullable(ATLAS_V2.get(type));
  }

  /** The schema of a type the simulator knows, whatever the product. */
  public static Optional<TypeSchema> of(String type) {
    return Optional.ofNullable(SCHEMAS.get(type));
  }

  /** Every type the simulator knows, in a stable order. */
  public static Set<String> knownTypes() {
    return SCHEMAS.keySet();
  }
}
