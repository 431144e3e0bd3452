package io.mdbops.integrations.sync;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.connection.ConnectionResolver;
import io.mdbops.integrations.connection.ConnectionUnavailableException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who manages an integration when several resources target the same (API endpoint, project, type):
 * the oldest one with management policy Manage (an observed resource never writes, so it owns
 * nothing). Every replica and every pass computes the same answer from the resource cache, so there
 * is no claim to store and none to lose.
 */
public final class Ownership {

  /** Resources of any namespace with this project id and type. */
  @FunctionalInterface
  public interface Candidates {
    List<ThirdPartyIntegration> find(String projectId, String type);
  }

  static final Comparator<ThirdPartyIntegration> OLDEST_FIRST = Comparator
      .comparing((ThirdPartyIntegration r) -> created(r.getMetadata()))
      .thenComparing(r -> r.getMetadata().getNamespace())
      .thenComparing(r -> r.getMetadata().getName());

  private final Candidates candidates;
  private final Predicate<ThirdPartyIntegration> valid;
  private final ConnectionResolver connections;

  /**
   * @param valid whether a candidate's spec is valid: a resource that cannot write owns nothing
   * @param connections tells which API endpoint a candidate writes to
   */
  public Ownership(Candidates candidates, Predicate<ThirdPartyIntegration> valid, ConnectionResolver connections) {
    this.candidates = candidates;
    this.valid = valid;
    this.connections = connections;
  }

  /** The owner, when it is another resource than {@code me}. */
  public Optional<ThirdPartyIntegration> otherOwner(ThirdPartyIntegration me, String myBaseUrl) {
    return contenders(me, myBaseUrl).stream()
        .filter(r -> OLDEST_FIRST.compare(r, me) < 0)
        .min(OLDEST_FIRST);
  }

  /** The other resources targeting the same integration as {@code me}. */
  public List<ThirdPartyIntegration> contenders(ThirdPartyIntegration me, String myBaseUrl) {
    return candidates.find(me.getSpec().getProjectId(), me.getSpec().getType().name()).stream()
        .filter(r -> !sameResource(r, me))
        // an observer never writes, so it owns nothing and stands in no one's way
        .filter(r -> r.getSpec() != null && r.getSpec().effectiveManagementPolicy() == ManagementPolicy.Manage)
        .filter(r -> endpointOf(r).map(myBaseUrl::equals).orElse(false))
        .toList();
  }

  /** The endpoint a candidate writes to; empty when it cannot write (invalid spec, unusable connection). */
  private Optional<String> endpointOf(ThirdPartyIntegration r) {
    if (r.getSpec() == null || !valid.test(r)) {
      return Optional.empty();
    }
    try {
      return Optional.of(connections.resolve(r).baseUrl());
    } catch (ConnectionUnavailableException e) {
      return Optional.empty();
    }
  }

  private static boolean sameResource(ThirdPartyIntegration a, ThirdPartyIntegration b) {
    return a.getMetadata().getNamespace().equals(b.getMetadata().getNamespace())
        && a.getMetadata().getName().equals(b.getMetadata().getName());
  }

  private static Instant created(ObjectMeta meta) {
    String ts = meta.getCreationTimestamp();
    return ts == null ? Instant.MAX : Instant.parse(ts);
  }

  public static String describe(ThirdPartyIntegration r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }
}
