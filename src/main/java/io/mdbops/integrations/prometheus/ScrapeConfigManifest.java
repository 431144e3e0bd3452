package io.mdbops.integrations.prometheus;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.mdbops.integrations.api.v1alpha1.PrometheusScrapeConfigSpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusSpec;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The prometheus-operator ScrapeConfig a PROMETHEUS resource asks for: HTTP service discovery at the
 * project's discovery URL and basic auth for it and for the scrapes, both reading the user name and
 * the password from the Secret the integration's password comes from. Owned by the resource, so the
 * cluster removes it with the resource. Built as plain maps: no prometheus-operator model is needed.
 */
public final class ScrapeConfigManifest {

  public static final String API_VERSION = "monitoring.coreos.com/v1alpha1";
  public static final String KIND = "ScrapeConfig";
  /** The spec keys the operator sets; anything else on the object (defaults a server adds) is left alone. */
  static final List<String> MANAGED_KEYS = List.of("httpSDConfigs", "basicAuth", "scheme", "scrapeInterval");
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String OPERATOR = "integrations-operator";
  /** How often Prometheus asks the discovery endpoint again (the documented example). */
  static final String REFRESH_INTERVAL = "60s";

  private ScrapeConfigManifest() {}

  /**
   * @param caSecret the Secret and key holding the CA that signed the API's certificate, when the
   *     connection has its own CA and lives in the resource's namespace (Prometheus must trust it too)
   */
  public static GenericKubernetesResource of(
      ThirdPartyIntegration resource, String discoveryUrl, Optional<Map<String, String>> caSecret) {
    PrometheusSpec prometheus = resource.getSpec().getPrometheus();
    PrometheusScrapeConfigSpec scrape = prometheus.getScrapeConfig();
    String secret = prometheus.getPasswordSecretRef().getName();
    Map<String, Object> basicAuth = new LinkedHashMap<>();
    basicAuth.put("username", secretKey(secret, scrape.effectiveUsernameKey()));
    basicAuth.put("password", secretKey(secret, prometheus.getPasswordSecretRef().getKey()));

    Map<String, Object> discovery = new LinkedHashMap<>();
    discovery.put("url", discoveryUrl);
    discovery.put("refreshInterval", REFRESH_INTERVAL);
    discovery.put("basicAuth", basicAuth);
    caSecret.ifPresent(ca -> discovery.put("tlsConfig", Map.of("ca", Map.of("secret", ca))));

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("httpSDConfigs", List.of(discovery));
    spec.put("basicAuth", basicAuth);
    spec.put("scheme", prometheus.getScheme() == null ? "HTTP" : prometheus.getScheme().name().toUpperCase(Locale.ROOT));
    if (scrape.getScrapeInterval() != null) {
      spec.put("scrapeInterval", scrape.getScrapeInterval());
    }

    Map<String, String> labels = new LinkedHashMap<>();
    if (scrape.getLabels() != null) {
      labels.putAll(scrape.getLabels());
    }
    labels.put(MANAGED_BY, OPERATOR);
    GenericKubernetesResource manifest = new GenericKubernetesResource();
    manifest.setApiVersion(API_VERSION);
    manifest.setKind(KIND);
    manifest.setMetadata(new ObjectMetaBuilder()
        .withNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName())
        .withLabels(labels)
        .withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion(resource.getApiVersion())
            .withKind(resource.getKind())
            .withName(resource.getMetadata().getName())
            .withUid(resource.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build())
        .build());
    manifest.setAdditionalProperty("spec", spec);
    return manifest;
  }

  private static Map<String, String> secretKey(String name, String key) {
    Map<String, String> ref = new LinkedHashMap<>();
    ref.put("name", name);
    ref.put("key", key);
    return ref;
  }

  /** Whether {@code existing} is owned by the resource with this uid. */
  static boolean ownedBy(GenericKubernetesResource existing, String uid) {
    return existing.getMetadata().getOwnerReferences() != null
        && existing.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid != null && uid.equals(o.getUid()));
  }

  /**
   * Whether {@code existing} already is what {@code desired} asks for: the same labels and owner, and
   * each managed spec key present exactly when desired, holding at least what is desired (a server
   * may add defaults inside).
   */
  static boolean satisfies(GenericKubernetesResource existing, GenericKubernetesResource desired) {
    if (!desired.getMetadata().getLabels().equals(existing.getMetadata().getLabels())
        || !ownedBy(existing, desired.getMetadata().getOwnerReferences().get(0).getUid())) {
      return false;
    }
    Map<?, ?> want = (Map<?, ?>) desired.getAdditionalProperties().get("spec");
    Object haveSpec = existing.getAdditionalProperties().get("spec");
    if (!(haveSpec instanceof Map<?, ?> have)) {
      return false;
    }
    for (String key : MANAGED_KEYS) {
      if (want.containsKey(key) != have.containsKey(key)
          || (want.containsKey(key) && !contains(have.get(key), want.get(key)))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code have} holds everything in {@code want} (maps by key, lists item by item). */
  static boolean contains(Object have, Object want) {
    if (want instanceof Map<?, ?> w) {
      return have instanceof Map<?, ?> h && w.entrySet().stream()
          .allMatch(e -> h.containsKey(e.getKey()) && contains(h.get(e.getKey()), e.getValue()));
    }
    if (want instanceof List<?> w) {
      if (!(have instanceof List<?> h) || h.size() != w.size()) {
        return false;
      }
      for (int i = 0; i < w.size(); i++) {
        if (!contains(h.get(i), w.get(i))) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(have, want);
  }
}
