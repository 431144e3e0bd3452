package io.mdbops.integrations.sandbox;

import io.mdbops.integrations.opsmanager.ApiCallListener;
import io.mdbops.integrations.opsmanager.ApiException;
import io.mdbops.integrations.opsmanager.IntegrationPayload;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.opsmanager.IntegrationsApi;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.IntegrationsApiFactory;
import io.mdbops.integrations.opsmanager.NoncePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tells about every write the operator makes to the API (PUT, DELETE): method, project, type and
 * the HTTP status, never a body or a key. Wraps the clients a factory makes; as the client's
 * {@link ApiCallListener} it learns each exchange's status on the calling thread. A write held
 * back by the request budget was never sent, so it is not told.
 */
public final class ApiWriteLog implements ApiCallListener {

  /** One write: HTTP status 0 when no response arrived; errorCode only for refusals. */
  public record Write(String method, String projectId, String type, int status, String errorCode) {
    @Override
    public String toString() {
      return method + " " + projectId + "/" + type + " -> " + (status == 0 ? "no response" : status)
          + (errorCode == null ? "" : " " + errorCode);
    }
  }

  private final ThreadLocal<Integer> lastStatus = new ThreadLocal<>();
  /** The method of the last write on the wire: an Atlas v2 create is a POST, or a PUT that found the type gone. */
  private final ThreadLocal<String> lastMethod = new ThreadLocal<>();
  /** The write in progress on this thread: method, project, type. */
  private final ThreadLocal<String[]> current = new ThreadLocal<>();
  private final Consumer<Write> sink;

  public ApiWriteLog(Consumer<Write> sink) {
    this.sink = sink;
  }

  @Override
  public void onCall(String method, Endpoint endpoint, int httpStatus, Duration duration) {
    if (endpoint == Endpoint.CREATE || endpoint == Endpoint.PUT || endpoint == Endpoint.DELETE) {
      lastStatus.set(httpStatus); // not the list a PUT may read afterwards
      lastMethod.set(method);
      String[] write = current.get();
      if (write != null && (httpStatus < 200 || httpStatus >= 300)) {
        // an attempt the client will try again within the pass: show it, an outage should be visible
        sink.accept(new Write(method, write[1], write[2], httpStatus, "(attempt failed)"));
      }
    }
  }

  /** The factory whose clients report their writes here. */
  public IntegrationsApiFactory wrap(IntegrationsApiFactory factory) {
    return new IntegrationsApiFactory() {
      @Override
      public IntegrationsApi create(ApiConnection connection) {
        return new Logged(factory.create(connection));
      }

      @Override
      public IntegrationsApi create(ApiConnection connection, NoncePolicy nonces) {
        return new Logged(factory.create(connection, nonces));
      }
    };
  }

  private final class Logged implements IntegrationsApi {
    private final IntegrationsApi api;

    Logged(IntegrationsApi api) {
      this.api = api;
    }

    @Override
    public List<IntegrationView> list(String projectId) throws ApiException {
      return api.list(projectId);
    }

    @Override
    public Optional<IntegrationView> get(String projectId, String type) throws ApiException {
      return api.get(projectId, type);
    }

    @Override
    public List<IntegrationView> put(String projectId, IntegrationPayload payload) throws ApiException {
      return write(projectId, payload, false);
    }

    @Override
    public List<IntegrationView> create(String projectId, IntegrationPayload payload) throws ApiException {
      return write(projectId, payload, true);
    }

    private List<IntegrationView> write(String projectId, IntegrationPayload payload, boolean create)
        throws ApiException {
      lastStatus.remove();
      lastMethod.remove();
      current.set(new String[] {"PUT", projectId, payload.type()});
      try {
        List<IntegrationView> result = create ? api.create(projectId, payload) : api.put(projectId, payload);
        report("PUT", projectId, payload.type(), null);
        return result;
      } catch (ApiException e) {
        report("PUT", projectId, payload.type(), e);
        throw e;
      } finally {
        current.remove();
      }
    }

    @Override
    public void close() {
      api.close();
    }

    @Override
    public boolean delete(String projectId, String type) throws ApiException {
      lastStatus.remove();
      lastMethod.remove();
      current.set(new String[] {"DELETE", projectId, type});
      try {
        boolean existed = api.delete(projectId, type);
        report("DELETE", projectId, type, null);
        return existed;
      } catch (ApiException e) {
        report("DELETE", projectId, type, e);
        throw e;
      } finally {
        current.remove();
      }
    }

    private void report(String method, String projectId, String type, ApiException failure) {
      if (failure != null && failure.kind() == ApiException.Kind.THROTTLED) {
        return; // never sent: it waits on the project's request budget and is tried again later
      }
      Integer seen = lastStatus.get();
      if (lastMethod.get() != null) {
        method = lastMethod.get();
      }
      int status = seen != null ? seen : failure != null ? failure.httpStatus() : 0;
      sink.accept(new Write(method, projectId, type, status, failure == null ? null : failure.errorCode()));
    }
  }
}
