package io.mdbops.integrations.bench;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.V1APIGroupDSL;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Experiment: what if creating an Event did not hold up the reconcile? Wraps the operator's
 * Kubernetes client so that {@code v1().events().inNamespace(ns).resource(e).create()} — the call
 * the operator's EventRecorder makes — hands the write to two background threads and returns at
 * once (the name fabric8 would generate is chosen here). Every other call goes to the real client
 * unchanged. This is what an asynchronous EventRecorder would do; the operator itself is untouched.
 */
final class AsyncEvents implements AutoCloseable {

  private final ExecutorService writers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
      new LinkedBlockingQueue<>(100_000), BenchCluster.named("bench-async-events"));
  private final KubernetesClient client;

  AsyncEvents(KubernetesClient real) {
    this.client = (KubernetesClient) proxy(KubernetesClient.class, real, (target, method, args) ->
        method.getName().equals("v1") ? proxy(V1APIGroupDSL.class, call(target, method, args), this::v1) : null);
  }

  KubernetesClient client() {
    return client;
  }

  private Object v1(Object target, Method method, Object[] args) throws Throwable {
    if (!method.getName().equals("events")) {
      return null;
    }
    return proxy(io.fabric8.kubernetes.client.dsl.MixedOperation.class, call(target, method, args), (t, m, a) ->
        m.getName().equals("inNamespace") ? proxy(NonNamespaceOperation.class, call(t, m, a), this::namespaced) : null);
  }

  private Object namespaced(Object target, Method method, Object[] args) throws Throwable {
    if (!method.getName().equals("resource") || args == null || !(args[0] instanceof Event event)) {
      return null;
    }
    Event named = event.getMetadata().getName() != null ? event : new EventBuilder(event).editMetadata()
        .withName(event.getMetadata().getGenerateName() + UUID.randomUUID().toString().substring(0, 8))
        .endMetadata().build();
    Resource<?> real = (Resource<?>) call(target, method, new Object[] {named});
    return proxy(Resource.class, real, (t, m, a) -> {
      if (!m.getName().equals("create") || (a != null && a.length > 0)) {
        return null;
      }
      writers.execute(() -> {
        try {
          real.create();
        } catch (RuntimeException e) {
          // as EventRecorder does: a lost Event never fails anything
        }
      });
      return named;
    });
  }

  /** Decides a call: a non-null result replaces it, null passes it to the target. */
  @FunctionalInterface
  private interface Interception {
    Object apply(Object target, Method method, Object[] args) throws Throwable;
  }

  private static Object proxy(Class<?> type, Object target, Interception override) {
    InvocationHandler handler = (p, method, args) -> {
      Object replaced = override.apply(target, method, args);
      return replaced != null ? replaced : call(target, method, args);
    };
    return Proxy.newProxyInstance(AsyncEvents.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    writers.shutdown();
    try {
      writers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
