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
 * The simulator's own per-type field tables for CM/OM public API v1.0 (integrations-api.md §2.3).
 * This is the test oracle: it is written independently of the operator's mapping code.
 */
public final class TypeSchemas {

  private static final Map<String, TypeSchema> SCHEMAS = new LinkedHashMap<>();

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

  private TypeSchemas() {}

  private static void add(TypeSchema schema) {
    SCHEMAS.put(schema.type(), schema);
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
