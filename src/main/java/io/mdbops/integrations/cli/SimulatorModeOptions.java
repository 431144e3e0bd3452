package io.mdbops.integrations.cli;

import io.mdbops.integrations.opsmanager.Product;
import io.mdbops.integrations.simulator.EmptyString;
import io.mdbops.integrations.simulator.NonceReuse;
import io.mdbops.integrations.simulator.PutSemantics;
import io.mdbops.integrations.simulator.SecretMask;
import io.mdbops.integrations.simulator.SimulatorModes;
import io.mdbops.integrations.simulator.SimulatorOptions;
import io.mdbops.integrations.simulator.TypeSchemas;
import io.mdbops.integrations.simulator.UrlMask;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Flags that choose how the API simulator reads what the API docs leave open (the [UNCONFIRMED]
 * items of the reference's checklist), for the `simulator` and `sandbox` commands: an operator
 * that ends Synced under every reading is right whichever one the real API has. Unset flags keep
 * the simulator's defaults.
 */
public final class SimulatorModeOptions {

  @Option(names = "--put-semantics", paramLabel = "replace|merge", converter = PutSemanticsValue.class,
      description = "What a PUT does to fields it leaves out: replace drops them (Cloud Manager docs, default),"
          + " merge keeps them (Ops Manager docs: \"update the changed fields\").")
  PutSemantics putSemantics;

  @Option(names = "--empty-string", paramLabel = "clears|ignored", converter = EmptyStringValue.class,
      description = "What \"\" for an optional field in a write does: clears removes the field (default), ignored"
          + " treats it as absent (with merge the stored value stays).")
  EmptyString emptyString;

  @Option(names = "--url-mask", paramLabel = "host|stars|last-four", converter = UrlMaskValue.class,
      description = "How reads show webhook and Teams URLs: host keeps scheme://host[:port]/**** (default), stars"
          + " shows ****, last-four masks all but the last 4 characters.")
  UrlMask urlMask;

  @Option(names = "--secret-mask", paramLabel = "last-four|fixed-prefix|full", converter = SecretMaskValue.class,
      description = "How reads show keys and tokens: last-four is stars for all but the last 4 (default), fixed-prefix is"
          + " ****** and the last 4 whatever the length, full is ******.")
  SecretMask secretMask;

  @Option(names = "--nonce-reuse", paramLabel = "accepted|refused", converter = NonceReuseValue.class,
      description = "Whether a Digest nonce signs more than one request: accepted until it expires (default), or"
          + " refused: the next request with it gets 401 stale=true.")
  NonceReuse nonceReuse;

  @Option(names = {"--product", "--flavour"}, paramLabel = "CLOUD_MANAGER|OPS_MANAGER", defaultValue = "CLOUD_MANAGER",
      converter = ProductValue.class,
      description = "Which product to play: decides the accepted types (Ops Manager adds HIP_CHAT); also written"
          + " cloud-manager|ops-manager. Default: ${DEFAULT-VALUE}.")
  Product product;

  @Option(names = "--accepted-types", paramLabel = "TYPE", split = ",", converter = TypeValue.class,
      description = "Accept only these integration types (others get 400 INVALID_ENUM_VALUE), e.g. to play Cloud"
          + " Manager without DATADOG. Default: the product's.")
  List<String> acceptedTypes;

  @Option(names = "--datadog-region", paramLabel = "refused|accepted", converter = AcceptanceValue.class,
      description = "Whether DATADOG takes a region besides apiKey: refused, as the current Cloud and Ops Manager"
          + " tables list apiKey only (default), or accepted, as older Ops Manager tables did.")
  Acceptance datadogRegion;

  /** Whether the simulator takes something the docs are unsure of. */
  enum Acceptance {
    REFUSED,
    ACCEPTED
  }

  @Option(names = "--revoke-key-after", paramLabel = "DURATION", converter = Durations.class,
      description = "Revoke every API key this long after start, e.g. 2m: each request then gets 401.")
  Duration revokeKeyAfter;

  /** The chosen readings, into the simulator's options; unset flags leave the builder's values. */
  public SimulatorOptions.Builder applyTo(SimulatorOptions.Builder builder) {
    if (product != null) {
      builder.product(product);
    }
    if (acceptedTypes != null) {
      builder.acceptedTypes(new LinkedHashSet<>(acceptedTypes));
    }
    if (putSemantics != null) {
      builder.putSemantics(putSemantics);
    }
    if (emptyString != null) {
      builder.emptyString(emptyString);
    }
    if (urlMask != null) {
      builder.urlMask(urlMask);
    }
    if (secretMask != null) {
      builder.secretMask(secretMask);
    }
    if (nonceReuse != null) {
      builder.nonceReuse(nonceReuse);
    }
    if (revokeKeyAfter != null) {
      builder.revokeKeysAfter(revokeKeyAfter);
    }
    if (datadogRegion != null) {
      builder.datadogRegion(datadogRegion == Acceptance.ACCEPTED);
    }
    return builder;
  }

  /** The modes that differ from the defaults as one line, e.g. {@code putSemantics=merge, urlMask=stars}; "" for none. */
  public static String describe(SimulatorOptions options) {
    Map<String, Object> changed = options.nonDefaultModes();
    return changed.entrySet().stream()
        .map(e -> e.getKey() + "=" + (e.getValue() instanceof List<?> l
            ? l.stream().map(String::valueOf).collect(Collectors.joining(",")) : e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /**
   * Reads an enum flag written as its constant ({@code LAST_FOUR}) or as the flags write it
   * ({@code last-four}), in any case; a bad value fails naming the allowed ones.
   */
  abstract static class FlagValue<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    FlagValue(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of " + allowed()));
    }

    String allowed() {
      return Arrays.stream(type.getEnumConstants()).map(SimulatorModes::flag).collect(Collectors.joining(", "));
    }
  }

  static final class AcceptanceValue extends FlagValue<Acceptance> {
    AcceptanceValue() {
      super(Acceptance.class);
    }
  }

  static final class PutSemanticsValue extends FlagValue<PutSemantics> {
    PutSemanticsValue() {
      super(PutSemantics.class);
    }
  }

  static final class EmptyStringValue extends FlagValue<EmptyString> {
    EmptyStringValue() {
      super(EmptyString.class);
    }
  }

  static final class UrlMaskValue extends FlagValue<UrlMask> {
    UrlMaskValue() {
      super(UrlMask.class);
    }
  }

  static final class SecretMaskValue extends FlagValue<SecretMask> {
    SecretMaskValue() {
      super(SecretMask.class);
    }
  }

  static final class NonceReuseValue extends FlagValue<NonceReuse> {
    NonceReuseValue() {
      super(NonceReuse.class);
    }
  }

  /** Cloud Manager or Ops Manager; Atlas is chosen with --api atlas-v2. */
  static final class ProductValue extends FlagValue<Product> {
    ProductValue() {
      super(Product.class);
    }

    @Override
    public Product convert(String value) {
      Product product = super.convert(value);
      if (product == Product.ATLAS) {
        throw new TypeConversionException("'" + value + "' is not one of " + allowed() + "; for Atlas use --api atlas-v2");
      }
      return product;
    }

    @Override
    String allowed() {
      return "CLOUD_MANAGER, OPS_MANAGER (or cloud-manager, ops-manager)";
    }
  }

  /** An integration type the simulator knows, in any case. */
  static final class TypeValue implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String type = value.trim().toUpperCase(Locale.ROOT);
      if (!TypeSchemas.knownTypes().contains(type)) {
        throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", TypeSchemas.knownTypes()));
      }
      return type;
    }
  }
}
