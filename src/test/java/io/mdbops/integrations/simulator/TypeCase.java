package io.mdbops.integrations.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One integration type as the reference documents it, written out by hand (independently of the
 * simulator's schema): a valid body, what reads must show for it, its required fields, and a field
 * to send with the wrong JSON kind.
 *
 * @param type the type
 * @param valid a valid body without {@code type}
 * @param masked what every read must show for it (without {@code type})
 * @param required the fields a write must carry
 * @param wrongKind a field and a value of the wrong JSON kind for it
 */
record TypeCase(String type, Map<String, Object> valid, Map<String, Object> masked, List<String> required,
    Map.Entry<String, Object> wrongKind) {

  static String stars(int n) {
    return "*".repeat(n);
  }

  /** The nine types both products accept. */
  static Stream<TypeCase> common() {
    return Stream.of(
        new TypeCase("PAGER_DUTY",
            Map.of("serviceKey", "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"),
            Map.of("serviceKey", stars(28) + "c5d6"),
            List.of("serviceKey"),
            Map.entry("serviceKey", 12345)),
        new TypeCase("SLACK",
            Map.of("apiToken", "xoxb-1234567890", "teamName", "My Team", "channelName", "#alerts"),
            Map.of("apiToken", stars(11) + "7890", "teamName", "My Team", "channelName", "#alerts"),
            List.of("apiToken", "teamName"),
            Map.entry("teamName", List.of("My Team"))),
        new TypeCase("DATADOG",
            Map.of("apiKey", "0123456789abcdef0123456789abcdef"),
            Map.of("apiKey", stars(28) + "cdef"),
            List.of("apiKey"),
            Map.entry("apiKey", true)),
        new TypeCase("OPS_GENIE",
            Map.of("apiKey", "8c5f1a2b-3d4e-5f60-7182-93a4b5c6d7e8", "region", "EU"),
            Map.of("apiKey", stars(32) + "d7e8", "region", "EU"),
            List.of("apiKey"),
            Map.entry("apiKey", 42.5)),
        new TypeCase("VICTOR_OPS",
            Map.of("apiKey", "12345678-aaaa-bbbb-cccc-1234567890ab", "routingKey", "ops-team"),
            Map.of("apiKey", stars(32) + "90ab", "routingKey", "ops-team"),
            List.of("apiKey"),
            Map.entry("routingKey", Map.of("name", "ops"))),
        new TypeCase("WEBHOOK",
            Map.of("url", "https://hooks.example.com/services/T000/B000/XXXX", "secret", "s3cr3t-value"),
            Map.of("url", "https://hooks.example.com/****", "secret", "******"),
            List.of("url"),
            Map.entry("secret", 7)),
        new TypeCase("MICROSOFT_TEAMS",
            Map.of("microsoftTeamsWebhookUrl",
                "https://example.webhook.office.com:8443/webhookb2/abc@def/IncomingWebhook/123/456?x=1"),
            Map.of("microsoftTeamsWebhookUrl", "https://example.webhook.office.com:8443/****"),
            List.of("microsoftTeamsWebhookUrl"),
            Map.entry("microsoftTeamsWebhookUrl", false)),
        new TypeCase("PROMETHEUS",
            ordered("username", "prom_user_5e2211c17a3e5a48f5497de3", "password", "pr0m-pass",
                "listenAddress", "0.0.0.0:9216", "serviceDiscovery", "http", "scheme", "https",
                "enabled", true, "tlsPemPath", "/etc/ssl/prom.pem", "tlsPemPassword", "pem-pass-1234"),
            ordered("username", "prom_user_5e2211c17a3e5a48f5497de3",
                "listenAddress", "0.0.0.0:9216", "serviceDiscovery", "http", "scheme", "https",
                "enabled", true, "tlsPemPath", "/etc/ssl/prom.pem", "tlsPemPassword", stars(9) + "1234"),
            List.of("username", "password", "listenAddress", "serviceDiscovery", "scheme", "enabled", "tlsPemPath"),
            Map.entry("enabled", "true")),
        new TypeCase("NEW_RELIC",
            Map.of("licenseKey", "0123456789abcdef0123456789abcdef01234567", "accountId", "1234567",
                "writeToken", "NRII-write-token-abcd", "readToken", "NRIQ-read-token-wxyz"),
            Map.of("licenseKey", stars(36) + "4567", "accountId", "1234567",
                "writeToken", stars(17) + "abcd", "readToken", stars(16) + "wxyz"),
            List.of("licenseKey", "accountId", "writeToken", "readToken"),
            Map.entry("accountId", 1234567)));
  }

  /** HIP_CHAT, accepted by the Ops Manager product only. */
  static TypeCase hipChat() {
    return new TypeCase("HIP_CHAT",
        Map.of("notificationToken", "hipchat-token-9876", "roomName", "ops-room"),
        Map.of("notificationToken", stars(14) + "9876", "roomName", "ops-room"),
        List.of("notificationToken", "roomName"),
        Map.entry("roomName", 3));
  }

  static TypeCase of(String type) {
    return Stream.concat(common(), Stream.of(hipChat())).filter(c -> c.type.equals(type)).findFirst().orElseThrow();
  }

  /** The valid body with {@code type}. */
  Map<String, Object> body() {
    return with("type", type);
  }

  /** The valid body with {@code type} and one field changed (a null value removes the field). */
  Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = new LinkedHashMap<>(valid);
    body.put("type", type);
    if (value == null) {
      body.remove(field);
    } else {
      body.put(field, value);
    }
    return body;
  }

  /** The masked view with {@code type}. */
  Map<String, Object> maskedView() {
    Map<String, Object> view = new LinkedHashMap<>(masked);
    view.put("type", type);
    return view;
  }

  @Override
  public String toString() {
    return type;
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
