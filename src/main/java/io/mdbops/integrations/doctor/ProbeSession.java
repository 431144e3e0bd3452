package io.mdbops.integrations.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls of one run, one at a time, and the cleanup ledger: before any write that may create an
 * integration its type is written down (in memory and in the {@link LedgerFile}), and {@link
 * #cleanUp} removes every type written down, once, whether the run ends, fails or is interrupted
 * (it waits for the call in flight, so nothing is created behind its back).
 */
final class ProbeSession {

  private final ProbeClient client;
  private final LedgerFile ledger;
  private final String baseUrl;
  private final String projectId;
  private final String runId;
  private final Object gate = new Object();
  private final Set<String> mayExist = new LinkedHashSet<>();
  /** The types of {@link #mayExist} a write of this run is known to have created (or replaced). */
  private final Set<String> created = new LinkedHashSet<>();
  private volatile boolean closing;
  private CleanupReport cleanup;

  ProbeSession(ProbeClient client, LedgerFile ledger, String baseUrl, String projectId, String runId) {
    this.client = client;
    this.ledger = ledger;
    this.baseUrl = baseUrl;
    this.projectId = projectId;
    this.runId = runId;
  }

  ProbeClient client() {
    return client;
  }

  /** GET of the list (type null) or of one type. */
  ProbeResponse read(String type) {
    synchronized (gate) {
      open();
      return client.send("GET", type, null);
    }
  }

  ProbeResponse unauthenticatedRead() {
    synchronized (gate) {
      open();
      return client.unauthenticated("GET", null);
    }
  }

  ProbeResponse readWithReusedNonce() {
    synchronized (gate) {
      open();
      return client.withReusedNonce("GET", null);
    }
  }

  /**
   * A PUT or POST that may create the type: written down first, so the cleanup finds it even when
   * no answer comes; taken off again when the API refused a write of a type that was not there.
   */
  ProbeResponse write(String method, String type, Map<String, Object> body) {
    synchronized (gate) {
      open();
      boolean wasThere = !mayExist.add(type) && created.contains(type);
      if (!wasThere) {
        ledger.write(new LedgerFile.Entry(baseUrl, projectId, runId, List.copyOf(mayExist)));
      }
      ProbeResponse r = client.send(method, type, body);
      if (r.ok()) {
        created.add(type);
      } else if (!wasThere) {
        forget(type);
      }
      return r;
    }
  }

  /** A DELETE; once it is gone (or was never there), it is off the ledger. */
  ProbeResponse delete(String type) {
    synchronized (gate) {
      open();
      ProbeResponse r = client.send("DELETE", type, null);
      if (r.ok() || r.notConfigured()) {
        forget(type);
      }
      return r;
    }
  }

  /**
   * Removes every type this run may have created, once; later calls (the shutdown hook after the
   * run's own cleanup, or the other way round) get the same answer. No call of the run starts after it.
   */
  CleanupReport cleanUp() {
    closing = true;
    synchronized (gate) {
      if (cleanup != null) {
        return cleanup;
      }
      List<String> removed = new ArrayList<>();
      Map<String, String> left = new LinkedHashMap<>();
      for (String type : List.copyOf(mayExist)) {
        try {
          ProbeResponse r = client.send("DELETE", type, null);
          if (r.ok() || r.notConfigured()) {
            if (r.ok()) {
              removed.add(type);
            }
            forget(type);
          } else {
            left.put(type, "DELETE answered " + r.summary());
          }
        } catch (DoctorException e) {
          left.put(type, e.getMessage());
        }
      }
      cleanup = new CleanupReport(removed, left);
      return cleanup;
    }
  }

  private void forget(String type) {
    created.remove(type);
    if (mayExist.remove(type)) {
      ledger.write(new LedgerFile.Entry(baseUrl, projectId, runId, List.copyOf(mayExist)));
    }
  }

  private void open() {
    if (closing) {
      throw new DoctorException("interrupted: removing what this run created");
    }
  }
}
