package io.mdbops.integrations.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mdbops.integrations.bench.SampleIntegrations;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Valid resources of every type and the Secrets they reference, with secret values that are
 * random and recorded, so that a test can assert none of them ever leaks anywhere.
 */
public final class Fixtures {

  /** Every secret value any fixture produced in this JVM. */
  public static final Set<String> SECRET_VALUES = ConcurrentHashMap.newKeySet();

  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {}

  public static String projectId() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A fresh secret value that looks like a real token and is recorded in {@link #SECRET_VALUES}. */
  public static String secretValue(String hint) {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    String value = hint + HexFormat.of().formatHex(b);
    SECRET_VALUES.add(value);
    return value;
  }

  /** The name of the Secret a fixture resource's block references. */
  public static String credentialsSecretName(String resourceName) {
    return resourceName + "-creds";
  }

  /** A valid resource of {@code type} whose secret refs point at {@link #credentialsSecretName}. */
  public static ThirdPartyIntegration resource(
      String namespace, String name, IntegrationType type, String projectId, String connectionSecret) {
    ThirdPartyIntegration r = new ThirdPartyIntegration();
    r.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    r.setSpec(SampleIntegrations.spec(type, projectId, connectionSecret, credentialsSecretName(name)));
    return r;
  }

  /** A valid resource of {@code type} for {@code product} (on Atlas, Prometheus without host settings). */
  public static ThirdPartyIntegration resource(
      String namespace, String name, IntegrationType type, String projectId, String connectionSecret, Product product) {
    ThirdPartyIntegration r = new ThirdPartyIntegration();
    r.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    r.setSpec(SampleIntegrations.spec(type, projectId, connectionSecret, credentialsSecretName(name), product));
    return r;
  }

  /** Fresh values for every key the fixture resource of {@code type} references, all recorded. */
  public static Map<String, String> credentials(IntegrationType type) {
    Map<String, String> v = SampleIntegrations.credentials(type, Fixtures::secretValue);
    // the URL-shaped values are recorded whole, too
    SECRET_VALUES.addAll(v.values());
    return v;
  }

  public static Secret secret(String namespace, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((k, val) -> data.put(k, base64(val)));
    return new SecretBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withData(data)
        .build();
  }

  public static Secret connectionSecret(String namespace, String name, String baseUrl, String publicKey, String privateKey) {
    SECRET_VALUES.add(privateKey);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("publicKey", publicKey);
    values.put("privateKey", privateKey);
    if (baseUrl != null) {
      values.put("baseUrl", baseUrl);
    }
    return secret(namespace, name, values);
  }

  /**
   * A connection Secret: an API key pair, or with {@code serviceAccount} a client id and secret; and
   * {@code api: atlas-v2} for Atlas. The secret is recorded.
   */
  public static Secret connectionSecret(String namespace, String name, String baseUrl, String id, String secret,
      boolean serviceAccount, ApiGeneration api) {
    SECRET_VALUES.add(secret);
    Map<String, String> values = new LinkedHashMap<>();
    values.put(serviceAccount ? "clientId" : "publicKey", id);
    values.put(serviceAccount ? "clientSecret" : "privateKey", secret);
    if (baseUrl != null) {
      values.put("baseUrl", baseUrl);
    }
    if (api == ApiGeneration.ATLAS_V2) {
      values.put("api", api.key());
    }
    return secret(namespace, name, values);
  }

  public static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static SecretKeySelector ref(String name, String key) {
    return new SecretKeySelector(name, key);
  }
}
