package io.mdbops.integrations.controller;

import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lets the operator's own components trigger a pass: the drift watch when a project changed, and a
 * resource handing an integration over to the next owner when it goes.
 */
public final class WakeUpSource extends AbstractEventSource<Void, ThirdPartyIntegration> {

  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wake-up");
    t.setDaemon(true);
    return t;
  });

  public WakeUpSource() {
    super(Void.class, "wake-up");
  }

  public void wake(ResourceID id) {
    if (isRunning()) {
      getEventHandler().handleEvent(new Event(id));
    }
  }

  public void wakeLater(ResourceID id, Duration delay) {
    later.schedule(() -> wake(id), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    super.stop();
    later.shutdownNow();
  }

  @Override
  public Set<Void> getSecondaryResources(ThirdPartyIntegration primary) {
    return Set.of();
  }
}
