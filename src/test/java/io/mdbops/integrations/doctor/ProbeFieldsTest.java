package io.mdbops.integrations.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * doctor probes each type the operator manages with exactly the fields the operator sends, marked
 * optional where the operator may leave them out, and its made-up values are its own per run.
 */
class ProbeFieldsTest {

  @Test
  void theOperatorsTypesAreProbedWithTheOperatorsFields() {
    for (IntegrationType type : IntegrationType.values()) {
      var probed = ProbeFields.of(type.name()).orElseThrow();
      assertThat(probed).extracting(ProbeFields.Field::name).as(type.name())
          .containsExactlyInAnyOrderElementsOf(IntegrationFields.of(type).stream().map(FieldMapping::apiField).toList());
      for (FieldMapping field : IntegrationFields.of(type)) {
        ProbeFields.Field f = ProbeFields.field(type.name(), field.apiField()).orElseThrow();
        assertThat(f.secret()).as("%s.%s is a secret", type, field.apiField()).isEqualTo(field.isSecret());
        if (field.optional()) {
          assertThat(f.required()).as("%s.%s optional", type, field.apiField()).isFalse();
        }
      }
    }
  }

  @Test
  void valuesFollowTheRunIdAndFitWhatAMaskShowsOfThem() {
    ProbeValues one = new ProbeValues("0123abcd");
    ProbeValues again = new ProbeValues("0123abcd");
    ProbeValues other = ProbeValues.newRun();
    ProbeFields.Field serviceKey = ProbeFields.field("PAGER_DUTY", "serviceKey").orElseThrow();
    String key = (String) one.value("PAGER_DUTY", serviceKey);

    assertThat(key).matches("[0-9a-f]{32}").isEqualTo(again.value("PAGER_DUTY", serviceKey))
        .isNotEqualTo(other.value("PAGER_DUTY", serviceKey));
    assertThat(one.fits("PAGER_DUTY", Map.of("serviceKey", "******" + key.substring(28)))).isTrue();
    assertThat(one.fits("PAGER_DUTY", Map.of("serviceKey", "*".repeat(28) + key.substring(28)))).isTrue();
    assertThat(one.fits("PAGER_DUTY", Map.of("serviceKey", "******"))).isTrue();
    assertThat(one.fits("PAGER_DUTY", Map.of("serviceKey", "******" + (key.endsWith("0000") ? "1111" : "0000"))))
        .isFalse();
    String url = (String) one.value("WEBHOOK", ProbeFields.field("WEBHOOK", "url").orElseThrow());
    assertThat(one.fits("WEBHOOK", Map.of("url", "https://" + ProbeValues.URL_HOST + ":8443/****"))).isTrue();
    assertThat(one.fits("WEBHOOK", Map.of("url", "https://hooks.example.com/****"))).isFalse();
    assertThat(url).startsWith("https://" + ProbeValues.URL_HOST + ":8443/hooks/");
    assertThat(ProbeValues.carriesMarker(Map.of("routingKey", ProbeValues.MARKER + "0123abcd"))).isTrue();
    assertThat(ProbeValues.carriesMarker(Map.of("routingKey", "payments"))).isFalse();
  }
}
