package io.mdbops.integrations.simulator;

import io.mdbops.integrations.opsmanager.ApiGeneration;
import io.mdbops.integrations.opsmanager.Product;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link ApiSimulator} behaves. Immutable; build with {@link #builder()}. Every option has a
 * default that matches the documented API; the [UNCONFIRMED] behaviours of the reference are the
 * switches.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one (default 0)
 * @param product Cloud Manager or Ops Manager, served as the public API v1.0 (default CLOUD_MANAGER),
 *     or Atlas, served as the Administration API v2 ({@code /api/atlas/v2}: versioned media type, POST
 *     creates, PUT updates, ids, {@code badRequestDetail}); {@link Builder#api} picks it by generation
 * @param acceptedTypes integration types accepted in the path (default: the product's, {@link
 *     ProductTypes}: the nine types the operator manages, plus HIP_CHAT on Ops Manager. The current
 *     type lists could not be read and the current Cloud Manager field tables leave DATADOG out
 *     ([UNCONFIRMED]), so a narrower set plays "Cloud Manager without DATADOG")
 * @param datadogRegion whether DATADOG takes {@code region} ({@code US|EU}) besides {@code apiKey}
 *     (default false: the current tables of both products, {@code apiKey} only, where {@code region}
 *     is an unknown field, 400 INTEGRATION_FIELDS_INVALID; true plays the older Ops Manager tables)
 * @param tls serve HTTPS with a certificate made at start (default false)
 * @param putSemantics REPLACE or MERGE on PUT of an existing type (default REPLACE: the Cloud Manager
 *     page says the body "replaces the entire configuration"; the Ops Manager page's "update the
 *     changed fields" reads as MERGE)
 * @param emptyString what {@code ""} for an optional string field in a write does (default CLEARS:
 *     an API that stores what it is sent stores nothing there; IGNORED is the reading where
 *     {@code ""} means "not given")
 * @param writeStatus status of a successful POST or PUT: 200 or 201 (default 200)
 * @param deleteStatus status of a successful DELETE: 204 or 200 (default 204)
 * @param rejectMaskedValues refuse a masked value sent back as a secret (default true); false stores it literally
 * @param urlMask how reads show the webhook {@code url} and {@code microsoftTeamsWebhookUrl} (default
 *     HOST, {@code scheme://host[:port]/****}: the one documented example, {@code
 *     https://webhook.com/****}, keeps the scheme and host; whether more survives is [UNCONFIRMED])
 * @param secretMask how reads show LAST_FOUR secrets (default LAST_FOUR, {@code "*" × (len − 4) +
 *     last 4}: the documented rule, matching every documented example; a fixed six-star prefix or
 *     full redaction fit those examples too)
 * @param nonceTtl how long a Digest nonce stays valid (default 5 min)
 * @param nonceReuse whether a nonce signs more than one request (default ACCEPTED: the docs speak of
 *     a nonce "valid for a short amount of time", i.e. reusable within it; REFUSED makes each
 *     further request with it stale)
 * @param strictNonceCount refuse an nc seen before with the same nonce even under another cnonce
 *     (default false: only an identical nonce+cnonce+nc is a replay). okhttp-digest 3.1.1 restarts
 *     nc at 1 with a new cnonce when threads race on a new nonce, so strict mode makes it fail
 *     now and then under concurrency
 * @param revokeKeysAfter how long after start every API key the simulator holds is revoked, so each
 *     request gets 401 (a key deleted or expired while the operator runs); null for never (default)
 * @param readAfterWriteDelay how long after a write reads still see the previous state (default 0)
 * @param rateLimit requests per {@code rateLimitWindow} and project before 429; 0 = off (default 0)
 * @param rateLimitWindow the rate limit's window (default 1 min)
 * @param minLatency initial latency added to every request: lower bound (default 0)
 * @param maxLatency initial latency: upper bound; uniform in min..max (default 0)
 * @param threads request-serving threads (default 64)
 * @param journalCapacity requests the journal keeps (default 10 000)
 * @param tokenTtl how long an OAuth access token from {@code /api/oauth/token} is valid (default 1 h,
 *     the documented {@code expires_in: 3600})
 * @param tokenRequestsPerMinute token requests a service account may make per minute before {@code 429
 *     rate_limited}; 0 = no limit (default 0; the docs' example limit is 10)
 * @param atlasPutCreates whether an Atlas v2 PUT of a type the project lacks creates it (default false:
 *     404 INTEGRATION_NOT_CONFIGURED; whether v2's PUT creates is [UNCONFIRMED], and MongoDB's own
 *     clients only PUT what exists)
 * @param clock time source for nonces, delays and rate limits (default system UTC)
 * @param randomSeed seed for probabilistic faults and random latency; null for unseeded
 */
public record SimulatorOptions(
    int port,
    Product product,
    Set<String> acceptedTypes,
    boolean datadogRegion,
    boolean tls,
    PutSemantics putSemantics,
    EmptyString emptyString,
    int writeStatus,
    int deleteStatus,
    boolean rejectMaskedValues,
    UrlMask urlMask,
    SecretMask secretMask,
    Duration nonceTtl,
    NonceReuse nonceReuse,
    boolean strictNonceCount,
    Duration revokeKeysAfter,
    Duration readAfterWriteDelay,
    int rateLimit,
    Duration rateLimitWindow,
    Duration minLatency,
    Duration maxLatency,
    int threads,
    int journalCapacity,
    Duration tokenTtl,
    int tokenRequestsPerMinute,
    boolean atlasPutCreates,
    Clock clock,
    Long randomSeed) {

  public SimulatorOptions {
    Objects.requireNonNull(product, "product");
    acceptedTypes = Set.copyOf(acceptedTypes == null ? ProductTypes.accepted(product) : acceptedTypes);
    for (String type : acceptedTypes) {
      if (TypeSchemas.of(type).isEmpty()) {
        throw new IllegalArgumentException("unknown integration type " + type);
      }
    }
    Objects.requireNonNull(putSemantics, "putSemantics");
    Objects.requireNonNull(emptyString, "emptyString");
    Objects.requireNonNull(urlMask, "urlMask");
    Objects.requireNonNull(secretMask, "secretMask");
    require(writeStatus == 200 || writeStatus == 201, "writeStatus must be 200 or 201");
    require(deleteStatus == 204 || deleteStatus == 200, "deleteStatus must be 204 or 200");
    require(port >= 0 && port <= 65535, "port out of range");
    Objects.requireNonNull(nonceReuse, "nonceReuse");
    require(!nonceTtl.isNegative() && !nonceTtl.isZero(), "nonceTtl must be positive");
    require(revokeKeysAfter == null || !revokeKeysAfter.isNegative(), "revokeKeysAfter must not be negative");
    require(!readAfterWriteDelay.isNegative(), "readAfterWriteDelay must not be negative");
    require(rateLimit >= 0 && !rateLimitWindow.isNegative() && !rateLimitWindow.isZero(), "rate limit needs limit >= 0 and a positive window");
    require(!minLatency.isNegative() && maxLatency.compareTo(minLatency) >= 0, "latency needs 0 <= min <= max");
    require(threads >= 1 && journalCapacity >= 1, "threads and journalCapacity must be at least 1");
    require(tokenTtl != null && !tokenTtl.isNegative() && !tokenTtl.isZero(), "tokenTtl must be positive");
    require(tokenRequestsPerMinute >= 0, "tokenRequestsPerMinute must not be negative");
    Objects.requireNonNull(clock, "clock");
  }

  public static SimulatorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The API generation served: Atlas plays the Administration API v2, the others the public API v1.0. */
  public ApiGeneration api() {
    return product.generation();
  }

  /** Where the integrations resource lives, e.g. {@code /api/public/v1.0}. */
  public String apiPrefix() {
    return "/" + api().pathPrefix();
  }

  /** Which reading of each documented ambiguity these options play. */
  public SimulatorModes modes() {
    return SimulatorModes.of(this);
  }

  /**
   * The modes that differ from the defaults. The accepted types count as changed only when they
   * differ from the product's own (Ops Manager's HIP_CHAT is the product, not a change).
   */
  public Map<String, Object> nonDefaultModes() {
    SimulatorModes base = defaults().modes();
    SimulatorModes productBase = new SimulatorModes(base.putSemantics(), base.emptyStringClears(), base.nonceReuse(),
        base.urlMask(), base.secretMask(), base.product(), SimulatorModes.sorted(ProductTypes.accepted(product)),
        base.datadogRegion(), base.revokeKeysAfter());
    return modes().differencesFrom(productBase);
  }

  /** How reads mask secrets and URLs. */
  public ResponseMasking.Formats maskFormats() {
    return new ResponseMasking.Formats(urlMask, secretMask);
  }

  /** A builder holding these options, to change some. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.product = product;
    b.acceptedTypes = acceptedTypes;
    b.datadogRegion = datadogRegion;
    b.tls = tls;
    b.putSemantics = putSemantics;
    b.emptyString = emptyString;
    b.writeStatus = writeStatus;
    b.deleteStatus = deleteStatus;
    b.rejectMaskedValues = rejectMaskedValues;
    b.urlMask = urlMask;
    b.secretMask = secretMask;
    b.nonceTtl = nonceTtl;
    b.nonceReuse = nonceReuse;
    b.strictNonceCount = strictNonceCount;
    b.revokeKeysAfter = revokeKeysAfter;
    b.readAfterWriteDelay = readAfterWriteDelay;
    b.rateLimit = rateLimit;
    b.rateLimitWindow = rateLimitWindow;
    b.minLatency = minLatency;
    b.maxLatency = maxLatency;
    b.threads = threads;
    b.journalCapacity = journalCapacity;
    b.tokenTtl = tokenTtl;
    b.tokenRequestsPerMinute = tokenRequestsPerMinute;
    b.atlasPutCreates = atlasPutCreates;
    b.clock = clock;
    b.randomSeed = randomSeed;
    return b;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds {@link SimulatorOptions}; see the record components for meanings and defaults. */
  public static final class Builder {
    private int port;
    private Product product = Product.CLOUD_MANAGER;
    private Set<String> acceptedTypes;
    private boolean datadogRegion;
    private boolean tls;
    private PutSemantics putSemantics = PutSemantics.REPLACE;
    private EmptyString emptyString = EmptyString.CLEARS;
    private int writeStatus = 200;
    private int deleteStatus = 204;
    private boolean rejectMaskedValues = true;
    private UrlMask urlMask = UrlMask.HOST;
    private SecretMask secretMask = SecretMask.LAST_FOUR;
    private Duration nonceTtl = Duration.ofMinutes(5);
    private NonceReuse nonceReuse = NonceReuse.ACCEPTED;
    private boolean strictNonceCount;
    private Duration revokeKeysAfter;
    private Duration readAfterWriteDelay = Duration.ZERO;
    private int rateLimit;
    private Duration rateLimitWindow = Duration.ofMinutes(1);
    private Duration minLatency = Duration.ZERO;
    private Duration maxLatency = Duration.ZERO;
    private int threads = 64;
    private int journalCapacity = 10_000;
    private Duration tokenTtl = Duration.ofHours(1);
    private int tokenRequestsPerMinute;
    private boolean atlasPutCreates;
    private Clock clock = Clock.systemUTC();
    private Long randomSeed;

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder product(Product product) {
      this.product = product;
      return this;
    }

    /**
     * The API generation to serve: {@code ATLAS_V2} plays Atlas; {@code PUBLIC_V1} keeps Cloud/Ops
     * Manager (Cloud Manager when Atlas was chosen before).
     */
    public Builder api(ApiGeneration api) {
      if (api == ApiGeneration.ATLAS_V2) {
        this.product = Product.ATLAS;
      } else if (this.product == Product.ATLAS) {
        this.product = Product.CLOUD_MANAGER;
      }
      return this;
    }

    public Builder tokenTtl(Duration ttl) {
      this.tokenTtl = ttl;
      return this;
    }

    public Builder tokenRequestsPerMinute(int limit) {
      this.tokenRequestsPerMinute = limit;
      return this;
    }

    public Builder atlasPutCreates(boolean creates) {
      this.atlasPutCreates = creates;
      return this;
    }

    /** Overrides the product's accepted types; null restores them. */
    public Builder acceptedTypes(Set<String> types) {
      this.acceptedTypes = types;
      return this;
    }

    public Builder datadogRegion(boolean accepted) {
      this.datadogRegion = accepted;
      return this;
    }

    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder putSemantics(PutSemantics semantics) {
      this.putSemantics = semantics;
      return this;
    }

    public Builder emptyString(EmptyString reading) {
      this.emptyString = reading;
      return this;
    }

    public Builder writeStatus(int status) {
      this.writeStatus = status;
      return this;
    }

    public Builder deleteStatus(int status) {
      this.deleteStatus = status;
      return this;
    }

    public Builder rejectMaskedValues(boolean reject) {
      this.rejectMaskedValues = reject;
      return this;
    }

    public Builder urlMask(UrlMask mask) {
      this.urlMask = mask;
      return this;
    }

    public Builder secretMask(SecretMask mask) {
      this.secretMask = mask;
      return this;
    }

    public Builder nonceTtl(Duration ttl) {
      this.nonceTtl = ttl;
      return this;
    }

    public Builder nonceReuse(NonceReuse reuse) {
      this.nonceReuse = reuse;
      return this;
    }

    public Builder strictNonceCount(boolean strict) {
      this.strictNonceCount = strict;
      return this;
    }

    /** Revokes every key this long after start; null for never. */
    public Builder revokeKeysAfter(Duration delay) {
      this.revokeKeysAfter = delay;
      return this;
    }

    public Builder readAfterWriteDelay(Duration delay) {
      this.readAfterWriteDelay = delay;
      return this;
    }

    /** At most {@code limit} requests per {@code window} and project; more get 429 RATE_LIMITED. */
    public Builder rateLimit(int limit, Duration window) {
      this.rateLimit = limit;
      this.rateLimitWindow = window;
      return this;
    }

    public Builder latency(Duration fixed) {
      return latency(fixed, fixed);
    }

    public Builder latency(Duration min, Duration max) {
      this.minLatency = min;
      this.maxLatency = max;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder journalCapacity(int capacity) {
      this.journalCapacity = capacity;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder randomSeed(long seed) {
      this.randomSeed = seed;
      return this;
    }

    public SimulatorOptions build() {
      return new SimulatorOptions(port, product, acceptedTypes, datadogRegion, tls, putSemantics, emptyString, writeStatus, deleteStatus,
          rejectMaskedValues, urlMask, secretMask, nonceTtl, nonceReuse, strictNonceCount, revokeKeysAfter, readAfterWriteDelay, rateLimit, rateLimitWindow, minLatency, maxLatency,
          threads, journalCapacity, tokenTtl, tokenRequestsPerMinute, atlasPutCreates, clock, randomSeed);
    }
  }
}
