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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kubernetes Events on resources, the way kubectl describe shows them. A repeat of the same
 * event (same object, type, reason and message) within the dedup window bumps the count of the
 * existing Event instead of creating another. Events are written in order by one background
 * thread, so a pass never waits for them (the benchmark measured a quarter of a pass's time in
 * Event writes); failing to write one never fails a pass, and a full queue drops Events rather
 * than memory.
 */
public final class EventRecorder implements EventSink, AutoCloseable {

  public static final String COMPONENT = "integrations-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final Duration DEDUP_WINDOW = Duration.ofMinutes(30);
  private static final int MAX_REMEMBERED = 10_000;

  private static final int MAX_QUEUED = 10_000;

  private record Key(String uid, String type, String reason, String message) {}

  /**
   * What an Event is about, copied when it is recorded: the resource object lives on.
   *
   * @param namespace null for a cluster-scoped object, whose Events live in namespace default
   */
  private record Subject(String apiVersion, String kind, String namespace, String name, String uid) {
    static Subject of(ThirdPartyIntegration r) {
      return new Subject(r.getApiVersion(), r.getKind(), r.getMetadata().getNamespace(),
          r.getMetadata().getName(), r.getMetadata().getUid());
    }

    String eventNamespace() {
      return namespace == null ? "default" : namespace;
    }
  }

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

  private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
        Thread t = new Thread(r, "event-writer");
        t.setDaemon(true);
        return t;
      }, (task, executor) -> {
        if (executor.isShutdown()) {
          LOG.debug("stopping: an Event recorded during shutdown is not written");
        } else {
          LOG.warn("more than {} Events waiting to be written; dropping one", MAX_QUEUED);
        }
      });

  public EventRecorder(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /** Queues the Event; it is written in the background. */
  @Override
  public void record(ThirdPartyIntegration resource, String type, String reason, String message) {
    queue(Subject.of(resource), type, reason, message);
  }

  @Override
  public void recordOnNamespace(String namespace, String uid, String type, String reason, String message) {
    queue(new Subject("v1", "Namespace", null, namespace, uid), type, reason, message);
  }

  private void queue(Subject subject, String type, String reason, String message) {
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    writer.execute(() -> write(subject, type, reason, message, now));
  }

  /** Waits until every Event recorded so far is written (or {@code timeout} passes). */
  public void flush(Duration timeout) {
    try {
      writer.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      LOG.debug("Events not flushed: {}", e.toString());
    }
  }

  /** Writes what is queued (for a moment), then stops. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(Subject resource, String type, String reason, String message, Instant now) {
    String namespace = resource.eventNamespace();
    Key key = new Key(resource.uid(), type, reason, message);
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
      LOG.warn("could not record event {} on {}/{}: HTTP {}", reason, namespace, resource.name(), e.getCode());
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

  private Seen create(Subject resource, String type, String reason, String message, Instant now) {
    String namespace = resource.eventNamespace();
    Event created = client.v1().events().inNamespace(namespace).resource(new EventBuilder()
            .withNewMetadata()
            .withGenerateName(resource.name() + ".")
            .withNamespace(namespace)
            .endMetadata()
            .withInvolvedObject(new ObjectReferenceBuilder()
                .withApiVersion(resource.apiVersion())
                .withKind(resource.kind())
                .withNamespace(resource.namespace())
                .withName(resource.name())
                .withUid(resource.uid())
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
