package io.mdbops.integrations.opsmanager;

import io.mdbops.integrations.simulator.ResponseMasking;
import io.mdbops.integrations.simulator.TypeSchemas;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link IntegrationsApi} for fast core tests: projects hold integrations unmasked,
 * reads mask them with the simulator's documented rules, a PUT replaces (or merges) and answers with
 * the whole project, and failures can be queued per call. Every call is journaled.
 */
public final class FakeIntegrationsApi implements IntegrationsApi {

  /** One call: {@code LIST}, {@code GET}, {@code PUT} or {@code DELETE}, with its project and type. */
  public record Call(String method, String projectId, String type) {}

  private final Map<String, Map<String, Map<String, Object>>> projects = new ConcurrentHashMap<>();
  private record Failure(String method, ApiException error) {}

  private final Deque<Failure> failures = new ArrayDeque<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile boolean merge;

  public FakeIntegrationsApi project(String projectId) {
    projects.putIfAbsent(projectId, new LinkedHashMap<>());
    return this;
  }

  /** PUTs keep the stored fields the body leaves out (the Ops Manager reading). */
  public FakeIntegrationsApi merging() {
    merge = true;
    return this;
  }

  /** The next call fails with this error (queued: one per call). */
  public synchronized FakeIntegrationsApi failNext(ApiException e) {
    return failOn(null, e);
  }

  /** The next call with this method ({@code LIST}, {@code GET}, {@code PUT}, {@code DELETE}) fails. */
  public synchronized FakeIntegrationsApi failOn(String method, ApiException e) {
    failures.add(new Failure(method, e));
    return this;
  }

  /** An HTTP error as the client would classify it. */
  public static ApiException error(int status, String errorCode) {
    return new ApiException(ApiErrors.classify(status, errorCode), status, errorCode, "detail of " + errorCode,
        List.of(), status == 429 ? Duration.ofSeconds(3) : null,
        "fake: HTTP " + status + (errorCode == null ? "" : " " + errorCode));
  }

  /** The project's request budget was spent; the call was not sent. */
  public static ApiException throttled() {
    return new ApiException(ApiException.Kind.THROTTLED, 0, null, null, List.of(), Duration.ofMillis(700),
        "fake: not sent, budget spent");
  }

  /** What the project stores for the type, unmasked (what a UI edit would change). */
  public synchronized Optional<Map<String, Object>> stored(String projectId, String type) {
    return Optional.ofNullable(projects.get(projectId)).map(p -> p.get(type)).map(LinkedHashMap::new);
  }

  /** An edit made outside the operator. */
  public synchronized void store(String projectId, String type, Map<String, Object> fields) {
    projects.get(projectId).put(type, new LinkedHashMap<>(fields));
  }

  public synchronized void removeStored(String projectId, String type) {
    projects.get(projectId).remove(type);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public long calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).count();
  }

  @Override
  public synchronized List<IntegrationView> list(String projectId) throws ApiException {
    call("LIST", projectId, null);
    return views(projectId);
  }

  @Override
  public synchronized Optional<IntegrationView> get(String projectId, String type) throws ApiException {
    call("GET", projectId, type);
    return views(projectId).stream().filter(v -> v.type().equals(type)).findFirst();
  }

  @Override
  public synchronized List<IntegrationView> put(String projectId, IntegrationPayload payload) throws ApiException {
    call("PUT", projectId, payload.type());
    Map<String, Map<String, Object>> project = projects.get(projectId);
    Map<String, Object> next = new LinkedHashMap<>();
    if (merge && project.containsKey(payload.type())) {
      next.putAll(project.get(payload.type()));
    }
    next.putAll(payload.fields());
    project.put(payload.type(), next);
    return views(projectId);
  }

  @Override
  public synchronized boolean delete(String projectId, String type) throws ApiException {
    call("DELETE", projectId, type);
    return projects.get(projectId).remove(type) != null;
  }

  private void call(String method, String projectId, String type) throws ApiException {
    calls.add(new Call(method, projectId, type));
    Failure failure = failures.peek();
    if (failure != null && (failure.method() == null || failure.method().equals(method))) {
      failures.poll();
      throw failure.error();
    }
    if (!projects.containsKey(projectId)) {
      throw error(404, "GROUP_NOT_FOUND");
    }
  }

  private List<IntegrationView> views(String projectId) {
    List<IntegrationView> views = new ArrayList<>();
    projects.get(projectId).forEach((type, fields) -> views.add(new IntegrationView(type,
        TypeSchemas.of(type).map(schema -> ResponseMasking.view(schema, fields)).orElse(fields))));
    return views;
  }
}
