package io.mdbops.integrations.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.simulator.ApiSimulator;
import io.mdbops.integrations.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Everything but the operator: the in-process Kubernetes API, the API simulator with its projects and
 * keys, the benchmark's own Kubernetes client (the "user") and a watch that sees resources become
 * Ready. The operator gets its own client, so its traffic and memory are its own.
 */
final class BenchCluster implements AutoCloseable {

  final KubeApi kube;
  final ApiSimulator sim;
  final KubernetesClient client;
  final Population population;
  final ReadyWatch ready;
  private final int creatorThreads;
  private final int unrelatedSecrets;
  private final int unrelatedSecretBytes;

  private BenchCluster(BenchSettings settings) {
    population = Population.of(settings.resources(), settings.projects(), settings.namespaces());
    kube = KubeApi.start(settings.kubeApi());
    client = kube.client();
    sim = ApiSimulator.start(settings.simulator().apply(SimulatorOptions.builder())
        .latency(settings.latency())
        .threads(settings.simulatorThreads())
        // a phase's requests must all fit: PUTs, lists, challenges
        .journalCapacity(4 * settings.resources() + 4 * settings.projects() + 10_000)
        .build());
    for (Population.Tenant t : population.tenants()) {
      t.projects().forEach(sim::addProject);
      sim.addApiKey(t.publicKey(), t.privateKey(), new HashSet<>(t.projects()));
    }
    ready = ReadyWatch.start(client);
    creatorThreads = settings.creatorThreads();
    unrelatedSecrets = settings.unrelatedSecrets();
    unrelatedSecretBytes = settings.unrelatedSecretBytes();
  }

  static BenchCluster start(BenchSettings settings) {
    return new BenchCluster(settings);
  }

  /** Creates namespaces, connection Secrets, credentials Secrets and resources, from several threads. */
  Duration populate(Duration timeout) {
    long start = System.nanoTime();
    for (Population.Tenant t : population.tenants()) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(t.namespace()).endMetadata()
          .build()).create();
      client.secrets().resource(population.connectionSecret(t, sim.baseUrl())).create();
    }
    inParallel(population.members(), m -> {
      client.secrets().resource(population.credentials(m)).create();
      client.resources(ThirdPartyIntegration.class).resource(Population.resource(m)).create();
    }, timeout);
    if (unrelatedSecrets > 0) {
      // beside the resources, as Helm keeps its release history in the applications' namespaces:
      // an operator watching only those namespaces still sees them
      List<Population.Tenant> tenants = population.tenants();
      List<Integer> indexes = java.util.stream.IntStream.range(0, unrelatedSecrets).boxed().toList();
      inParallel(indexes, i -> client.secrets().resource(Population.unrelated(i, unrelatedSecretBytes,
          tenants.get(i % tenants.size()).namespace())).create(), timeout);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Gives each credentials Secret fresh values; returns when every update was answered. */
  void rotate(List<Population.Member> members, Duration timeout) {
    inParallel(members, m -> client.secrets().resource(population.credentials(m)).update(), timeout);
  }

  /** Runs the action for every item on {@code creatorThreads} threads and waits for all. */
  <T> void inParallel(List<T> items, Consumer<T> action, Duration timeout) {
    ExecutorService pool = Executors.newFixedThreadPool(creatorThreads, named("bench-creator"));
    try {
      List<Future<?>> done = new ArrayList<>();
      for (T item : items) {
        done.add(pool.submit(() -> action.accept(item)));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Future<?> f : done) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating objects took longer than " + timeout);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("creating objects failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits until neither the simulator nor the Kubernetes API received a request for {@code quiet}.
   *
   * @return when the last request arrived (approximately), or null when the wait timed out
   */
  Instant awaitQuiet(Duration quiet, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long simSeen = sim.journal().recorded();
    int kubeSeen = kube.requests().size();
    Instant lastChange = Instant.now();
    while (System.nanoTime() < deadline) {
      sleep(Math.min(200, Math.max(20, quiet.toMillis() / 5)));
      long s = sim.journal().recorded();
      int k = kube.requests().size();
      if (s != simSeen || k != kubeSeen) {
        simSeen = s;
        kubeSeen = k;
        lastChange = Instant.now();
      } else if (Duration.between(lastChange, Instant.now()).compareTo(quiet) >= 0) {
        return lastChange;
      }
    }
    return null;
  }

  /** Clears both journals: what follows belongs to the next phase. */
  void clearJournals() {
    kube.clearJournal();
    sim.journal().clear();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    ready.close();
    sim.close();
    kube.close();
  }
}
