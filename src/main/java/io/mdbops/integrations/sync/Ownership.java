package io.mdbops.integrations.sync;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who manages an integration when several resources target the same (API endpoint, project, type):
 * the oldest one. Every replica and every pass computes the same answer from the resource cache, so
 * there is no claim to store and none to lose.
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
  private final Function<ThirdPartyIntegration, Optional<String>> baseUrlOf;

  /**
   * @param baseUrlOf the API endpoint a candidate targets, or empty when it cannot write at all
   *     (invalid spec or unusable connection), in which case it owns nothing
   */
  public Ownership(Candidates candidates, Function<ThirdPartyIntegration, Optional<String>> baseUrlOf) {
    this.candidates = candidates;
    this.baseUrlOf = baseUrlOf;
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
        .filter(r -> baseUrlOf.apply(r).map(myBaseUrl::equals).orElse(false))
        .toList();
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
