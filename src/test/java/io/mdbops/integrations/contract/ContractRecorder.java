package io.mdbops.integrations.contract;

import io.mdbops.integrations.simulator.ExchangeObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Checks every exchange a simulator answers against the Atlas contract and keeps what broke it. */
public final class ContractRecorder implements ExchangeObserver {

  private final AtlasContract contract;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger checked = new AtomicInteger();

  public ContractRecorder(AtlasContract contract) {
    this.contract = contract;
  }

  @Override
  public void observed(Exchange exchange) {
    if (AtlasContract.covers(exchange)) {
      checked.incrementAndGet();
      violations.addAll(contract.check(exchange));
    }
  }

  /** Every violation seen so far, one line each. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** How many exchanges were checked (so a test can tell the check was not vacuous). */
  public int checked() {
    return checked.get();
  }
}
