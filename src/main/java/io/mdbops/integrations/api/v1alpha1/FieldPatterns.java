package io.mdbops.integrations.api.v1alpha1;

/**
 * The patterns the CRD schema puts on string fields (Kubernetes names and keys, MongoDB project ids),
 * shared by the schema annotations and the Java validator so the two cannot disagree.
 */
public final class FieldPatterns {
  /** RFC 1123 subdomain: what Secret names must be. */
  public static final String SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  /** A valid key of a Secret's data map. */
  public static final String SECRET_KEY = "^[-._a-zA-Z0-9]+$";
  /** A MongoDB project (group) id: a 24-hex-digit ObjectId. */
  public static final String PROJECT_ID = "^[0-9a-f]{24}$";
  /** A Prometheus duration as prometheus-operator's CRDs accept it, e.g. 30s, 1m30s. */
  public static final String PROMETHEUS_DURATION =
      "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$";

  private FieldPatterns() {}
}
