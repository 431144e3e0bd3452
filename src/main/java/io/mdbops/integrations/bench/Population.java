package io.mdbops.integrations.bench;

import io.mdbops.integrations.mapping.ProductSupport;
import io.mdbops.integrations.opsmanager.Product;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The objects a run creates, decided up front and deterministic: tenants (one namespace, one API
 * key, one connection Secret each), projects (each owned by one tenant) and resources (one per
 * project slot, the types rotating so every type occurs, each with its own credentials Secret).
 */
public final class Population {

  public static final String CONNECTION_SECRET = "ops-manager";
  /** The namespace of the Secrets no resource references. */
  private static final IntegrationType[] TYPES =
      ProductSupport.offeredTypes(Product.OPS_MANAGER).toArray(IntegrationType[]::new);

  /** A team: its namespace and its API key. */
  public record Tenant(String namespace, String publicKey, String privateKey, List<String> projects) {}

  /** One resource and where it points. */
  public record Member(String namespace, String name, IntegrationType type, String projectId) {
    public String secretName() {
      return name + "-creds";
    }

    public String key() {
      return namespace + "/" + name;
    }
  }

  private final List<Tenant> tenants;
  private final List<String> projects;
  private final List<Member> members;
  private final Random random;

  private Population(List<Tenant> tenants, List<String> projects, List<Member> members, long seed) {
    this.tenants = tenants;
    this.projects = projects;
    this.members = members;
    this.random = new Random(seed);
  }

  /** Resource {@code i} goes to project {@code i % projects}, slot {@code i / projects}. */
  public static Population of(int resources, int projectCount, int namespaceCount) {
    List<String> projects = new ArrayList<>();
    for (int p = 0; p < projectCount; p++) {
      projects.add(String.format("be%022x", p + 1));
    }
    List<Tenant> tenants = new ArrayList<>();
    Random keys = new Random(42);
    for (int n = 0; n < namespaceCount; n++) {
      List<String> owned = new ArrayList<>();
      for (int p = n; p < projectCount; p += namespaceCount) {
        owned.add(projects.get(p));
      }
      tenants.add(new Tenant(String.format("team-%02d", n), String.format("bench-key-%02d", n),
          token(keys, "priv"), List.copyOf(owned)));
    }
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      int p = i % projectCount;
      int slot = i / projectCount;
      IntegrationType type = TYPES[(p + slot) % TYPES.length];
      String name = type.blockName().toLowerCase() + "-" + String.format("p%05d", p);
      members.add(new Member(tenants.get(p % namespaceCount).namespace(), name, type, projects.get(p)));
    }
    return new Population(List.copyOf(tenants), List.copyOf(projects), List.copyOf(members), 7);
  }

  public List<Tenant> tenants() {
    return tenants;
  }

  public List<String> projects() {
    return projects;
  }

  public List<Member> members() {
    return members;
  }

  public Secret connectionSecret(Tenant tenant, String baseUrl) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("publicKey", tenant.publicKey());
    values.put("privateKey", tenant.privateKey());
    values.put("baseUrl", baseUrl);
    return secret(tenant.namespace(), CONNECTION_SECRET, values);
  }

  /** The member's credentials Secret with fresh values (every call gives new ones: a rotation). */
  public Secret credentials(Member m) {
    return secret(m.namespace(), m.secretName(), SampleIntegrations.credentials(m.type(), this::token));
  }

  /** The member's resource, using its namespace's connection Secret. */
  public static ThirdPartyIntegration resource(Member m) {
    ThirdPartyIntegration r = new ThirdPartyIntegration();
    r.setMetadata(new ObjectMetaBuilder().withNamespace(m.namespace()).withName(m.name())
        .addToLabels("app.kubernetes.io/part-of", "bench").build());
    r.setSpec(SampleIntegrations.spec(m.type(), m.projectId(), CONNECTION_SECRET, m.secretName()));
    return r;
  }

  /** A Secret no resource references, with {@code bytes} of data (like a Helm release's). */
  /** An unrelated Secret in {@code namespace}, as Helm leaves one per release revision. */
  public static Secret unrelated(int i, int bytes, String namespace) {
    byte[] data = new byte[bytes];
    new Random(i).nextBytes(data);
    return new SecretBuilder()
        .withNewMetadata().withNamespace(namespace).withName(String.format("release-%06d", i))
        .addToLabels("owner", "helm").endMetadata()
        .withType("helm.sh/release.v1")
        .addToData("release", Base64.getEncoder().encodeToString(data))
        .build();
  }

  private synchronized String token(String prefix) {
    return token(random, prefix);
  }

  private static String token(Random random, String prefix) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }

  private static Secret secret(String namespace, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((k, val) -> data.put(k, Base64.getEncoder().encodeToString(val.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withData(data)
        .build();
  }

  private static SecretKeySelector ref(String name, String key) {
    return new SecretKeySelector(name, key);
  }
}
