package io.mdbops.integrations.opsmanager;

import io.mdbops.integrations.simulator.FieldSchema;
import io.mdbops.integrations.simulator.ResponseMasking;
import io.mdbops.integrations.simulator.TypeSchema;
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
import java.util.function.UnaryOperator;

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
  private volatile boolean emptyStringIgnored;
  private volatile boolean leaveWrittenOutOfAnswer;
  private volatile String droppedField;
  private volatile UnaryOperator<String> masks = UnaryOperator.identity();

  public FakeIntegrationsApi project(String projectId) {
    projects.putIfAbsent(projectId, new LinkedHashMap<>());
    return this;
  }

  /** PUTs keep the stored fields the body leaves out (the Ops Manager reading). */
  public FakeIntegrationsApi merging() {
    merge = true;
    return this;
  }

  /** An explicit {@code ""} is treated as if the field were left out (so a merging PUT cannot clear it). */
  public FakeIntegrationsApi ignoringEmptyStrings() {
    emptyStringIgnored = true;
    return this;
  }

  /** Shows every masked field through this rule instead of the documented one (a server's own format). */
  public FakeIntegrationsApi masking(UnaryOperator<String> rule) {
    masks = rule;
    return this;
  }

  /** Writes never store this field (a server that does not have it and says nothing). */
  public FakeIntegrationsApi dropping(String field) {
    droppedField = field;
    return this;
  }

  /** A PUT's answer lists the project without the integration just written (a read-after-write lag). */
  public FakeIntegrationsApi leavingWrittenOutOfAnswer() {
    leaveWrittenOutOfAnswer = true;
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

  /** The project is deleted (with its integrations): every later call for it answers 404 GROUP_NOT_FOUND. */
  public synchronized void removeProject(String projectId) {
    projects.remove(projectId);
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
    payload.fields().forEach((field, value) -> {
      if (field.equals(droppedField)) {
        return;
      }
      if (!"".equals(value)) {
        next.put(field, value);
      } else if (!emptyStringIgnored) {
        next.remove(field);
      }
    });
    project.put(payload.type(), next);
    List<IntegrationView> answer = views(projectId);
    return leaveWrittenOutOfAnswer
        ? answer.stream().filter(v -> !v.type().equals(payload.type())).toList() : answer;
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
        TypeSchemas.of(type).map(schema -> shown(schema, fields)).orElse(fields))));
    return views;
  }

  private Map<String, Object> shown(TypeSchema schema, Map<String, Object> fields) {
    Map<String, Object> view = new LinkedHashMap<>(ResponseMasking.view(schema, fields));
    view.replaceAll((name, value) -> schema.field(name).filter(FieldSchema::secret).isPresent() && value instanceof String v
        ? masks.apply(v) : value);
    return view;
  }
}
