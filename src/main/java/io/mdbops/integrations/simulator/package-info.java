/**
 * The API simulator: an in-process, faithful implementation of the Cloud Manager / Ops Manager
 * public API v1.0 third-party integrations resource ({@code /api/public/v1.0/groups/{id}/integrations}),
 * served on 127.0.0.1 with HTTP Digest. Tests use it as the oracle; the {@code simulator} and
 * {@code sandbox} commands serve it.
 *
 * <p>Where to look: {@link io.mdbops.integrations.simulator.ApiSimulator} (lifecycle and admin
 * surface), {@link io.mdbops.integrations.simulator.SimulatorOptions} (every switch; {@code modes()}
 * says which reading of each documented ambiguity it plays: PUT semantics, empty strings, mask
 * formats, nonce reuse, product field sets),
 * {@link io.mdbops.integrations.simulator.TypeSchemas} (per-type fields),
 * {@link io.mdbops.integrations.simulator.ResponseMasking} (how reads show secrets), {@code ApiHandler} (the
 * order of checks for each request), {@code IntegrationsEndpoint} (the five operations),
 * {@link io.mdbops.integrations.simulator.RequestJournal} and
 * {@link io.mdbops.integrations.simulator.FaultInjector}.
 */
package io.mdbops.integrations.simulator;
