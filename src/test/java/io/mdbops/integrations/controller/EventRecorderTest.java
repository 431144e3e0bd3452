package io.mdbops.integrations.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.sandbox.EmbeddedKubernetes;
import io.mdbops.integrations.testing.Fixtures;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events as kubectl describe shows them: repeats counted on one Event, never a storm of copies. */
class EventRecorderTest {

  static EmbeddedKubernetes kube;
  static EventRecorder events;

  @BeforeAll
  static void start() {
    kube = EmbeddedKubernetes.start(0);
    events = new EventRecorder(kube.client(), Clock.systemUTC(), "test-instance");
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  static ThirdPartyIntegration resource(String ns) {
    ThirdPartyIntegration r = kube.client().resources(ThirdPartyIntegration.class)
        .resource(Fixtures.resource(ns, "it", IntegrationType.SLACK, Fixtures.projectId(), "api")).create();
    return r;
  }

  static List<Event> eventsIn(String ns) {
    events.flush(java.time.Duration.ofSeconds(5));
    return kube.client().v1().events().inNamespace(ns).list().getItems();
  }

  @Test
  void aRepeatIsCountedOnTheSameEvent() {
    ThirdPartyIntegration r = resource("events-repeat");
    events.record(r, "Warning", "ApiUnavailable", "HTTP 503");
    events.record(r, "Warning", "ApiUnavailable", "HTTP 503");
    events.record(r, "Warning", "ApiUnavailable", "HTTP 503");
    assertThat(eventsIn("events-repeat")).singleElement().satisfies(e -> {
      assertThat(e.getCount()).isEqualTo(3);
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getReason()).isEqualTo("ApiUnavailable");
      assertThat(e.getInvolvedObject().getUid()).isEqualTo(r.getMetadata().getUid());
      assertThat(e.getInvolvedObject().getKind()).isEqualTo("ThirdPartyIntegration");
      assertThat(e.getReportingInstance()).isEqualTo("test-instance");
    });
  }

  @Test
  void anotherMessageIsAnotherEvent() {
    ThirdPartyIntegration r = resource("events-distinct");
    events.record(r, "Warning", "ApiUnavailable", "HTTP 503");
    events.record(r, "Warning", "ApiUnavailable", "HTTP 502");
    events.record(r, "Normal", "Created", "created the SLACK integration");
    assertThat(eventsIn("events-distinct")).hasSize(3).allSatisfy(e -> assertThat(e.getCount()).isEqualTo(1));
  }

  @Test
  void anEventThatExpiredIsRecordedAnew() {
    ThirdPartyIntegration r = resource("events-expired");
    events.record(r, "Warning", "Forbidden", "HTTP 403");
    events.flush(java.time.Duration.ofSeconds(5));
    kube.client().v1().events().inNamespace("events-expired").delete();
    events.record(r, "Warning", "Forbidden", "HTTP 403");
    assertThat(eventsIn("events-expired")).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
  }
}
