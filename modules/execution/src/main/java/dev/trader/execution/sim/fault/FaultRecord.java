package dev.trader.execution.sim.fault;

/**
 * One injected fault: the {@code opportunity}-th chance of its kind (1-based) fired, with what it
 * hit ({@code detail}: an order id, a listen key, a bar time). Free of wall-clock time so that two
 * runs with the same seed produce equal logs.
 */
public record FaultRecord(FaultKind kind, long opportunity, String detail) {
}
