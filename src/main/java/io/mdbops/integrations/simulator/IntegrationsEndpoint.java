package io.mdbops.integrations.simulator;

import io.mdbops.integrations.opsmanager.ApiGeneration;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five operations of {@code /groups/{projectId}/integrations[/{type}]} for a project that
 * exists and a type the product accepts. Reads mask; writes validate, store unmasked, and answer
 * with the project's whole (masked) list. On Atlas v2 a PUT only updates (unless told otherwise) and
 * every write gives the integration a new {@code id}.
 */
final class IntegrationsEndpoint {

  private final IntegrationStore store;
  private final SimulatorOptions options;
  private final IntegrationValidator validator;
  private final IntegrationUpdate update;
  private final FieldTables fieldTables;
  private final Clock clock;
  private final boolean atlasV2;
  private final SecureRandom ids = new SecureRandom();

  IntegrationsEndpoint(IntegrationStore store, SimulatorOptions options) {
    this.store = store;
    this.options = options;
    this.atlasV2 = options.api() == ApiGeneration.ATLAS_V2;
    this.validator = new IntegrationValidator(options.rejectMaskedValues(), options.maskFormats(), atlasV2);
    this.update = new IntegrationUpdate(options.putSemantics(), options.emptyString());
    this.fieldTables = new FieldTables(options.datadogRegion(), atlasV2);
    this.clock = options.clock();
  }

  ApiResponse handle(ApiRequest request, ApiPath path) {
    if (path.isList()) {
      if (!request.method().equals("GET")) {
        throw new ApiErrorException(ErrorCode.RESOURCE_NOT_FOUND, request.path());
      }
      return listResponse(request, path.projectId(), 200);
    }
    TypeSchema schema = fieldTables.of(path.type()).orElseThrow();
    return switch (request.method()) {
      case "GET" -> getOne(path.projectId(), schema);
      case "POST" -> create(request, path.projectId(), schema);
      case "PUT" -> put(request, path.projectId(), schema);
      case "DELETE" -> delete(path.projectId(), schema.type());
      default -> throw new ApiErrorException(ErrorCode.RESOURCE_NOT_FOUND, request.path());
    };
  }

  private ApiResponse getOne(String projectId, TypeSchema schema) {
    Map<String, Object> stored = store.visible(projectId, schema.type(), clock.instant())
        .orElseThrow(() -> notConfigured(schema.type()));
    return ApiResponse.json(200, ResponseMasking.view(options.maskFormats(), schema, stored));
  }

  private ApiResponse create(ApiRequest request, String projectId, TypeSchema schema) {
    Map<String, Object> provided = validator.provided(schema, Json.parse(request.body()));
    store.write(projectId, schema.type(), visibleFrom(), current -> {
      if (current.isPresent()) {
        throw new ApiErrorException(ErrorCode.INTEGRATION_ALREADY_CONFIGURED, schema.type());
      }
      return withId(validator.complete(schema, update.apply(schema, current, provided)));
    });
    return listResponse(request, projectId, options.writeStatus());
  }

  private ApiResponse put(ApiRequest request, String projectId, TypeSchema schema) {
    Map<String, Object> provided = validator.provided(schema, Json.parse(request.body()));
    store.write(projectId, schema.type(), visibleFrom(), current -> {
      if (atlasV2 && current.isEmpty() && !options.atlasPutCreates()) {
        throw notConfigured(schema.type());
      }
      return withId(validator.complete(schema, update.apply(schema, current, provided)));
    });
    return listResponse(request, projectId, options.writeStatus());
  }

  /** On Atlas v2, a new id for what is stored: it changes with every update. */
  private Map<String, Object> withId(Map<String, Object> integration) {
    if (!atlasV2) {
      return integration;
    }
    Map<String, Object> withId = new LinkedHashMap<>();
    byte[] bytes = new byte[12];
    ids.nextBytes(bytes);
    withId.put("id", HexFormat.of().formatHex(bytes));
    withId.putAll(integration);
    return withId;
  }

  private ApiResponse delete(String projectId, String type) {
    if (!store.remove(projectId, type)) {
      throw notConfigured(type);
    }
    return ApiResponse.empty(options.deleteStatus());
  }

  private ApiResponse listResponse(ApiRequest request, String projectId, int status) {
    List<Map<String, Object>> masked = store.visibleAll(projectId, clock.instant()).stream()
        .map(this::masked)
        .toList();
    return ApiResponse.json(status, ListPage.of(request, masked));
  }

  private Map<String, Object> masked(Map<String, Object> stored) {
    Optional<TypeSchema> schema = fieldTables.of(String.valueOf(stored.get("type")))
        .or(() -> TypeSchemas.of(String.valueOf(stored.get("type"))));
    return schema.map(s -> ResponseMasking.view(options.maskFormats(), s, stored)).orElse(stored);
  }

  private Instant visibleFrom() {
    return clock.instant().plus(options.readAfterWriteDelay());
  }

  private static ApiErrorException notConfigured(String type) {
    return new ApiErrorException(ErrorCode.INTEGRATION_NOT_CONFIGURED, type);
  }
}
