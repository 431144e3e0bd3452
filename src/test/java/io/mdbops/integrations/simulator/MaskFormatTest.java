package io.mdbops.integrations.simulator;

import static io.mdbops.integrations.simulator.TypeConformanceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mdbops.integrations.opsmanager.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The undocumented masking formats (--url-mask, --secret-mask; reference §2.2), over real HTTP with
 * Digest: every masked field of every type, on GET-one, the list and a PUT's answer, and a masked
 * value sent back refused in every format.
 */
class MaskFormatTest {

  static final Set<String> URL_FIELDS = Set.of("url", "microsoftTeamsWebhookUrl");

  static Stream<Arguments> everyFormat() {
    return Stream.of(UrlMask.values())
        .flatMap(url -> Stream.of(SecretMask.values()).map(secret -> Arguments.of(url, secret)));
  }

  static SimFixture start(UrlMask url, SecretMask secret) {
    return SimFixture.start(SimulatorOptions.builder().product(Product.OPS_MANAGER).urlMask(url).secretMask(secret)
        .build());
  }

  @ParameterizedTest(name = "url {0}, secret {1}")
  @MethodSource("everyFormat")
  void everyReadShowsEveryMaskedFieldOfEveryTypeInTheChosenFormat(UrlMask url, SecretMask secret) {
    try (SimFixture f = start(url, secret)) {
      for (TypeCase c : TypeConformanceTest.allTypes().toList()) {
        Map<String, Object> expected = expectedView(c, url, secret);

        Reply put = f.api.put(f.path(c.type()), c.body());

        assertThat(put.code()).as(put.toString()).isEqualTo(200);
        assertThat(resultOf(put, c.type())).as("PUT answer for " + c).isEqualTo(expected);
        assertThat(f.api.get(f.path(c.type())).map()).as("GET-one for " + c).isEqualTo(expected);
        assertThat(resultOf(f.api.get(f.list()), c.type())).as("list for " + c).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "url {0}, secret {1}")
  @MethodSource("everyFormat")
  void aMaskedValueSentBackIsRefusedInEveryFormat(UrlMask url, SecretMask secret) {
    try (SimFixture f = start(url, secret)) {
      for (TypeCase c : TypeConformanceTest.allTypes().toList()) {
        f.api.put(f.path(c.type()), c.body());
        JsonNode shown = f.api.get(f.path(c.type())).json();

        Reply sentBack = f.api.put(f.path(c.type()), shown);

        assertError(sentBack, 400, "INVALID_INTEGRATION_SETTINGS");
        assertThat(f.sim.stored(f.project, c.type())).as(c.type()).contains(c.body());
      }
    }
  }

  @Test
  void theFormatsLookLikeThis() {
    TypeCase webhook = TypeCase.of("WEBHOOK");
    TypeCase pagerDuty = TypeCase.of("PAGER_DUTY");
    try (SimFixture f = start(UrlMask.LAST_FOUR, SecretMask.FIXED_PREFIX)) {
      f.api.put(f.path("WEBHOOK"), webhook.body());
      f.api.put(f.path("PAGER_DUTY"), pagerDuty.body());
      f.api.put(f.path("VICTOR_OPS"), Map.of("type", "VICTOR_OPS", "apiKey", "abc"));

      assertThat(f.api.get(f.path("WEBHOOK")).map())
          .containsEntry("url", "*".repeat(45) + "XXXX").containsEntry("secret", "******");
      assertThat(f.api.get(f.path("PAGER_DUTY")).map()).containsEntry("serviceKey", "******c5d6");
      assertThat(f.api.get(f.path("VICTOR_OPS")).map()).containsEntry("apiKey", "**********");
      assertError(f.api.put(f.path("VICTOR_OPS"), Map.of("type", "VICTOR_OPS", "apiKey", "**********")), 400,
          "INVALID_INTEGRATION_SETTINGS");
    }
    try (SimFixture f = start(UrlMask.STARS, SecretMask.FULL)) {
      f.api.put(f.path("WEBHOOK"), webhook.body());
      f.api.put(f.path("PAGER_DUTY"), pagerDuty.body());

      assertThat(f.api.get(f.path("WEBHOOK")).map()).containsEntry("url", "****");
      assertThat(f.api.get(f.path("PAGER_DUTY")).map()).containsEntry("serviceKey", "******");
    }
  }

  @Test
  void aPlainValueThatOnlyLooksLikeAnotherFormatsMaskIsStored() {
    try (SimFixture f = start(UrlMask.HOST, SecretMask.FULL)) {
      Reply put = f.api.put(f.path("PAGER_DUTY"), Map.of("type", "PAGER_DUTY", "serviceKey", "******7890"));

      assertThat(put.code()).as(put.toString()).isEqualTo(200);
      assertThat(f.sim.stored(f.project, "PAGER_DUTY").orElseThrow()).containsEntry("serviceKey", "******7890");
    }
  }

  /**
   * What reads must show, written apart from the simulator: the default formats are TypeCase's
   * hand-written views; the others follow the flag's description.
   */
  static Map<String, Object> expectedView(TypeCase c, UrlMask url, SecretMask secret) {
    Map<String, Object> view = new LinkedHashMap<>();
    c.valid().forEach((field, value) -> {
      Object byDefault = c.masked().get(field);
      if (byDefault == null || byDefault.equals(value) || field.equals("secret")) {
        if (byDefault != null) {
          view.put(field, byDefault); // unmasked, or the webhook secret: ****** in every format
        }
      } else if (URL_FIELDS.contains(field)) {
        view.put(field, switch (url) {
          case HOST -> byDefault;
          case STARS -> "****";
          case LAST_FOUR -> lastFour((String) value);
        });
      } else {
        view.put(field, switch (secret) {
          case LAST_FOUR -> byDefault;
          case FIXED_PREFIX -> "******" + ((String) value).substring(((String) value).length() - 4);
          case FULL -> "******";
        });
      }
    });
    view.put("type", c.type());
    return view;
  }

  private static String lastFour(String value) {
    return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resultOf(Reply list, String type) {
    List<Map<String, Object>> results = (List<Map<String, Object>>) list.map().get("results");
    return results.stream().filter(r -> type.equals(r.get("type"))).findFirst().orElseThrow();
  }
}
