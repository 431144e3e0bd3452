package io.mdbops.integrations.controller;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a deleted resource's namespace is being deleted too, and then how long the resource's
 * deletion waits for a removal that keeps failing: until the configured bound has passed since the
 * later of the resource's and the namespace's deletion. The Namespace is read (one GET) only after
 * a removal failed. Without the right to read it, the operator says so once in the log and treats
 * every namespace as not terminating, which is how it behaved before.
 */
final class NamespaceTeardown {

  private static final Logger LOG = LoggerFactory.getLogger(NamespaceTeardown.class);
  static final String TERMINATING = "Terminating";

  /**
   * The resource's namespace is being deleted.
   *
   * @param uid the Namespace object's, for an Event on it
   * @param giveUpAt when the deletion stops waiting for its removal
   * @param remaining how long until then (zero or negative: now)
   * @param bound the configured bound
   */
  record Teardown(String namespace, String uid, Instant giveUpAt, Duration remaining, Duration bound) {

    /** The bound has passed: the deletion stops waiting. */
    boolean due() {
      return remaining.isNegative() || remaining.isZero();
    }
  }

  private final Function<String, Namespace> namespaces;
  private final Duration bound;
  private final Clock clock;
  private final AtomicBoolean toldUnreadable = new AtomicBoolean();

  /**
   * @param namespaces reads a Namespace by name (null when there is none); may throw the client's
   *     exception, e.g. 403 without RBAC
   * @param bound how long a deletion in a terminating namespace waits for a removal that fails
   */
  NamespaceTeardown(Function<String, Namespace> namespaces, Duration bound, Clock clock) {
    this.namespaces = namespaces;
    this.bound = bound;
    this.clock = clock;
  }

  /** The teardown the resource is caught in, if its namespace is being deleted. */
  Optional<Teardown> of(ThirdPartyIntegration resource) {
    String name = resource.getMetadata().getNamespace();
    Namespace namespace;
    try {
      namespace = namespaces.apply(name);
    } catch (KubernetesClientException e) {
      if ((e.getCode() == 401 || e.getCode() == 403) && toldUnreadable.compareAndSet(false, true)) {
        LOG.warn("cannot read Namespace objects (HTTP {}): a deletion whose integration cannot be removed is"
            + " retried even while its namespace is being deleted; give the operator get on namespaces"
            + " (the chart and deploy/base do) to let such deletions go after {}", e.getCode(), bound);
      } else if (e.getCode() != 401 && e.getCode() != 403) {
        LOG.info("cannot read Namespace {} (HTTP {}); treating it as not being deleted for now", name, e.getCode());
      }
      return Optional.empty();
    }
    if (namespace == null || !terminating(namespace)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant since = Stream.of(resource.getMetadata().getDeletionTimestamp(),
            namespace.getMetadata().getDeletionTimestamp())
        .map(NamespaceTeardown::instant)
        .flatMap(Optional::stream)
        .max(Instant::compareTo)
        .orElse(now);
    Instant giveUpAt = since.plus(bound);
    return Optional.of(new Teardown(name, namespace.getMetadata().getUid(), giveUpAt, Duration.between(now, giveUpAt),
        bound));
  }

  static boolean terminating(Namespace namespace) {
    return namespace.getMetadata() != null && namespace.getMetadata().getDeletionTimestamp() != null
        || namespace.getStatus() != null && TERMINATING.equals(namespace.getStatus().getPhase());
  }

  private static Optional<Instant> instant(String timestamp) {
    try {
      return timestamp == null ? Optional.empty() : Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
