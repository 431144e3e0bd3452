package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kubernetes Events on resources, the way kubectl describe shows them. A repeat of the same
 * event (same object, type, reason and message) within the dedup window bumps the count of the
 * existing Event instead of creating another. Failing to write an Event never fails a pass.
 */
public final class EventRecorder {

  public static final String COMPONENT = "integrations-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final Duration DEDUP_WINDOW = Duration.ofMinutes(30);
  private static final int MAX_REMEMBERED = 10_000;

  private record Key(String uid, String type, String reason, String message) {}

  private record Seen(String namespace, String name, int count, Instant first, Instant last) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final Map<Key, Seen> seen = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Seen> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  public EventRecorder(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  public void normal(ThirdPartyIntegration resource, String reason, String message) {
    record(resource, "Normal", reason, message);
  }

  public void warning(ThirdPartyIntegration resource, String reason, String message) {
    record(resource, "Warning", reason, message);
  }

  private void record(ThirdPartyIntegration resource, String type, String reason, String message) {
    String namespace = resource.getMetadata().getNamespace();
    Key key = new Key(resource.getMetadata().getUid(), type, reason, message);
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    Seen previous;
    synchronized (seen) {
      previous = seen.get(key);
    }
    try {
      Seen next = null;
      if (previous != null && previous.last().plus(DEDUP_WINDOW).isAfter(now)) {
        next = bump(previous, now);
      }
      if (next == null) {
        next = create(resource, type, reason, message, now);
      }
      synchronized (seen) {
        seen.put(key, next);
      }
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} on {}/{}: HTTP {}", reason, namespace,
          resource.getMetadata().getName(), e.getCode());
    }
  }

  /** Counts a repeat on the existing Event (a merge patch, no read); null when it is gone. */
  private Seen bump(Seen previous, Instant now) {
    int count = previous.count() + 1;
    try {
      client.v1().events().inNamespace(previous.namespace()).withName(previous.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE),
              "{\"count\":" + count + ",\"lastTimestamp\":\"" + now + "\"}");
      return new Seen(previous.namespace(), previous.name(), count, previous.first(), now);
    } catch (KubernetesClientException e) {
      return null; // expired (Events live an hour) or deleted: record a new one
    }
  }

  private Seen create(ThirdPartyIntegration resource, String type, String reason, String message, Instant now) {
    String namespace = resource.getMetadata().getNamespace();
    Event created = client.v1().events().inNamespace(namespace).resource(new EventBuilder()
            .withNewMetadata()
            .withGenerateName(resource.getMetadata().getName() + ".")
            .withNamespace(namespace)
            .endMetadata()
            .withInvolvedObject(new ObjectReferenceBuilder()
                .withApiVersion(resource.getApiVersion())
                .withKind(resource.getKind())
                .withNamespace(namespace)
                .withName(resource.getMetadata().getName())
                .withUid(resource.getMetadata().getUid())
                .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(now.toString())
            .withLastTimestamp(now.toString())
            .withNewSource().withComponent(COMPONENT).endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(instance)
            .build())
        .create();
    return new Seen(namespace, created.getMetadata().getName(), 1, now, now);
  }
}
